"""Who acts in a frame and on whom: the actor rules of the frame builder.

actor1 is the agent: the actor right after a verb or a masdar of movement, an adjective
of nationality after an attack, the subject right before a verb (SVO), else the nearest
actor before the trigger that is not in target position; whoever claims an attack that
names no agent. actor2 is the first actor in target position after the trigger, the
other side of "بين A و B", the owner of a base struck, or civilians struck. `frames`
calls `fill_actors` for each frame, then the fallbacks of `events.fallbacks` in order.
"""

from __future__ import annotations

import bisect
import operator
from typing import TYPE_CHECKING

from marsad.events.analysis import Analysis
from marsad.events.grammar import AGAINST, RELATIVES
from marsad.events.places import PlaceRef
from marsad.events.roles import ActorRef, means_noun
from marsad.events.victims import victim
from marsad.lexicon.model import Lexicon
from marsad.recognize.matcher import Hit

if TYPE_CHECKING:
    from marsad.events.frames import Frame

#: kinds of remote violence: consecutive cues of these in a clause tell one attack
ATTACK = {"airstrike", "shelling", "explosion"}
#: kinds whose masdar takes its agent after it ("استعادة القوات العراقية السيطرة")
AGENT_AFTER = {"capture", "withdrawal", "advance", "deployment", "contact", "other"}


def civilians(lexicon: Lexicon, actor_id: str) -> bool:
    """Is `actor_id` the civilians (ACTORS.md `CIVILIANS`), struck, never striking?"""
    actor = lexicon.actors.get(actor_id)
    return actor is not None and actor.type == "civilians"


def attack_kinds(kinds: list[str]) -> bool:
    """Are all `kinds` remote violence (an attack whose means may still be unsettled)?"""
    return bool(kinds) and all(k in ATTACK or k == "remote" for k in kinds)


def _site_holder(an: Analysis, lexicon: Lexicon, place: PlaceRef) -> str | None:
    """The actor whose forces the place hosts (actors.yaml `sites`), or None.

    A base named with its base word ("قاعدة الشدادي", recorded as "الشدادي") is looked up
    as such: the town alone hosts no one.
    """
    name = an.text[place.name_start:place.name_end]
    holder = lexicon.site_holder(place.surface) or lexicon.site_holder(name)
    if holder is None and place.feature is not None and place.feature.startswith("قاعد"):
        holder = lexicon.site_holder(f"قاعدة {name}")
    return holder


def weapon_subject(an: Analysis, trigger: Hit) -> int | None:
    """Where the weapon that is the verb's subject starts ("أن 3 طائرات مسيرة هاجمت"), or None.

    A weapon right before the verb is its subject: an actor named before the weapon's
    phrase did not do it, while one inside it owns the weapon ("طائرات الأسد المروحية تلقي").
    """
    prev = an.prev_word(trigger.token_start)
    if prev is None:
        return None
    # "بالطائرات المسيرة، استهدفت": a weapon after "ب" or a comma is the means, not the subject
    return next((h.token_start for h in an.hits_in(max(0, prev[0] - 40), prev[1])
                 if h.entry.kind == "means" and h.end == prev[1] and "ب" not in h.proclitics
                 and not an.text[h.end:trigger.token_start].strip()), None)


def conjugated(an: Analysis, trigger: Hit) -> bool:
    """A cue that reads as a conjugated verb: its subject may be dropped ("واستهدفت")."""
    word = an.text[trigger.start:trigger.token_end]
    stem = trigger.entry.form
    if word.startswith(("ي", "ت", "ن")) and not stem.startswith(("ت", "ي", "ن")):
        return True
    rest = word[len(stem):] if word.startswith(stem) else ""
    return rest in ("ت", "وا", "تا", "ن")


