"""Actor mentions of an article, resolved to canonical ids, and their role near a trigger.

Names resolve directly (with their date ranges); generic nouns ("الجيش", "المسلحين",
"الطائرات الحربية") resolve to the last actor named before them that shares their head
word, else the last of the actor types they may refer to (actors.yaml `generic`);
nationality adjectives ("غارات روسية") count only after a force or weapon noun; country
and capital names ("واشنطن", "إسرائيل") only where they are not a place after a
preposition. An actor is in target position (actor2, the one acted on) after "ضد",
"على", "مواقع", "قاعدة" and the like, or with the preposition ل on it ("لداعش").
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass

from marsad.events.analysis import Analysis
from marsad.events.places import LOCATIVE_WORDS, listed_where
from marsad.lexicon.model import Lexicon
from marsad.recognize.matcher import Hit

_ACTOR_KINDS = frozenset({"actor", "metonym", "adjective", "generic", "allies"})
_QUOTES = dict.fromkeys(map(ord, "\"'«»"), " ")
#: how many actor mentions back a generic noun looks for what it refers to
_LOOKBACK = 60


@dataclass(frozen=True, slots=True)
class ActorRef:
    """An actor mentioned at normalized [start, end)."""

    start: int
    end: int
    token_start: int
    token_end: int
    actor: str
    kind: str  # actor | metonym | adjective | generic | allies
    target: bool  # in target position (actor2)
    agent: bool  # marked as the agent ("من قبل X")
    locative: bool  # a metonym after a place preposition: a place, not an actor
    helper: bool  # acting with another ("بالتعاون مع X", "بمشاركة X"): an associate
    from_marked: bool = False  # after "من"/"عن": the side a place is taken from


def resolve_actors(an: Analysis, lexicon: Lexicon,
                   place_spans: frozenset[tuple[int, int]] = frozenset(),
                   read: list[tuple[int, int]] | None = None) -> list[ActorRef]:
    """Every actor mention of the article, in order, resolved to its id.

    `place_spans` are the spans read as places: a country or capital there is a place.
    `read` (sorted spans, None for the whole text) is where the frames read the roles:
    outside it a mention gets its id and `target` only (what later mentions ask of it:
    a generic noun refers back to ids, a coordinated actor copies `target`).
    """
    day = an.doc.published
    out: list[ActorRef] = []
    hits = an.hits
    read_starts = [a for a, _ in read] if read is not None else None
    for i in an.hit_indices(_ACTOR_KINDS):
        hit = hits[i]
        kind = hit.entry.kind
        actor = _actor_id(an, lexicon, hits, i, out, day)
        if actor is None and not _unnamed_group(lexicon, hit):
            continue
        if kind == "actor" and _command_of_next(an, lexicon, hit):
            continue  # "القيادة العامة للقوات المسلحة السودانية": that force's command
        prev_text = an.word_before(hit.token_start)
        target = _target_position(an, lexicon, hits, i, prev_text) and \
            not _commanded(an, lexicon, hits, i) and not _aggression_doing(an, lexicon, hit)
        if actor is None:
            if target:
                continue  # "مواقع الإرهابيين" of no named group: actor2 stays null
            # "مسلحون يهاجمون", "اعتداءات شنتها التنظيمات الإرهابية" with no group the text
            # ties them to: unidentified armed men (ACTORS.md `UNKNOWN`)
            actor = "UNKNOWN"
        if read_starts is not None:
            k = bisect.bisect_right(read_starts, hit.start) - 1
            if k < 0 or hit.start >= read[k][1]:
                out.append(ActorRef(hit.start, hit.end, hit.token_start, hit.token_end, actor,
                                    kind, target, False, False, False))
                continue
        locative = kind == "metonym" and not _each_of(an, hit) and (
            (hit.start, hit.end) in place_spans
            or prev_text in LOCATIVE_WORDS or bool(set(hit.proclitics) & {"ب", "ل"})
            or _after_kind(an, hits, i, {"place_drop", "place_keep", "relation"})
            or _after_place(an, hits, i) or listed_where(an, hits, i)
        )
        out.append(ActorRef(  # positional (start, end, token_start, token_end, actor, kind,
            # target, agent, locative, helper, from_marked): cheaper than keywords, per mention
            hit.start, hit.end, hit.token_start, hit.token_end, actor, kind,
            target, _agent_marked(an, lexicon, hit),
            locative, _helper_marked(an, lexicon, hit),
            prev_text in ("من", "عن") or "من" in an.text[max(0, hit.token_start - 10):hit.token_start].split()[-2:],
        ))
    return _coordinated_targets(an, out)


def means_noun(an: Analysis, lexicon: Lexicon, ref: ActorRef) -> bool:
    """"أنها هاجمت بالطائرات المسيرة": is the mention a force noun of no side after "ب", the
    means of an attack, not who acts (but "بالبراميل المتفجرة" names its side: a generic
    with a `fixed` actor)?"""
    return ref.kind == "generic" and "ب" in an.text[ref.token_start:ref.start] and not any(
        h.entry.kind == "generic" and lexicon.generics[int(h.entry.value)].fixed
        for h in an.hits_in(ref.start, ref.end))


def _command_of_next(an: Analysis, lexicon: Lexicon, hit: Hit) -> bool:
    """Is the name a command (lexicon `command_heads`: "القيادة العامة") followed by the
    force it commands ("للقوات المسلحة السودانية", "التابعة لـ")? It then names no side
    of its own."""
    if an.text[hit.start:hit.end] not in lexicon.words("command_heads"):
        return False
    nxt = an.next_word(hit.token_end)
    if nxt is None or an.text[hit.end:nxt[0]].strip():
        return False
    word = an.text[nxt[0]:nxt[1]]
    return word[:1] == "ل" or word in lexicon.words("belonging")


def _commanded(an: Analysis, lexicon: Lexicon, hits: list[Hit], i: int) -> bool:
    """Is the actor the force a command right before it commands ("القيادة العامة لجيش
    العشائر")? Its "ل" then ties it to its command, it is no target."""
    j = i - 1
    while j >= 0 and hits[j].end > hits[i].token_start:
        j -= 1
    return j >= 0 and hits[j].entry.kind == "actor" and \
        an.words_between(hits[j].end, hits[i].token_start) == 0 and \
        an.text[hits[j].start:hits[j].end] in lexicon.words("command_heads")


def _coordinated_targets(an: Analysis, refs: list[ActorRef]) -> list[ActorRef]:
    """An actor joined by "و" to a target is a target too ("للجيش السوري والقوات الرديفة")."""
    out: list[ActorRef] = []
    for ref in refs:
        # the gap (often long) is read only where it can matter
        if out and out[-1].target and not ref.target and \
                an.text[out[-1].token_end:ref.start].translate(_QUOTES).strip(" ,") == "و":
            ref = ActorRef(**{**{k: getattr(ref, k) for k in ActorRef.__slots__}, "target": True})
        out.append(ref)
    return out



#: the types of actor a force may be a branch of ("القوات البحرية في القوات المسلحة اليمنية")
_ARMED = frozenset({"state", "militia", "armed_group"})


def _actor_id(an: Analysis, lexicon: Lexicon, hits: list[Hit], i: int,
              seen: list[ActorRef], day: dt.date | None) -> str | None:
    hit = hits[i]
    entry = hit.entry
    kind = entry.kind
    if kind in ("actor", "metonym"):
        if day is not None and ((entry.since and day < entry.since)
                                or (entry.until and day > entry.until)):
            return None
        return _borrowed(an, lexicon, hit, day) or entry.value
    if kind == "adjective":
        prev_word = an.prev_word(hit.token_start)
        if prev_word is None:
            return None
        prev = an.text[prev_word[0]:prev_word[1]]
        stripped = prev[1:] if prev[:1] in ("و", "ب", "ل") else prev
        heads = lexicon.words("force_heads")
        if prev in heads or stripped in heads or _after_kind(
                an, hits, i, {"trigger", "means", "generic", "adjective", "target", "actor"}):
            return entry.value
        if _site_owner(an, lexicon, hits, i):
            return entry.value  # "قاعدة حرير الأميركية": the base's owner
        if _joined_adjective(an, hits, i):
            return entry.value  # "الطائرات السورية والروسية": a second nationality
        return None
    if kind == "allies":
        for ref in reversed(seen):
            if an.words_between(ref.end, hit.start) <= 3:
                allies = lexicon.actors[ref.actor].allies if ref.actor in lexicon.actors else None
                return allies
            break
        return None
    if kind == "generic":
        group = lexicon.generics[int(entry.value)]
        branch = next((j for j in range(i + 1, min(i + 4, len(hits)))
                       if hits[j].entry.kind == "actor"), None)
        if branch is not None and an.words(hit.end, hits[branch].token_start) in (["في"], ["من"]) and \
                getattr(lexicon.actors.get(hits[branch].entry.value), "type", None) in _ARMED:
            # "القوات البحرية في القوات المسلحة اليمنية": a branch of the group named after it
            return _actor_id(an, lexicon, hits, branch, seen, day)
        # "المروحيات الأميركية", "طائرات حربية سورية": a nationality right after an aircraft
        # noun says whose they are (the noun may have other readings between: a weapon)
        j = i + 1
        while j < len(hits) and hits[j].start < hit.end:
            j += 1
        if (group.fixed or group.air) and j < len(hits) and \
                hits[j].entry.kind == "adjective" and \
                an.words_between(hit.end, hits[j].token_start) == 0:
            return None
        if group.fixed:
            return group.fixed
        words = an.text[hit.start:hit.end].split()
        # "قوات المقاومة", "فصائل المقاومة": the noun after a force word names the side
        head = words[-1] if len(words) > 1 and words[0] in lexicon.words("force_words") \
            else words[0]
        head = head[2:] if head.startswith("ال") else head
        recent = seen[-_LOOKBACK:]
        for ref in reversed(recent):
            if ref.kind in ("generic", "adjective", "allies"):
                continue
            surface = an.text[ref.start:ref.end]
            actor = lexicon.actors.get(ref.actor)
            if actor is None:
                continue
            if head in surface or (group.air and actor.remote == "airstrike"):
                return ref.actor
        # an armed group is named by its kind only where the text has just named it: "the
        # terrorists" of one front are not the group named sentences before of another
        # (ACTORS.md: a generic label is a group's only where the article ties it to it)
        near = _sentence_of(an, hit.start) - 1 if group.refers_to == ("armed_group",) else -1
        for ref in reversed(recent):
            if ref.kind == "generic" and ref.actor == "UNKNOWN":
                continue  # unnamed armed men name no group a later noun could mean
            actor = lexicon.actors.get(ref.actor)
            if actor is not None and actor.type in group.refers_to and ref.kind != "allies":
                if near >= 0 and _sentence_of(an, ref.start) < near:
                    break
                return ref.actor
        return group.default
    return None


def _unnamed_group(lexicon: Lexicon, hit: Hit) -> bool:
    """Is `hit` a generic armed-group noun ("المسلحين", "الإرهابيين") with no default actor?"""
    if hit.entry.kind != "generic":
        return False
    group = lexicon.generics[int(hit.entry.value)]
    return group.refers_to == ("armed_group",) and group.default is None and \
        "UNKNOWN" in lexicon.actors


def _sentence_of(an: Analysis, pos: int) -> int:
    """The index of the sentence holding normalized offset `pos`."""
    starts = an.memo.get("sentence_starts")
    if starts is None:
        starts = an.memo["sentence_starts"] = [a for a, _, _ in an.sentences]
    return bisect.bisect_right(starts, pos) - 1


def _aggression_doing(an: Analysis, lexicon: Lexicon, hit: Hit) -> bool:
    """"رداً على العدوان الإسرائيلي الذي استهدف القنصلية": an actor named by its aggression
    (lexicon `aggression_heads`) with a relative clause after it is the subject of that
    clause, what the aggression did, not what was struck."""
    if hit.entry.kind != "actor" or \
            hit.entry.form.split(" ", 1)[0] not in lexicon.words("aggression_heads"):
        return False
    nxt = an.next_word(hit.token_end)
    return nxt is not None and an.text[nxt[0]:nxt[1]] in _RELATIVES


#: relative pronouns (normalized): what follows them tells what their antecedent did
_RELATIVES = frozenset({"الذي", "التي", "اللذين", "اللتين", "الذين"})


def _each_of(an: Analysis, hit: Hit) -> bool:
    """"أعلنت كل من إيران وروسيا": after "كل من" a country acts; but "في كل من العراق
    وسوريا" is where."""
    words = an.words_before(hit.token_start, 18, 3)
    return words[-2:] == ["كل", "من"] and words[-3:-2] != ["في"]


def _joined_adjective(an: Analysis, hits: list[Hit], i: int) -> bool:
    """Is hits[i] a nationality joined by "و" or a dash to the one right before it ("الطائرات
    السورية والروسية", "السوري- الروسي"), whatever else that word also reads as ("السورية"
    is a place too)?"""
    hit = hits[i]
    if not (an.text[hit.token_start:hit.start].startswith("و") or
            an.text[max(0, hit.token_start - 3):hit.token_start].strip(" ") in ("-", "\u2013")):
        return False
    j = i - 1
    while j >= 0 and hits[j].end >= hit.token_start - 3:
        prev = hits[j]
        if prev.entry.kind == "adjective" and an.words_between(prev.end, hit.token_start) == 0:
            return True
        j -= 1
    return False


def _borrowed(an: Analysis, lexicon: Lexicon, hit: Hit, day: dt.date | None) -> str | None:
    """The actor that takes this name over in its sentence (lexicon `borrows`: "طيران
    التحالف" in a sentence naming a place of Yemen before 2024), if any."""
    written = hit.entry.written
    for b in lexicon.borrows:
        if written not in b.names or (day is not None and (
                (b.since and day < b.since) or (b.until and day > b.until))):
            continue
        i = _sentence_of(an, hit.start)
        if i < 0:
            continue
        a, z, _ = an.sentences[i]
        # the where words may carry a proclitic ("بصعدة", "لمحافظة الحديدة")
        if any(w in b.where or (w[:1] in "وبلف" and w[1:] in b.where)
               for w in an.words(a, z)):
            return b.actor
    return None


def _site_owner(an: Analysis, lexicon: Lexicon, hits: list[Hit], i: int) -> bool:
    """An adjective right after a base, field or airport's name: "قاعدة حرير الأميركية".

    The site words are the lexicon's `site_words`.
    """
    if i == 0 or hits[i - 1].entry.kind != "place" or \
            an.words_between(hits[i - 1].end, hits[i].token_start) != 0:
        return False
    before = an.words(max(0, hits[i - 1].token_start - 16), hits[i - 1].token_start)[-1:]
    # "وقاعدة الشدادي الأميركيتين": the site word may carry a conjunction or preposition
    sites = lexicon.words("site_words")
    return bool(before) and (before[0] in sites or (
        before[0][:1] in ("و", "ب", "ل") and before[0][1:] in sites))


def _after_kind(an: Analysis, hits: list[Hit], i: int, kinds: set[str]) -> bool:
    """True when the hit right before hits[i] (no word between) is of one of `kinds`, or
    is a trigger under another reading ("لطائرات الشحن الأميركية": unarmed aircraft, and
    an airlift)."""
    if i == 0:
        return False
    prev = hits[i - 1]
    if an.words_between(prev.end, hits[i].token_start) != 0:
        return False
    if prev.entry.kind in kinds:
        return True
    j = i - 2
    while j >= 0 and hits[j].start == prev.start:
        if hits[j].end == prev.end and hits[j].entry.kind == "trigger" and "trigger" in kinds:
            return True
        j -= 1
    return False


def _after_place(an: Analysis, hits: list[Hit], i: int) -> bool:
    """"كردستان العراق", "شمال شرق سوريا": a country right after a place locates it."""
    hit = hits[i]
    if set(hit.proclitics) - {"ال"}:
        return False  # "سوريا والعراق", "لسوريا": not a genitive
    j = i - 1
    while j >= 0 and hits[j].end > hit.token_start:
        j -= 1  # the country's own place reading, or a cue inside its word
    return j >= 0 and hits[j].entry.kind in ("place", "place_name") and \
        an.text[hits[j].end:hit.token_start] == " "


#: what opens a quoted name after a force noun ('قوات "قسد"')
_NAME_QUOTES = frozenset({'"', "«", "'"})


def _target_position(an: Analysis, lexicon: Lexicon, hits: list[Hit], i: int,
                     prev_text: str) -> bool:
    hit = hits[i]
    if "ل" in hit.proclitics and hit.proclitics[-1:] != ("س",):
        # "طائرات الاستطلاع للجيش السوري": ل right after a force noun names the owner,
        # unless a verb stands between ("الطائرات استهدفت مقرات لهيئة ...")
        for j in range(i - 1, max(-1, i - 4), -1):
            if hits[j].entry.kind in ("trigger", "source_verb", "target"):
                return True
        words = an.words(max(0, hit.token_start - 30), hit.token_start)[-2:]
        heads = lexicon.words("force_heads")
        return not any(w in heads or w[1:] in heads for w in words)
    raw = an.text[max(0, hit.token_start - 4):hit.token_start]
    glued = raw.rstrip(" \"'«")
    # "مقراً عسكرياًلـ"هيئة تحرير الشام"": the ل of the one hit, glued to the word before;
    # a word that ends in "ال" ("وقال الجيش", "لا يزال الاحتلال") is no such ل
    if glued.endswith("ل") and (len(glued) < 2 or not glued[-2].isalpha() or (
            glued.endswith("ال") and " " not in raw[len(glued):])):
        return True
    if prev_text in ("ضد", "علي", "بحق", "تجاه", "لصالح"):
        return True
    if prev_text.startswith("لل"):
        # "للاعتداء الإسرائيلي": the nationality of an attack noun names its author; the
        # ل is the attack's ("إدانات للاعتداء"), not the target's
        return not (hit.entry.kind == "adjective" and _after_kind(an, hits, i, {"trigger", "means"}))
    if hit.entry.kind == "adjective" and _site_owner(an, lexicon, hits, i):
        return True
    if hit.entry.kind == "actor" and _men_hit(an, lexicon, hits, i):
        return True
    for j in range(i - 1, max(-1, i - 4), -1):
        h = hits[j]
        if an.words_between(h.end, hit.token_start) > 2:
            break
        if h.entry.kind == "target":
            if h.entry.form in ("مع", "بين") and an.words_between(h.end, hit.token_start) > 0:
                continue
            between = an.text[h.end:hit.token_start]
            if hit.entry.kind == "actor" and between.strip() in _NAME_QUOTES and \
                    not h.proclitics and an.text[h.start:h.end] in lexicon.words("force_words"):
                continue  # 'قوات "قسد"': the force noun names the side, as in "قوات قسد"
            return h.entry.form not in ("مع", "بين")
        if h.entry.kind in ("actor", "trigger", "source_verb"):
            break
    return False


def _men_hit(an: Analysis, lexicon: Lexicon, hits: list[Hit], i: int) -> bool:
    """"بقصف عناصر داعش", "قصفت المدفعية عناصر داعش": a group's men right after an attack
    cue (and the weapon that is its subject) are the ones hit, unless an object or "على"
    follows them ("هجوم عناصر من داعش على منازل": the attackers).

    The words for men are the lexicon's `personnel_heads`.
    """
    hit = hits[i]
    first = an.next_word(hit.token_start)
    if first is None or an.text[first[0]:first[1]] not in lexicon.words("personnel_heads"):
        return False
    pos = hit.token_start
    j = i - 1
    while j >= 0:
        h = hits[j]
        if h.end > hit.token_start:
            j -= 1
            continue  # another reading of this very mention
        if an.words_between(h.end, pos) > 0:
            return False  # a word no cue reads stands between
        if h.entry.kind == "means":
            pos = h.token_start
            j -= 1
            continue
        if h.entry.kind != "trigger":
            return False
        break
    else:
        return False
    return not any(h.entry.kind == "target" and an.words_between(hit.end, h.token_start) <= 2
                   for h in an.hits_in(hit.end, min(len(an.text), hit.end + 40)))


def _helper_marked(an: Analysis, lexicon: Lexicon, hit: Hit) -> bool:
    # "بمشاركة X", "بالتعاون مع X" (lexicon `helper_marks`): an associate
    before = an.text[max(0, hit.token_start - 16):hit.token_start]
    return before.endswith(lexicon.starts("helper_marks"))


def _agent_marked(an: Analysis, lexicon: Lexicon, hit: Hit) -> bool:
    # "الهجوم الذي نفذه X" (lexicon `done_by`), "غارات نُفّذت بأوامر من X" (`ordered_by`):
    # the verb or the order names the one who did it
    words = an.words_before(hit.token_start, 50, 4)
    text = " ".join(words)
    return "من قبل" in text or "من جانب" in text or \
        (bool(words) and words[-1] in lexicon.words("done_by")) or \
        text.endswith(lexicon.starts("ordered_by"))
