"""From an analysed article to EVENTS.md events: one frame per trigger, filled by rules.

For each sentence: the triggers (lexicon `triggers`) become frames; a frame's kinds come
from its cue, or from the weapons of its clause for cues like "استهدف" (`means`); each
place of the sentence attaches to the nearest trigger before it (else the first after
it); actor1 is the agent (the actor right after a verb or a masdar of movement, an
adjective of nationality, else the nearest actor before the trigger that is not in
target position, else the agent of the sentences before for a verb with no subject of
its own); actor2 the first actor in target position after the trigger; the date is the
nearest date expression of the clause, else of the sentence, else the publication day;
the source is the nearest attribution of the sentence; modality from its cues. An event
is emitted per kind and place. The same kind, actor1 and place told twice (headline and
body) is one event.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise

from marsad.events.agents import (
    ATTACK,
    attack_kinds,
    civilians,
    fill_actors,
    pronoun_agent,
    weapon_subject,
)
from marsad.events.analysis import Analysis
from marsad.events.answered import not_authors, rejected_attack
from marsad.events.antecedents import Antecedents
from marsad.events.attributes import date_for, fatalities, source_for
from marsad.events.attribution import Attribution, SourceRef, modality_of
from marsad.events.breakdown import absorb_breakdowns
from marsad.events.fallbacks import claimed_by, source_actor
from marsad.events.launched import watched_launch
from marsad.events.merge import AGAIN, STOPPED, UNARMED, VAGUE, fold_vague, merge_duplicates
from marsad.events.noevents import (
    agentless,
    aggregate,
    air_defence,
    anaphoric,
    any_one,
    context,
    earlier,
    feared,
    habitual,
    halted,
    ineffective,
    judgement,
    named,
    occasion,
    purpose,
    threat,
)
from marsad.events.places import PlaceRef, find_places
from marsad.events.repeats import one_more, resumed_aircraft
from marsad.events.roles import resolve_actors
from marsad.events.scenes import listed_on, scene_places
from marsad.events.scope import came_from, denied, described, locates, released, summarized
from marsad.events.victims import lost_men
from marsad.events.weapons import (
    air_attack,
    aircraft_subject,
    carried,
    craft_adjective,
    ground_weapon_named,
    instrument_owner,
    remote_kind,
    unarmed_kinds,
    unreached,
    usual_weapon,
)
from marsad.lexicon.model import Lexicon
from marsad.model import Event, PlaceMatch
from marsad.recognize.matcher import Hit
from marsad.text.normalize import fold

#: kinds that need someone who acts: without actor1 they are not coded
_NEED_ACTOR = {"capture", "withdrawal", "advance", "deployment", "contact", "clash", "other"}
_TRIGGER = frozenset({"trigger"})
#: kinds told of one side alone: whoever else their sentence names is no actor2
_ONE_SIDED = frozenset({"deployment", "withdrawal"})

Resolver = Callable[[PlaceRef, Analysis, list[PlaceMatch]], PlaceMatch | None]


@dataclass(slots=True)
class Frame:
    """A trigger of a sentence and what the rules found for it."""

    trigger: Hit
    kinds: list[str]
    form: str
    clause: tuple[int, int]
    sentence: tuple[int, int]
    places: list[PlaceRef] = field(default_factory=list)
    actor1: str | None = None
    assoc1: list[str] = field(default_factory=list)
    actor2: str | None = None
    agreed: bool = False  # the object of an agreement or decision ("اتفقت ... على انسحاب")
    vote: bool = False  # a vote: rejecting is what the voters did, no denial of the vote
    silent: bool = False  # a campaign named ("العدوان على X"): no event, no place of another


def build_events(an: Analysis, lexicon: Lexicon, resolve: Resolver) -> list[Event]:
    """All events of the analysed article `an`."""
    attribution = Attribution(an, lexicon=lexicon)
    reminders = lexicon.starts("reminders")
    # the frames of a sentence depend on its hits alone: found first, so that places are
    # read only where a frame may take them ("يُذكر أنّ ...": a reminder of what was told
    # before, no news)
    frames_of = {}
    for s_start, s_end, clauses in an.sentences:
        if not an.text.startswith(reminders, s_start):
            frames = _frames(an, lexicon, s_start, s_end, clauses)
            if any(not f.silent for f in frames):
                frames_of[s_start, s_end] = frames
    # a place span tells resolve_actors that a country there is no actor; an actor's
    # `locative` is read only by the frames of its own sentence, so sentences without
    # frames need no places
    places_of = {(s, e): find_places(an, lexicon, s, e) for s, e in frames_of}
    place_spans = frozenset((p.name_start, p.name_end) for refs in places_of.values()
                            for p in refs)
    actors = resolve_actors(an, lexicon, place_spans, list(frames_of))
    actor_starts = [a.start for a in actors]
    events: list[tuple[Event, int]] = []
    resolved: list[PlaceMatch] = []
    countries: dict[Event, str | None] = {}  # the country of each event's place (`fold_vague`)
    previous_agent: str | None = None
    previous_sentence_end = -1
    armed: dict[str, list[str]] = {}  # actor -> kinds of its attacks told with a weapon
    # the places of the last frame of each kind: "إلى منطقة الاشتباكات" is where they were
    told_at: dict[str, list[PlaceRef]] = {}
    pointed = Antecedents(an, lexicon, places_of)
    for s_start, s_end, _ in an.sentences:
        # the sources of every sentence are read: a later "وأضاف" carries the last one
        sources = attribution.sentence_sources(s_start, s_end)
        frames = frames_of.get((s_start, s_end))
        if not frames:
            continue
        refs = places_of.get((s_start, s_end), ())
        places = [p for k, p in enumerate(refs)
                  if (not p.context_only or released(an, refs, k)) and not denied(an, p)
                  and not summarized(an, lexicon, refs, k) and not described(an, refs, k)
                  and not any(src.start <= p.start < src.end for src in sources)]
        _attach_places(an, lexicon, frames, places)
        frames = [f for f in frames if not f.silent]
        _inherit_places(an, lexicon, frames)
        scene_places(an, lexicon, frames, told_at)
        pointed.fill(frames, (s_start, s_end))  # "استهداف السوق في المدينة": the town told before
        absorb_breakdowns(an, frames)  # "12 غارة على X، استهدفت 4 منها ...": one attack
        _agreements(an, lexicon, frames)
        sentence_actors = actors[bisect.bisect_left(actor_starts, s_start):
                                 bisect.bisect_left(actor_starts, s_end)]
        for k, frame in enumerate(frames):
            nxt = frames[k + 1].trigger.start if k + 1 < len(frames) else s_end
            fill_actors(an, lexicon, frame, sentence_actors, nxt)
            if frame.actor1 is None:
                frame.actor1 = claimed_by(an, frame, sentence_actors)
            if frame.actor1 is None and attack_kinds(frame.kinds):
                frame.actor1 = instrument_owner(an, frame, sentence_actors)  # "بغارات أميركية"
            if frame.actor1 is None and frame.form != "passive" and previous_agent and \
                    (pronoun_agent(an, lexicon, frame.trigger) or not sentence_actors or (
                        # "استهدف محيط مطار دمشق": a country or capital read as a place
                        # is no subject; a verb with only such names has none of its own
                        # so has a counted raid ("12 غارة على صنعاء")
                        (frame.form == "verb" or (frame.form == "noun" and
                                                  attack_kinds(frame.kinds))) and
                        all(a.locative for a in sentence_actors))) and \
                    an.words_between(previous_sentence_end, s_start) < 60:
                frame.actor1 = previous_agent
            if frame.actor1 is None and previous_agent and frame.form == "noun" and \
                    modality_of(an, frame.clause[0], frame.trigger) == "planned":
                # "قرب انطلاق العمليات العسكرية ضد داعش": the operation announced is theirs
                frame.actor1 = previous_agent
            if frame.actor1 is None and k > 0 and frames[k - 1].actor1 and frame.form != "passive":
                frame.actor1 = frames[k - 1].actor1
                frame.assoc1 = list(frames[k - 1].assoc1)
            if frame.actor1 is None and frame.form not in ("passive",) and \
                    weapon_subject(an, frame.trigger) is None:
                # "أكد سريع استهداف ...": the spokesman's side did it, unless it was the target
                speaker = source_actor(frame, sources, sentence_actors)
                if speaker is not None and _condemned(an, lexicon, frame, sources):
                    speaker = None  # "ودانت الحركة التفجيرين": who condemns it did not do it
                if speaker is not None and speaker != frame.actor2 and \
                        not lost_men(an, lexicon, frame, speaker, sentence_actors):
                    frame.actor1 = speaker
            if frame.actor1 and civilians(lexicon, frame.actor1):
                frame.actor2 = frame.actor2 or frame.actor1
                frame.actor1 = None
            if all(kind in _ONE_SIDED for kind in frame.kinds):
                frame.actor2 = None  # a force that moves in or pulls out acts on no one
            # "الرد على جريمة اغتيال", "هجمات استهدفت القوات الأميركية": no author of it
            not_authors(an, lexicon, frame, sentence_actors)
            if frame.actor1 and watched_launch(an, lexicon, frame, sentence_actors):
                frame.actor1 = None  # "تحدث البنتاغون عن إطلاق صاروخين من اليمن"
            # "رداً على مجازر الاحتلال": who did what is answered is not who goes on acting
            if frame.actor1 and not _in_reason(an, frame.clause[0], frame.trigger.start):
                previous_agent = frame.actor1
        previous_sentence_end = s_end
        for frame in frames:
            events.extend(_events_of(an, lexicon, frame, sources, resolve, resolved, armed,
                                     countries))
    return merge_duplicates(fold_vague(events, countries))


def _frames(an: Analysis, lexicon: Lexicon, s_start: int, s_end: int,
            clauses: tuple[tuple[int, int], ...]) -> list[Frame]:
    frames: list[Frame] = []
    if not an.has_hit(_TRIGGER, s_start, s_end):
        return frames
    first = bisect.bisect_left(an.hit_starts, s_start)
    last = bisect.bisect_left(an.hit_starts, s_end)
    hits = an.hits[first:last]
    seen_spans: set[tuple[int, int]] = set()
    triggers = an.hit_indices(_TRIGGER)
    for k in triggers[bisect.bisect_left(triggers, first):bisect.bisect_left(triggers, last)]:
        i = k - first
        hit = hits[i]
        if (hit.start, hit.end) in seen_spans:
            continue
        seen_spans.add((hit.start, hit.end))
        clause = next(((a, b) for a, b in clauses if a <= hit.start < b), (s_start, s_end))
        # the hits of one span all start where it starts
        same_span = [h for h in an.hits_in(hit.start, hit.start + 1) if h.end == hit.end
                     and h.entry.kind == "trigger"]
        entry = same_span[0].entry
        form = str(entry.attr("form", "noun"))
        if threat(an, lexicon, hits, i, s_start) or judgement(an, lexicon, hit) or \
                agentless(an, lexicon, hit) or habitual(an, hit) or occasion(an, lexicon, hit) or \
                halted(an, lexicon, hit) or context(an, lexicon, hits, i) or \
                feared(an, lexicon, hit, s_start) or ineffective(an, lexicon, hit, s_end) or \
                earlier(an, lexicon, hit) or any_one(an, lexicon, hit):
            # the threatened attack tells nothing, but its places stay its own; so do a
            # judgement ("انتهاك صارخ لسيادة لبنان") and an entry with no side that enters
            # ("دخول المساعدات إلى غزة")
            frames.append(Frame(hit, [], form, clause, (s_start, s_end)))
            continue
        if purpose(an, lexicon, hits, i) or aggregate(an, lexicon, hit) or \
                air_defence(an, lexicon, hit):
            continue
        if not named(an, lexicon, hits, i):
            if anaphoric(an, hits, i) and not _in_reason(an, clause[0], hit.start):
                # "وسبق العدوان الجديد على اليمن، إعلان ...": no event, and the places after
                # it are not those of the cue after it; but what a reason phrase answers
                # ("رداً على الاعتداءات التي تشنها ... في ريف X، نفذت ...") gives its places
                # to the answer that names none
                frames.append(Frame(hit, [], form, clause, (s_start, s_end), silent=True))
            continue
        if entry.value == "explosion" and craft_adjective(an, hit):
            continue  # "طائرة مسيرة انتحارية استهدفت": the drone's strike, no bombing
        if entry.attr("means"):
            kinds = _means_kinds(an, lexicon, clause, hit)
            after = next((c for c in clauses if c[0] >= clause[1]), None)
            if not kinds and after is not None and ":" in an.text[clause[1] - 1:after[0]]:
                # "استهداف 3 سفن في البحر الأحمر: X، وY، بعدد من الصواريخ": what follows
                # the colon tells the same attack
                kinds = _means_kinds(an, lexicon, after, hit)
            if not kinds:
                default = str(entry.attr("default"))
                if default == "none":
                    continue  # "ألقت القبض": the cue tells an attack only with a weapon named
                kinds = [default]  # "remote" is settled once actor1 is known
        else:
            kinds = sorted({h.entry.value for h in same_span})
            if kinds == ["clash"] and \
                    an.text[hit.start:hit.end].removeprefix("ال").startswith(
                        lexicon.starts("operations")):
                # "شنت عمليات عسكرية ضد X عبر إطلاق الصواريخ والطائرات المسيرة": operations
                # told by their weapons are those attacks, no battle
                kinds = [k for k in _means_kinds(an, lexicon, clause, hit) if k in ATTACK] \
                    or kinds
            if attack_kinds(kinds):
                # "ضربات جوية ومدفعية": weapons right after the cue add their kinds
                window = an.word_ends[min(len(an.word_ends) - 1, an.word_index(hit.end) + 3)]
                kinds = sorted(set(kinds) | {h.entry.value for h in an.hits_in(hit.end, window)
                                             if h.entry.kind == "means" and not h.entry.attr("payload")})
        frame = Frame(hit, kinds, form, clause, (s_start, s_end))
        prev = next((f for f in reversed(frames) if not f.silent), None)
        if prev is not None and prev.form == "repel" and \
                an.words_between(prev.trigger.token_end, hit.token_start) <= 1:
            # "أحبطت هجوماً لأبناء العشائر", "تصدت لهجوم": the attack is the repel's object
            prev.kinds = sorted(set(prev.kinds) | set(kinds))
            continue
        if prev is not None and prev.clause == clause and attack_kinds(prev.kinds) and \
                attack_kinds(kinds) and (an.words_between(prev.trigger.end, hit.start) <= 8 or (
                    # "تعرضت مقار ... في القائم ... لعدوان أميركي": the attack word after
                    # "ل" is the passive's object, however far its patient puts it
                    prev.form == "passive" and "ل" in hit.proclitics)):
            prev.kinds = sorted(set(prev.kinds) | set(kinds))
            continue
        if prev is not None and prev.clause == clause and set(kinds) <= set(prev.kinds) and \
                an.words_between(prev.trigger.end, hit.start) <= 3:
            continue  # "استقدم ... تعزيزات": one deployment told by two cues
        frames.append(frame)
    return frames


def _means_kinds(an: Analysis, lexicon: Lexicon, clause: tuple[int, int],
                 trigger: Hit) -> list[str]:
    kinds = set()
    payloads = set()
    for h in an.hits_in(clause[0], clause[1]):
        entry = h.entry  # (read once: a clause has dozens of hits, asked per trigger)
        kind = entry.kind
        if kind == "means":
            if entry.value == "explosion" and craft_adjective(an, h):
                continue  # "بمسيرة مفخخة": the drone's strike, no bombing
            if entry.attr("payload") or carried(an, lexicon, h):
                payloads.add(entry.value)
            else:
                kinds.add(entry.value)
        elif kind == "actor" or kind == "generic":
            weapon = entry.attr("weapon")
            if weapon:
                kinds.add(str(weapon))  # "سلاح الجو اليمني المسير استهدف"
        elif kind == "trigger" and h is not trigger and entry.value in ATTACK and \
                not entry.attr("means") and \
                not (entry.value == "explosion" and craft_adjective(an, h)):
            kinds.add(entry.value)
    return sorted(kinds or payloads)


def _attach_places(an: Analysis, lexicon: Lexicon, frames: list[Frame],
                   places: list[PlaceRef]) -> None:
    """Each place goes to the nearest trigger before it in its clause, else the first after.

    A reason cue between them ("نصرةً لغزة", "رداً على") cuts the link: the place is then
    the occasion of the event, not where it happened; so does a condition ("في حال").
    """
    added: list[Frame] = []
    for k, place in enumerate(places):
        # "من اتجاه الجولان": where an attack came from, not where it struck (a force that
        # moves "انطلاقاً من عكاشات" is deployed there, though)
        origin = came_from(an, lexicon, place)
        # a place read as a locator but released (`scope.released`) is where an attack
        # struck: no other frame's place
        same = [f for f in frames if f.clause[0] <= place.start < f.clause[1]
                # a massacre is not where its craft came from either
                and not (origin and (attack_kinds(f.kinds) or "attack_civilians" in f.kinds))
                and not (place.context_only and not attack_kinds(f.kinds))]
        if not any(f.clause[0] <= place.start < f.clause[1] for f in frames) and \
                place.coordinated and k > 0:
            added.extend(listed_on(an, frames, place, places[k - 1]))
            continue
        before = [f for f in same if f.trigger.start < place.start and not f.silent]
        if not before and any(f.silent and f.trigger.start < place.start for f in same):
            continue  # "وسبق العدوان الجديد على اليمن، إعلان ...": the campaign's place
        same = [f for f in same if not f.silent]
        if before:
            frame = before[-1]
            if _cut(an, lexicon, frame.trigger.end, place.start):
                continue  # "نصرةً لغزة", "في حال استمر العدوان على غزة": not where it happened
            if _territorial(frame) and frame.form != "passive" and \
                    _object_words(an, frame.trigger.end, place.start) > _OBJECT_WORDS and \
                    not _chained(an, frame.trigger.end, place.start) and \
                    "وعلي" not in an.words(max(frame.trigger.end, place.start - 40),
                                           place.start)[-5:]:
                # "استعادة كرامتهم ... لتركيا": too far to be what was taken; but "يسيطرون
                # على قرية X ... وعلى قسم كبير من حي Y": "وعلى" repeats the verb's object
                continue
            frame.places.append(place)
        elif same and not _territorial(same[0]) and \
                not _cut(an, lexicon, place.end, same[0].trigger.start) and \
                not ((_in_reason(an, same[0].clause[0], place.start) or
                      an.word_before(same[0].trigger.token_start) in lexicon.words("sequels"))
                     and any(same[0].trigger.end <= p.start < same[0].clause[1] for p in places)):
            # "في ريف إدلب، نفذ الجيش غارات": a place may come first; a place taken,
            # left or advanced on follows its verb; but "مسيرة في تعز تنديداً بالمجازر": a
            # trigger inside a reason is no event of the places before the reason, nor is
            # "المعارك في X بعد غارات على Y" an attack at X: the attack after "بعد" names
            # its own place (with none, "حريق في X بعد سقوط صواريخ", the rockets fell at X)
            same[0].places.append(place)
    frames.extend(added)


def _cut(an: Analysis, lexicon: Lexicon, a: int, b: int) -> bool:
    """Does a reason or a condition stand in normalized [a, b), cutting a place from a trigger?"""
    return any(h.entry.kind in ("reason", "condition") and not locates(an, lexicon, h)
               for h in an.hits_in(a, b))


def _condemned(an: Analysis, lexicon: Lexicon, frame: Frame, sources: list[SourceRef]) -> bool:
    """Is the source phrase that vouches for the frame a condemnation ("دانت", "استنكر":
    cues.yaml `condemnations`)?"""
    cue = next((ref.cue for ref in reversed(sources) if ref.cue <= frame.trigger.start), None)
    if cue is None:
        return False
    word = an.text[cue:cue + 16].split(maxsplit=1)[:1]
    return bool(word) and word[0].startswith(lexicon.starts("condemnations", ("", "و")))


def _in_reason(an: Analysis, a: int, place: int) -> bool:
    """Does `place` stand inside a reason phrase opened in normalized [a, place) ("رداً على
    القصف على القرى في ريف حلب، قصف الجيش ...")? Such a place is where what is answered
    happened, not where the answer did, when the answer names its own place after its
    cue (with none, the answer is told where what it answers was); a comma after the
    reason cue closes the phrase."""
    reasons = [h for h in an.hits_in(a, place) if h.entry.kind == "reason"]
    return bool(reasons) and "," not in an.text[reasons[-1].end:place]


#: how far after its cue the place of a capture, withdrawal or advance may stand
_OBJECT_WORDS = 8
_AGENTS = frozenset({"actor", "generic"})


def _object_words(an: Analysis, a: int, b: int) -> int:
    """Words in normalized [a, b) but those of the actors named there: "سيطرة أبناء القبيلة
    على أكثر من 20 قرية في ريف X" is as near its place as "سيطرة على ..." is."""
    spans = {(h.token_start, h.token_end) for h in an.hits_in(a, b)
             if h.entry.kind in _AGENTS and h.token_end <= b}
    return an.words_between(a, b) - sum(an.words_between(s, e) for s, e in spans)


def _chained(an: Analysis, a: int, b: int) -> bool:
    """Does the place at `b` end a chain of locatives that opens right after the cue's object
    ("أخلت مكاتبها في المربع الأمني ضمن مبنى المحافظة وسط X"): where the object was?"""
    prep = next((h for h in an.hits_in(a, b) if h.entry.kind == "place_prep"), None)
    return prep is not None and _object_words(an, a, prep.start) <= 1 and \
        "," not in an.text[a:b] and _object_words(an, a, b) <= 2 * _OBJECT_WORDS


def _territorial(frame: Frame) -> bool:
    return any(k in ("capture", "withdrawal", "advance") for k in frame.kinds)


def _inherit_places(an: Analysis, lexicon: Lexicon, frames: list[Frame]) -> None:
    """"أحبطت هجوماً ... عليهما", "قبل أن تنسحب منها": a frame that points back at the
    places before it (lexicon `pointing_back`; `left_from` right after its cue)."""
    for k in range(1, len(frames)):
        frame = frames[k]
        if frame.places or not frames[k - 1].places:
            continue
        end = frames[k + 1].trigger.start if k + 1 < len(frames) else frame.sentence[1]
        words = an.words(frame.trigger.end, end)
        back = lexicon.words("pointing_back")
        # "سيطروا على 20 قرية ... قبل أن ينسحبوا منها": "من" with a pronoun right after
        # the cue is the place it leaves (further on, "منها" picks items: "4 منها")
        left = lexicon.words("left_from")
        if frame.form == "repel" or any(w in back for w in words) or \
                (words[:1] and (words[0] in left or " ".join(words[:2]) in left)):
            frame.places = list(frames[k - 1].places)


def _agreements(an: Analysis, lexicon: Lexicon, frames: list[Frame]) -> None:
    """"اتفقت بغداد وواشنطن على انسحاب القوات من العراق": the agreement is where its object is.

    An `other` frame (an agreement, a decision, a vote) whose object is the next trigger
    of its clause takes that trigger's places, and the object is only planned. A vote
    ("تصويت") decides the next event of its clause whatever words come between, and is
    told where that event would be; a proposal rejected in it is no event (`_events_of`).
    """
    votes = lexicon.words("votes")
    for frame, nxt in pairwise(frames):
        if frame.kinds != ["other"] or nxt.clause != frame.clause or \
                an.words_between(frame.trigger.end, nxt.trigger.token_start) > 12:
            continue
        # "على" right before the object: "اتفقوا ... على انسحاب", "صوّت على سحب"; a vote
        # decides the next event of its clause whatever comes between ("تصويت على مشروع
        # قرار ...، انسحاب القوات من")
        frame.vote = frame.trigger.entry.form in votes
        if not frame.vote and an.words(frame.trigger.end, nxt.trigger.token_start)[-1:] != ["علي"]:
            continue
        nxt.agreed = True
        if not frame.places or frame.vote:
            frame.places = list(nxt.places)


def _events_of(an: Analysis, lexicon: Lexicon, frame: Frame, sources: list[SourceRef],
               resolve: Resolver, resolved: list[PlaceMatch],
               armed: dict[str, list[str]],
               countries: dict[Event, str | None]) -> list[tuple[Event, int]]:
    """The events of one frame; `armed` gathers, per actor, the kinds of its attacks told
    with a weapon so far (what an attack of its told with none most likely was), and
    `countries` the country of each event's place (`fold_vague`)."""
    if not frame.places:
        return []
    kinds = []
    actor = lexicon.actors.get(frame.actor1 or "")
    usual = usual_weapon(actor, armed)
    air = (actor is not None and actor.remote == "airstrike") or \
        aircraft_subject(an, frame.trigger) or air_attack(an, frame.clause) or \
        resumed_aircraft(an, lexicon, frame.trigger, frame.clause)
    for kind in frame.kinds:
        if kind == "remote":
            kind = usual or remote_kind(an, lexicon, frame, actor)
        elif kind == "shelling" and air and not ground_weapon_named(an, lexicon, frame.clause):
            kind = "airstrike"  # an air force's missiles are air strikes
        kinds.append(kind)
    if frame.actor2 is not None and civilians(lexicon, frame.actor2):
        # civilians do not fight back: "a clash" with them is violence against civilians
        kinds = ["attack_civilians" if k == "clash" else k for k in kinds]
    if "attack_civilians" in kinds and \
            "airstrike" in _means_kinds(an, lexicon, frame.clause, frame.trigger):
        kinds = ["airstrike" if k == "attack_civilians" else k for k in kinds]
    if frame.actor1 is None and any(k in _NEED_ACTOR for k in kinds):
        kinds = [k for k in kinds if k not in _NEED_ACTOR]
    if frame.actor1 is None and \
            frame.trigger.entry.written in lexicon.words("charges"):
        return []  # "مواقفها الداعمة للإبادة الجماعية": a charge with no one charged
    if not kinds:
        return []
    source = source_for(frame, sources)
    modality = modality_of(an, frame.clause[0], frame.trigger)
    if modality == "negated" and all(k in ATTACK or k == "attack_civilians" for k in kinds) \
            and rejected_attack(an, lexicon, frame):
        modality = "asserted"  # "رفض بلاده العدوان على غزة": condemned, not denied
    if frame.vote and modality == "negated":
        modality = "asserted"  # "رفض النواب في تصويت": the rejection is the vote told
    elif frame.agreed and modality == "negated":
        return []  # a proposal rejected is no event, nor one denied
    if frame.agreed and modality == "asserted":
        modality = "planned"  # agreed or decided, not yet done
    day, precision, dated = date_for(an, lexicon, frame)
    # a toll told once for attacks on several places is their total, no one event's
    dead = fatalities(an, lexicon, frame.sentence) if len(frame.places) == 1 and any(
        k in ATTACK or k in ("clash", "attack_civilians") for k in kinds) else None
    evidence_norm = frame.clause if len(frame.clause) == 2 and \
        an.words_between(*frame.sentence) > 45 else frame.sentence
    evidence = an.norm.original_span(*evidence_norm)
    out = []
    matches = []
    for k, place in enumerate(frame.places):
        match = resolve(place, an, resolved)
        if match is not None and match.feature == "river":
            continue  # "شرق الفرات" locates; a river is no place where an event happens
        if match is not None and match.place_id:
            resolved.append(match)
        matches.append((k, place, match))
    # "قصفت X مرات عدة، وY بطائرتين مسيرتين": a weapon of one conjunct is not another's
    passed_by = unreached(an, lexicon, frame.clause, frame.trigger, frame.places) \
        if frame.trigger.entry.attr("means") else {}
    # "استُهدفت القاعدة مرة جديدة": one more attack, not a retelling (merge.AGAIN)
    again = AGAIN * one_more(an, lexicon, frame.trigger, frame.clause)
    for k, place, match in matches:
        if match is not None and any(_contains(match, place, other) for _, _, other in matches):
            continue  # "في ريف حمص، بما في ذلك الزعفرانة": the village is where it happened
        if place.feature in lexicon.words("governorate_features") and any(
                p.feature in lexicon.words("district_features") for _, p, _ in matches):
            # "وفي محافظة حجة، شن العدوان غارتين ... في مديرية عبس": the governorate locates
            # the district named with it, even where no admin chain says so
            continue
        place_kinds = kinds
        if k in passed_by:
            place_kinds = [x for x in kinds if x not in passed_by[k]] or \
                unarmed_kinds(an, lexicon, frame, actor, usual)
        for kind in sorted(set(place_kinds)):
            out.append((event := Event(
                kind=kind, actor1=frame.actor1, assoc1=tuple(frame.assoc1),
                actor2=(frame.actor2 if frame.actor2 != frame.actor1 or kind == "clash" else None)
                # "ارتكب مجزرة في X": a massacre's victims are civilians where the text
                # names no other side struck (cues.yaml civilian_harms)
                or ("CIVILIANS" if kind == "attack_civilians" and frame.trigger.entry.form
                    in lexicon.words("civilian_harms") else None),
                place=place.surface,
                place_id=match.place_id if match else None,
                lat=match.lat if match else None, lon=match.lon if match else None,
                geo_precision=match.geo_precision if match else None,
                date=day, time_precision=precision, modality=modality, source=source,
                fatalities=dead, partial=place.partial and kind == "capture",
                evidence=evidence,
            ), 2 * dated + (frame.sentence[0] > 0) + again + VAGUE * (
                # the country itself, not an unknown place put in it
                len(matches) == 1 and match is not None and match.place_id is not None
                and match.feature == "country") + UNARMED * (frame.kinds == ["remote"])
                + STOPPED * (frame.trigger.entry.attr("named_by") == "attempt")))
            countries[event] = match.country if match else None
    if out and frame.actor1 and attack_kinds(frame.kinds) and "remote" not in frame.kinds:
        armed.setdefault(frame.actor1, []).extend(kinds)
    return out


#: admin areas that hold the places named with them (PlaceMatch.feature)
_AREAS = frozenset({"country", "governorate", "district", "subdistrict"})


def _contains(area: PlaceMatch, place: PlaceRef, other: PlaceMatch | None) -> bool:
    """Is `other`, a town or village, inside `area` (a country, an admin unit or "ريف X")?"""
    if other is None or other is area or other.geo_precision != 1 or not area.place_id:
        return False
    if area.feature == "country":
        return area.country == other.country
    if area.feature in _AREAS:
        # admin chains name their units ("إدلب", "مركز إدلب")
        return fold(area.name) in {fold(a) for a in (other.admin1, other.admin2, other.admin3) if a}
    # "ريف حمص": the city's countryside holds the villages of its governorate
    return place.relation in ("ريف", "ريفي", "ارياف") and area.admin1 is not None and \
        area.admin1 == other.admin1