def pronoun_agent(an: Analysis, lexicon: Lexicon, trigger: Hit) -> bool:
    """Is the cue's agent a pronoun, pointing back at an actor named before?

    A conjugated verb ("واستهدفت"), a masdar with a possessive pronoun and its object
    after it ("أعلنت ضربها هدفاً", "سبق ذلك استهدافها قاعدة الشدادي"), or the object of a
    conjugated support verb ("نفذت هجوماً صاروخياً", lexicon `support_verbs`).
    """
    if conjugated(an, trigger):
        return True
    before = an.words(max(0, trigger.token_start - 16), trigger.token_start)[-1:]
    if " " not in trigger.entry.form and _possessive(an, trigger) and (
            trigger.entry.attr("form", "noun") != "verb"
            # "أعلنت ضربها هدفاً": a verb's stem with a pronoun and then an object (no
            # actor: "ضربها الطيران") is the masdar, the pronoun its agent
            or an.text[trigger.start:trigger.token_end][len(trigger.entry.form):] in _PRONOUNS):
        return True
    if before and before[0].lstrip("و").startswith(lexicon.starts("support_verbs")):
        verb = before[0][1:] if before[0][:1] == "و" else before[0]
        return verb.startswith(("ت", "ي", "ن")) or verb.endswith(("ت", "وا", "تا"))
    return False


def _possessive(an: Analysis, trigger: Hit) -> bool:
    """"استهدافها قاعدة الشدادي", "ضربها هدفاً": a masdar with a pronoun, then its object.

    With no object after it, the pronoun is more likely what was struck ("اغتياله").
    """
    word = an.text[trigger.start:trigger.token_end]
    stem = trigger.entry.form
    if word.startswith(stem) and word[len(stem):] in _PRONOUNS:
        pass
    elif not (stem.endswith("ه") and word.startswith(stem[:-1] + "ت")
              and word[len(stem):] in _PRONOUNS):  # "سيطره" -> "سيطرتها"
        return False
    pos = trigger.token_end
    for _ in range(4):  # "استهدافها بالطيران المسير ميناء أسدود": the means may come first
        nxt = an.next_word(pos)
        if nxt is None or an.text[pos:nxt[0]].strip(' "«»'):
            return False
        hits = an.hits_in(nxt[0], nxt[1])
        if any(h.token_start == nxt[0] and not h.proclitics and h.entry.kind in _OBJECT_KINDS
               and h.entry.form not in _PREPOSITIONS for h in hits):
            return True
        if not (an.text[nxt[0]] == "ب" or any(h.entry.kind == "means" for h in an.hits_in(
                max(0, nxt[0] - 20), nxt[1]) if h.end >= nxt[1] and h.start < nxt[1])):
            return any(h.token_start == nxt[0] and h.entry.kind == "place_name" for h in hits)
        pos = nxt[1]
    return False


#: a masdar's possessive pronouns (normalized; after the ت of "سيطرتها" too)
_PRONOUNS = frozenset({"ه", "ها", "هم", "هما"})


def fill_actors(an: Analysis, lexicon: Lexicon, frame: Frame, refs: list[ActorRef],
                 scope_end: int) -> None:
    """Set the frame's actor1, assoc1 and actor2 from the actor mentions `refs` of its
    sentence (the module's rules, in order); the actors after its cue are read up to
    `scope_end`, the next frame's cue."""
    t = frame.trigger
    usable = [r for r in refs if not r.locative]
    helpers = [r for r in usable if r.helper]
    usable = [r for r in usable if not r.helper]
    # civilians are acted on, never the actor (ACTORS.md CIVILIANS: "civilians as targets")
    # "مقتل أميركي": one named right after a death noun died, he did not act
    deaths = lexicon.forms("fatality")
    # "أصيب جنود أميركيون خلال غارة": men hurt DURING an operation may have been its
    # authors; hurt IN or BY an attack ("في هجوم", "جراء قصف") they were its target
    suffered = attack_kinds(frame.kinds) and an.word_before(t.token_start) != "خلال"
    agents = [r for r in usable if not civilians(lexicon, r.actor) and not (
        victim(an, lexicon, r) if suffered else an.word_before(r.token_start) in deaths)]
    # "الهجوم الذي استهدف القوات الأميركية ... أنه استهدف قاعدة": the object of a verb
    # whose subject is an attack (a relative or the attack noun before it) was struck; it
    # is the author of no later attack of the sentence
    agents = [r for r in agents if not _struck_by_attack(an, r, t)]
    # "ودانت حركة حماس التفجيرين": who condemns an attack did not do it
    agents = [r for r in agents if not (r.end <= t.start and _condemns(an, lexicon, r))]
    if suffered:
        # "أعلنت القيادة الأميركية أن جنوداً أميركيين قُتلوا في هجوم": a side whose men
        # the attack killed or wounded was struck by it; it is not its author
        struck = {r.actor for r in usable if r not in agents and not civilians(lexicon, r.actor)
                  and frame.clause[0] <= r.start < frame.clause[1]}
        agents = [r for r in agents if r.actor not in struck]
    # "أنها هاجمت بالطائرات المسيرة": a force noun of no side after "ب" is the means
    agents = [r for r in agents if not means_noun(an, lexicon, r)]
    before = [r for r in agents if r.end <= t.start and r.start >= frame.clause[0]]
    if not before:
        # "في ظل تصاعد العدوان الإسرائيلي على غزة، ... بعد أن أكدت استهدافها": who acts
        # in the reason given for an act is not its agent
        before = [r for r in agents if r.end <= t.start and not _in_reason(an, frame, r)]
    after_all = [r for r in usable if t.end <= r.start < scope_end]
    after = [r for r in after_all if r in agents]
    agent = next((r for r in after if r.agent), None)
    attack = all(k in ATTACK or k in ("remote", "clash", "attack_civilians") for k in frame.kinds)
    loses = any(k in ("capture", "withdrawal") for k in frame.kinds)

    if frame.form == "passive":
        # "القاعدة الأميركية تعرضت لقصف" or "تعرضت القاعدة الأميركية لقصف"
        # "تعرضه لعدوان إسرائيلي": the nationality after the attack is its author's
        patient = next((r for r in reversed(usable) if r.end <= t.start
                        and r.start >= frame.clause[0]), None) or \
            next((r for r in after_all if an.words_between(t.end, r.start) <= 3
                  and not (r.kind == "adjective" and _after_attack_word(an, r))), None)
        frame.actor2 = patient.actor if patient else None
        adjective = _adjective_after(an, t, [r for r in after if r is not patient])
        frame.actor1 = agent.actor if agent else adjective
        return
    if frame.form == "repel":
        defender = next((r for r in reversed(before) if not r.target), None)
        attacker = agent or (after[0] if after else None)
        frame.actor1 = attacker.actor if attacker else None
        # "التصدي لهذا العدوان الإسرائيلي": no side repels itself
        frame.actor2 = defender.actor if defender and defender.actor != frame.actor1 else None
        return
    if ("clash" in frame.kinds or "contact" in frame.kinds) and \
            _between(an, lexicon, frame, after):
        return

    actor1: ActorRef | None = None
    verb = _is_verb(an, t)
    movement = not attack and all(k in AGENT_AFTER for k in frame.kinds)
    if movement and not verb:
        # "انسحاب حاملة الطائرات الأميركية", "استعادة القوات العراقية": the genitive acts
        near_after = [r for r in after if an.words_between(t.end, r.start) <= 3
                      and not (loses and r.from_marked)]
    else:
        near_after = [r for r in after if an.words_between(t.end, r.start) <= 2
                      and not r.target and not (loses and r.from_marked)]
    object_of_noun = None
    # "الجيش السوري يستهدف مقراً لـ"هيئة تحرير الشام"": a subject right before the verb
    # (SVO) makes what follows the verb its object
    # "عناصر هيئة تحرير الشام أخلوا مقارهم": right before a verb that is no attack, a force
    # noun's actor ("عناصر", "قوات", read as a target) is still its subject
    svo = verb and next((r for r in reversed(before) if (not r.target or not attack)
                         and r.kind != "allies"
                         and r.end <= t.start and not an.text[r.end:t.token_start].strip()),
                        None)
    if svo:
        actor1 = _group_head(an, usable, svo)
        object_of_noun = near_after[0] if near_after else None
    elif near_after and verb and (_after_event_noun(an, t) or _after_relative(an, t)) \
            and not _object_pronoun(an, t):
        # "قصفاً استهدف القوات الأميركية", "القصف الذي استهدف القوات": the object
        # ("الموقع الذي استهدفه الجيش": with its object a pronoun, the actor is the subject)
        object_of_noun = near_after[0]
    elif near_after:
        first = near_after[0]
        # "مجازر الاحتلال بحق المدنيين": a massacre's genitive is who committed it, its
        # victims follow "بحق" (cues.yaml civilian_harms)
        if first.kind == "adjective" or verb or not attack or movement or \
                _object_follows(an, first) or t.entry.form in lexicon.words("civilian_harms") \
                or _air_arm(an, t, first):
            actor1 = first
    if actor1 is None and agent is not None:
        actor1 = agent
    if actor1 is None and t.entry.attr("default") == "clash":
        # "هجوم لمسلحي داعش على حاجز": the attack's author after "ل", its object after "على"
        actor1 = next((r for r in after_all if an.words_between(t.end, r.token_start) <= 1
                       and _li_author(an, r)), None)
    if actor1 is None and attack:
        # "غارة لطيران الاحتلال على X", "استهدفت غارة للطيران الإسرائيلي مزرعة": the side
        # after "ل" right after an attack noun or a weapon owns it, so did it
        actor1 = next((r for r in after_all if r.start < frame.clause[1]
                       and _owner_after_attack_noun(an, lexicon, r)), None)
    if actor1 is None and attack:
        # "استهدف المستشفى ... بضربة جوية روسية": the weapon's nationality names the agent
        actor1 = next((r for r in after if r.kind == "adjective" and not r.target
                       and r.start < frame.clause[1]), None)
    weapon = weapon_subject(an, t) if verb else None
    if actor1 is None:
        subject = [r for r in before if not r.target and r.kind != "allies"
                   and not (loses and r.from_marked)
                   and (weapon is None or r.end > weapon or an.words_between(r.end, weapon) == 0)]
        if subject:
            # "بعد سيطرتها": the pronoun is the nearest actor, not the head of its group
            possessive = an.text[t.start:t.token_end].endswith(("تها", "ته", "تهم", "اها", "اه"))
            actor1 = subject[-1] if possessive else _group_head(an, usable, subject[-1])
    # "بمشاركة الطائرات العراقية في استهداف داعش": who takes part in the act does it
    partaker = next((r for r in helpers if r.end <= t.start
                     and an.text[r.end:t.token_start].strip() == "في"), None)
    if partaker is not None:
        actor1 = partaker
        object_of_noun = object_of_noun or (near_after[0] if near_after and attack else None)
    if actor1 is not None:
        frame.actor1 = actor1.actor
        frame.assoc1 = _associates(an, lexicon, actor1, usable)
        for r in helpers:
            if frame.clause[0] <= r.start < frame.clause[1] and r.actor not in frame.assoc1 \
                    and r.actor != frame.actor1:
                frame.assoc1.append(r.actor)
    # actor2: the first actor in target position after the trigger, else a clash's other side
    for r in after_all:
        if r is actor1 or (r.actor == frame.actor1 and r.kind == "generic"):
            continue
        if _owned(an, lexicon, r):
            continue  # 'مقر القيادة العامة التابع لـ"قسد"': the owner named next is the side
        lost = loses and r.from_marked
        if ((r.target or lost) and r.actor not in (frame.actor1, *frame.assoc1)) or (
                "clash" in frame.kinds and r.start > (actor1.end if actor1 else t.end)
                and r.actor != frame.actor1 and r.kind != "allies"):
            frame.actor2 = r.actor
            break
    if frame.actor2 is None and object_of_noun is not None and object_of_noun is not actor1:
        frame.actor2 = object_of_noun.actor
    # "رداً على الاعتداءات ... على القرى الآمنة، نفذت وحدات ...": civilians named in the
    # reason for the attack were struck by another
    reasons = [h.end for h in an.hits_in(frame.clause[0], t.start) if h.entry.kind == "reason"]
    if frame.actor2 is None and attack and any(
            civilians(lexicon, r.actor) for r in usable
            if frame.clause[0] <= r.start < frame.clause[1]
            and not (reasons and reasons[0] <= r.start < t.start)):
        frame.actor2 = "CIVILIANS"  # "أصيب مدنيون في قصف ...": civilians were struck
    if frame.actor2 is None and suffered:
        # "جنود أميركيون قُتلوا في هجوم": whose men died in the attack was struck by it
        frame.actor2 = next((r.actor for r in usable if frame.clause[0] <= r.start < frame.clause[1]
                             and r.actor != frame.actor1 and victim(an, lexicon, r)), None)
    if frame.actor2 is None and attack:
        # "قصفاً آخر بالصواريخ استهدف القوات الأميركية": a second cue of the same
        # attack (merged into this frame) has its object right after it
        for h in an.hits_in(t.end, frame.clause[1]):
            if h.entry.kind == "trigger" and h.entry.attr("form") == "verb":
                obj = next((r for r in usable if r.token_start >= h.token_end
                            and an.words_between(h.token_end, r.token_start) == 0
                            and r.actor != frame.actor1), None)
                if obj is not None:
                    frame.actor2 = obj.actor
                    break
    if frame.actor2 is None and attack:
        # "استهدفت المقاومة قاعدة التنف": a base hosts its forces (actors.yaml `sites`)
        holder = next((h for p in frame.places if (h := _site_holder(an, lexicon, p))), None)
        if holder is not None and holder != frame.actor1:
            frame.actor2 = holder
    if frame.actor2 is None and (attack or "clash" in frame.kinds):
        # "استهدفت القاعدة الأميركية ... بقصف صاروخي": the target named before the cue
        others = [r for r in usable if r.target and r.actor != frame.actor1
                  and frame.clause[0] <= r.start and r.end <= t.start
                  and not (reasons and reasons[0] <= r.start)]
        if others:
            frame.actor2 = others[-1].actor


_FIRST = operator.itemgetter(0)


def _in_reason(an: Analysis, frame: Frame, ref: ActorRef) -> bool:
    """Does `ref` stand after a reason cue of its clause ("في ظل", "رداً على"), in a clause
    other than the trigger's?"""
    i = bisect.bisect_right(an.sentences, frame.sentence[0], key=_FIRST) - 1
    clauses = an.sentences[i][2] if i >= 0 and an.sentences[i][0] == frame.sentence[0] else ()
    k = next((k for k, (a, b) in enumerate(clauses) if a <= ref.start < b), None)
    if k is None:
        return False
    first, end = clauses[k]
    if first <= frame.trigger.start < end:
        return False
    return any(h.entry.kind == "reason" for h in an.hits_in(first, ref.start))


def _li_author(an: Analysis, ref: ActorRef) -> bool:
    """"هجوم لداعش على البلدة": an actor after "ل", then "على" or "ضد" (the attack's object)."""
    if not an.text[ref.token_start:ref.start].startswith("ل"):
        return False
    nxt = an.next_word(ref.token_end)
    return nxt is not None and an.text[nxt[0]:nxt[1]] in AGAINST


def _owner_after_attack_noun(an: Analysis, lexicon: Lexicon, ref: ActorRef) -> bool:
    """"غارة لطيران الاحتلال", "طائرة مسيرة لحزب الله": an actor with "ل" right after an
    attack noun or a weapon. Not after a masdar or verb
    ("استهداف لمواقع", "قصف للقوات"), where "ل" brings the object."""
    if not an.text[ref.token_start:ref.start].startswith("ل"):
        return False
    prev = an.prev_word(ref.token_start)
    if prev is None or an.text[prev[1]:ref.token_start].strip():
        return False
    # the noun's hit ends right before ("غارة جوية لـ" is one hit): a word between may be
    # its object ("تدمير مواقع لداعش": Daesh's positions were destroyed)
    hits = [h for h in an.hits_in(max(0, prev[0] - 30), prev[1]) if h.end == prev[1]]
    targets = lexicon.forms("target")
    if any(h.entry.kind == "target" or an.text[prev[0]:prev[1]] in targets for h in hits):
        return False  # "تدمير مواقع لداعش": the place struck is theirs
    return any(h.entry.kind == "means" or (h.entry.kind == "trigger" and h.entry.attr("form") == "noun")
               for h in hits)


def _owned(an: Analysis, lexicon: Lexicon, ref: ActorRef) -> bool:
    """Is the actor followed by "التابع لـ" and its owner ("القيادة العامة التابع لـ X")?"""
    nxt = an.next_word(ref.token_end)
    return nxt is not None and an.text[nxt[0]:nxt[1]] in lexicon.words("belonging")


_OBJECT_KINDS = frozenset({"place", "place_drop", "place_keep", "target"})


def _object_follows(an: Analysis, ref: ActorRef) -> bool:
    """"اقتحام مسلحي قسد بلدة الصبحة", "استهداف المقاومة قاعدة حرير": an attack masdar's
    genitive followed by its object, with no preposition between, is the masdar's agent."""
    end = ref.token_end
    nxt = an.next_word(end)
    if nxt is not None and not an.text[end:nxt[0]].strip(' "«»') and any(
            h.entry.kind == "actor" and h.entry.value == ref.actor and h.start == nxt[0]
            for h in an.hits_in(nxt[0], nxt[1])):
        end = next(h.token_end for h in an.hits_in(nxt[0], nxt[1]) if h.entry.kind == "actor")
        nxt = an.next_word(end)  # "قوات سوريا الديمقراطية" "قسد": the same actor again
    if nxt is None or an.text[end:nxt[0]].strip(' "«»'):
        return False  # punctuation: the phrase ended
    if any(h.entry.kind in _OBJECT_KINDS and h.start == nxt[0] and not h.proclitics
           and h.entry.form not in _PREPOSITIONS for h in an.hits_in(nxt[0], nxt[1])):
        return True
    # "استهداف المقاومة (المستمر) لقواعد الاحتلال", "قصف الطيران الروسي لمواقع المسلحين":
    # the object after "ل" makes the genitive before it the agent
    if an.text[nxt[0]:nxt[0] + 2] == "ال" and not an.hits_in(nxt[0], nxt[1]):
        after = an.next_word(nxt[1])  # one adjective of the masdar between
        if after is not None and not an.text[nxt[1]:after[0]].strip():
            nxt = after
    return any(h.token_start == nxt[0] and "ل" in h.proclitics and h.proclitics[:1] != ("و",)
               and h.entry.kind in _LI_OBJECT_KINDS for h in an.hits_in(nxt[0], nxt[1]))


def _air_arm(an: Analysis, t: Hit, ref: ActorRef) -> bool:
    """Is the actor right after the attack masdar `t` named by its aircraft ("استهداف سلاح
    الجو المسير", "استهداف طائرات العدوان")? Such an arm is the masdar's agent even when an
    adjunct set off by commas comes before the object ("استهداف سلاح الجو المسير، عبر
    عمليتين، مدمرتين"): aircraft strike, they are not what a masdar of attack strikes."""
    if ref.kind != "actor" or ref.start != ref.token_start:
        return False  # a generic or a clitic ("بالطائرات المسيرة"): the means, not the arm
    if an.words_between(t.end, ref.start) == 0:
        return any(h.start == ref.start and h.entry.kind == "actor"
                   and h.entry.attr("weapon") == "airstrike"
                   for h in an.hits_in(ref.start, ref.start + 1))
    # "طائرات العدوان": the aircraft, then their owner as its genitive
    nxt = an.next_word(t.token_end)
    return nxt is not None and not an.text[t.token_end:nxt[0]].strip() and any(
        h.token_start == nxt[0] and not h.proclitics and h.entry.kind == "means"
        and h.entry.value == "airstrike" and not h.entry.attr("payload")
        and not an.text[h.end:ref.token_start].strip() for h in an.hits_in(nxt[0], nxt[1]))


#: what may follow an attack masdar's agent as its object after "ل"
_LI_OBJECT_KINDS = _OBJECT_KINDS | {"actor", "generic", "adjective"}


_PREPOSITIONS = frozenset({"علي", "في", "من", "الي", "عن", "مع", "ضد", "بين"})


def _between(an: Analysis, lexicon: Lexicon, frame: Frame, after: list[ActorRef]) -> bool:
    """"اشتباكات بين A و B": A is actor1, B actor2 (none when only A is an actor named right
    after "بين"). True when the pattern was found.

    "بين الجيش السوري والقوات الرديفة في مواجهة مسلحي قسد": two sides of one coalition
    fight together; the first named after them of another coalition is the other side.
    """
    t = frame.trigger
    for h in an.hits_in(t.end, min(frame.clause[1], t.end + 40)):
        if h.entry.kind == "target" and h.entry.form == "بين":
            sides = [r for r in after if r.start > h.end and r.kind != "allies"]
            if len(sides) >= 2:
                first = sides[0]
                side = lexicon.coalition(first.actor)
                assoc: list[str] = []
                second = None
                for r in sides[1:]:
                    if r.actor == first.actor:
                        continue
                    if side is not None and lexicon.coalition(r.actor) == side:
                        if r.actor not in assoc:
                            assoc.append(r.actor)  # an ally fighting beside the first
                        continue
                    if an.text[r.token_start:r.start].startswith("و") or r.kind != "generic" \
                            or assoc:
                        second = r
                        break
                frame.actor1 = first.actor
                frame.assoc1 = assoc
                frame.actor2 = second.actor if second else None
                return True
            if sides and an.words_between(h.end, sides[0].token_start) <= 1:
                # "اشتباكات بين عناصر قسد وأهالي البلدة": the first side is named (a force
                # noun apart), the other is no actor of the lexicon
                frame.actor1 = sides[0].actor
                return True
            return False
    return False


def _after_attack_word(an: Analysis, ref: ActorRef) -> bool:
    """Does a trigger or weapon word stand right before this adjective ("لعدوان إسرائيلي")?"""
    prev = an.prev_word(ref.token_start)
    return prev is not None and any(h.entry.kind in ("trigger", "means")
                                    for h in an.hits_in(prev[0], prev[1]))


def _struck_by_attack(an: Analysis, ref: ActorRef, t: Hit) -> bool:
    """Is `ref` the object of an attack verb before the trigger `t` whose subject is the
    attack itself ("القصف الذي استهدف القوات", "قصفاً استهدف القوات")?"""
    prev = an.prev_word(ref.token_start)
    if prev is None or prev[1] > t.start or an.text[prev[1]:ref.token_start].strip(' "«»'):
        return False
    return any(h.entry.kind == "trigger" and h.entry.attr("form") == "verb" and h.end == prev[1]
               and (_after_relative(an, h) or _after_event_noun(an, h))
               and not _object_pronoun(an, h) for h in an.hits_in(prev[0], prev[1]))


def _condemns(an: Analysis, lexicon: Lexicon, ref: ActorRef) -> bool:
    """Is the actor the subject of a verb of condemnation (cues.yaml `condemnations`), at
    most two words after it ("ودانت حركة حماس", "استنكرت وزارة الخارجية السورية")?"""
    words = an.words_before(ref.token_start, 40, 3)
    starts = lexicon.starts("condemnations", ("", "و"))
    return any(w.startswith(starts) for w in words)


def _after_relative(an: Analysis, t: Hit) -> bool:
    """"القصف الذي استهدف القوات": a verb after a relative pronoun has its subject before."""
    return an.word_before(t.token_start) in RELATIVES


def _object_pronoun(an: Analysis, t: Hit) -> bool:
    """Does the verb carry its object as a pronoun ("الذي استهدفه", "التي تلقيها",
    "التي قصفتها")? Then the actor after it is its subject, not its object."""
    word = an.text[t.start:t.token_end]
    stem = t.entry.written
    rest = word[len(stem):] if word.startswith(stem) else ""
    return rest in _PRONOUNS or (rest[:1] == "ت" and rest[1:] in _PRONOUNS)


def _after_event_noun(an: Analysis, t: Hit) -> bool:
    """"قصفاً استهدف القوات": the verb's subject is the event noun before it."""
    prev = an.prev_word(t.token_start)
    if prev is None:
        return False
    for h in an.hits_in(max(0, prev[0] - 1), prev[1] + 1):
        if h.end <= t.token_start and h.entry.kind in ("trigger", "means") and \
                an.words_between(h.end, t.token_start) == 0:
            return True
    return False


#: what may stand between two coordinated actors besides "و" (a comma, a dash)
_JOINERS = " ,-\u2013"


def _group_head(an: Analysis, refs: list[ActorRef], ref: ActorRef) -> ActorRef:
    """The first actor of the coordination ref stands in ("الجيش السوري وحلفاؤه في محور المقاومة")."""
    head = ref
    i = refs.index(ref)
    while i > 0:
        prev = refs[i - 1]
        # "سلاحا الجو السوري- الروسي": a dash joins two nationalities of one noun
        gap = an.text[prev.token_end:head.token_start].strip(_JOINERS)
        joined = gap in ("", "و", "في") or (gap == "" and head.kind in ("allies", "adjective"))
        if not joined or prev.target:
            break
        head = prev
        i -= 1
    return head


def _adjective_after(an: Analysis, t: Hit, after: list[ActorRef]) -> str | None:
    """The nationality that names a passive's attacker: close after the verb ("تعرض
    لعدوان إسرائيلي"), or right after the attack word however far the patient puts it
    ("تعرضت مقار الفصائل في البلدة لعدوان أميركي")."""
    for r in after:
        if r.kind == "adjective" and (an.words_between(t.end, r.start) <= 3
                                      or _after_attack_word(an, r)):
            return r.actor
    return None


def _is_verb(an: Analysis, t: Hit) -> bool:
    """Does the trigger word read as a verb (its subject follows: VSO)?"""
    word = an.text[t.start:t.token_end]
    if t.entry.attr("form") not in ("verb", "repel"):
        # a masdar ("استهداف القوات الأميركية") takes its object after it; a verb among
        # nominal cues shows its past-tense ending ("اقتحمت القوات", "اشتبكوا")
        stem = t.entry.form
        return t.entry.prefix and word.startswith(stem) and word[len(stem):] in ("ت", "وا", "تا")
    if word.startswith(("ي", "ت", "ن")) and not word.startswith("تعرض"):
        return True
    # a cue that begins like the article ("ألقت" folds to "القت") keeps it in its stem
    stem = t.entry.written
    rest = word[len(stem):] if word.startswith(stem) else word
    # not "ا": "قصفاً" (a masdar with its accusative ending) is far more common in the
    # news than the dual "قصفا"
    # "اللتين استهدفتهما القوات": the dual object pronoun too
    return rest in ("", "ت", "وا", "تا", "ه", "ها", "هم", "هما", "ته", "تها", "تهم", "تهما")


def _associates(an: Analysis, lexicon: Lexicon, actor1: ActorRef, refs: list[ActorRef]) -> list[str]:
    out: list[str] = []
    last_end = actor1.token_end
    for r in refs:
        if r.start < actor1.end:
            continue
        gap = an.text[last_end:r.token_start]
        # "الجيش السوري وحلفاؤه", "سلاحا الجو السوري الروسي" (or "السوري- الروسي")
        joined = gap.strip(_JOINERS) == "" and (an.text[r.token_start:r.start].startswith("و")
                                                  or r.kind in ("adjective", "allies"))
        if not joined and gap.strip() not in ("في", "و"):
            break
        if r.actor != actor1.actor and r.actor not in out and not r.target:
            out.append(r.actor)
        last_end = r.token_end
    return out
