"""Which of a clause's weapons reach which of its places.

A weapon named in one of several coordinated objects is that object's: "قصفت الفصائل
بلدة X مرات عدة، وبلدة Y بطائرتين مسيرتين" tells a shelling of X (no weapon named:
EVENTS.md) and an air strike on Y; "X، بالصواريخ، ...، وY، عبر طائرتين مسيرتين" one
weapon each. A weapon set off by a comma after the objects ("... X، وY، عبر استخدام
الصواريخ"), named before them or as the attacker ("سلاح الجو المسير") covers them all.

Missiles fired by an aircraft are an air strike: the aircraft acts right before or right
after the verb, or the clause names its attack as an air attack ("عدوان جوي بأربعة صواريخ").

An attack whose clause names no weapon takes its author's usual weapon (`usual_weapon`,
`remote_kind`), else what the text says of it (a passive: shelling; operations: a clash),
else the kind of attack the article tells most by its weapons.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from marsad.events.agents import weapon_subject
from marsad.events.analysis import Analysis
from marsad.events.places import PlaceRef
from marsad.lexicon.model import Actor, Lexicon
from marsad.recognize.matcher import Hit

if TYPE_CHECKING:
    from marsad.events.frames import Frame
    from marsad.events.roles import ActorRef

#: a comma, then a word opened by "و": the start of a new conjunct (normalized text)
_CONJUNCT = re.compile(r",\s*و")


def carried(an: Analysis, lexicon: Lexicon, weapon: Hit) -> bool:
    """Is the weapon what a craft carries ("مسيرات محملة بالقذائف", lexicon `laden`)? Then
    it is the craft's payload, no means of its own: the drones strike, not a gun."""
    return "ب" in weapon.proclitics and an.word_before(weapon.token_start) in lexicon.words("laden")


def craft_adjective(an: Analysis, explosive: Hit) -> bool:
    """Is the explosive word an adjective of the aircraft right before it ("طائرة مسيرة
    انتحارية", "بمسيرة مفخخة")? A drone strikes from the air whatever it carries (EVENTS.md:
    drones are airstrikes): no explosion beside it."""
    if any(p != "ال" for p in explosive.proclitics):
        return False  # "بالقصف الجوي وبالتفجير": a second means, no adjective
    prev = an.prev_word(explosive.token_start)
    return prev is not None and any(
        h.entry.kind == "means" and h.entry.value == "airstrike" and h.end == prev[1]
        and not h.entry.attr("payload") for h in an.hits_in(max(0, prev[0] - 40), prev[1]))


def unreached(an: Analysis, lexicon: Lexicon, clause: tuple[int, int], trigger: Hit,
              places: Sequence[PlaceRef]) -> dict[int, frozenset[str]]:
    """For each place (by its index in `places`) the weapon kinds of the clause that do
    not reach it and that no weapon reaching it shares; places every weapon reaches are
    left out.

    The cue's objects are cut into conjuncts at each "، و". A weapon belongs to its
    conjunct; a conjunct with weapons of its own keeps them alone; one with none takes
    those set off by a comma in the conjuncts after it ("X، وY، بالصواريخ"). Weapons
    named before the cue or before every object, and an attacker named by its aircraft,
    reach them all.
    """
    if len(places) < 2:
        return {}
    cuts = [m.start() for m in _CONJUNCT.finditer(an.text, trigger.end, clause[1])]
    if not cuts:
        return {}
    first = min(p.start for p in places)
    everywhere: set[str] = set()
    own: dict[int, set[str]] = {}
    set_off: dict[int, set[str]] = {}
    for h in an.hits_in(*clause):
        weapon = h.entry.attr("weapon") if h.entry.kind in ("actor", "generic") else \
            h.entry.value if h.entry.kind == "means" and not h.entry.attr("payload") and \
            not carried(an, lexicon, h) and not craft_adjective(an, h) else None
        if not weapon:
            continue
        if h.entry.kind != "means" or h.start < trigger.end or h.start < first:
            # "سلاح الجو المسير نفذ عمليتين، استهدفت إحداهما ...", "استهدفت بالمسيرات
            # X، وY": the whole act's weapon
            everywhere.add(str(weapon))
            continue
        part = bisect.bisect_right(cuts, h.start)
        own.setdefault(part, set()).add(str(weapon))
        before = [p.end for p in places if p.end <= h.start]
        if before and "," in an.text[max(before):h.start]:
            set_off.setdefault(part, set()).add(str(weapon))  # "X، وY، بالصواريخ"
    named = set().union(*own.values()) if own else set()
    out = {}
    for k, place in enumerate(places):
        part = bisect.bisect_right(cuts, place.start)
        reach = own.get(part) or set().union(*(v for q, v in set_off.items() if q > part))
        gone = named - reach - everywhere
        if gone:
            out[k] = frozenset(gone)
    return out


def aircraft_subject(an: Analysis, trigger: Hit) -> bool:
    """"طيارة حربية تقصف معرة النعمان بصاروخ", "الصواريخ التي تلقيها الطائرات الحربية": an
    aircraft that acts, right before its verb or right after it, fires the missiles."""
    start = weapon_subject(an, trigger)
    if start is not None and any(
            h.entry.kind == "means" and h.entry.value == "airstrike" and h.token_start == start
            for h in an.hits_in(start, start + 1)):
        return True
    if trigger.entry.attr("form") != "verb":
        return False
    after = an.next_word(trigger.token_end)
    # "استهدف الجيش بالطائرات المسيرة والصواريخ": after "ب" the aircraft is one means
    # beside the others, not the one who fires them
    return after is not None and any(
        h.token_start == after[0] and "ب" not in h.proclitics and air_weapon(h)
        for h in an.hits_in(after[0], after[0] + 1))


def air_attack(an: Analysis, clause: tuple[int, int]) -> bool:
    """Does the clause name its attack as an air attack ("عدوان جوي بأربعة صواريخ",
    "غارات بالصواريخ") and no ground fire of its own ("قصف صاروخي", "قذائف", "ضربات جوية
    وصاروخية")? Then its missiles are the aircraft's."""
    air = False
    for h in an.hits_in(*clause):
        entry = h.entry
        if entry.kind == "means" and entry.value == "shelling" and "و" in h.proclitics:
            return False  # "ضربات جوية وصاروخية": missiles beside the aircraft, not theirs
        if entry.kind != "trigger" or entry.attr("means") or entry.attr("form") != "noun":
            continue
        if entry.value == "shelling":
            return False
        air = air or entry.value == "airstrike"
    return air


def air_weapon(h: Hit) -> bool:
    """Is the hit an aircraft: a weapon of the air, or an actor named by its aircraft?"""
    entry = h.entry
    if entry.kind == "means":
        return entry.value == "airstrike" and not entry.attr("payload")
    return entry.kind in ("actor", "generic") and entry.attr("weapon") == "airstrike"


def usual_weapon(actor: Actor | None, armed: dict[str, list[str]]) -> str | None:
    """Air strike when every attack the article told of the actor with a weapon so far
    (`armed`: actor id -> kinds) was one: "استهدفت المقاومة ... بطائرات مسيرة" then
    "استهدفت المقاومة مصافي النفط" is one more drone strike. Not the other way: an air
    force that also shells still strikes from the air when the text names no weapon."""
    if actor is None or actor.remote == "airstrike":
        return None
    return "airstrike" if set(armed.get(actor.id, ())) == {"airstrike"} else None


def instrument_owner(an: Analysis, frame: Frame, refs: Sequence[ActorRef]) -> str | None:
    """The side named by the nationality after the weapon the attack was done with
    ("استُهدفت أحياء في X بغارات أميركية"): "ب" and an attack word, then the adjective."""
    a, b = frame.trigger.end, frame.clause[1]
    for h in an.hits_in(a, b):
        if h.entry.kind not in ("trigger", "means") or "ب" not in h.proclitics:
            continue
        owner = next((r for r in refs if r.kind == "adjective" and r.token_start >= h.end
                      and r.start < b and an.words_between(h.end, r.token_start) == 0), None)
        if owner is not None:
            return owner.actor
    return None


def unarmed_kinds(an: Analysis, lexicon: Lexicon, frame: Frame, actor: Actor | None,
                  usual: str | None) -> list[str]:
    """The kinds of a place that no weapon of its clause reaches: its cue's default."""
    default = str(frame.trigger.entry.attr("default"))
    if default == "none":
        return []
    return [(usual or remote_kind(an, lexicon, frame, actor)) if default == "remote" else default]


def remote_kind(an: Analysis, lexicon: Lexicon, frame: Frame, actor: Actor | None) -> str:
    """The kind of a remote attack whose weapon is not named: its author's (lexicon
    `remote`), else what the text says of the attack (`_unnamed_means`)."""
    return actor.remote if actor else _unnamed_means(an, lexicon, frame)


def _unnamed_means(an: Analysis, lexicon: Lexicon, frame: Frame) -> str:
    """The kind of an attack told with no weapon and no attacker.

    A passive ("تعرضت القاعدة للاستهداف") tells only what was struck: EVENTS.md's rule for
    an attack whose means the text does not name holds (shelling). An attack told by its
    attacker's act, or a passive that points back at an attack told before ("الضربة التي
    تعرضت لها القاعدة"), is most likely of the kind the article is about (`_told_means`).
    """
    if frame.form == "passive":
        after = an.next_word(frame.trigger.end)
        if after is None or an.text[after[0]:after[1]] not in lexicon.words("points_back"):
            return "shelling"
    elif frame.form == "verb" and any(
            w in lexicon.words("operations") for w in an.words_before(frame.trigger.token_start, 40, 3)):
        # "تشهد البادية عمليات موسعة تستهدف أوكار داعش": operations with no weapon and
        # no author named are on the ground
        return "clash"
    return _told_means(an)


def _told_means(an: Analysis) -> str:
    """The kind of attack the article tells most by its weapons: air strikes or shelling.

    An attack told with no weapon and no actor ("هوجم المستشفى") is most likely one of
    the kind the article is about; shelling when the article names no weapon at all.
    (Asked only for such attacks, a few per article: counting anew costs little.)
    """
    values = [an.hits[k].entry.value for k in an.hit_indices(_MEANS)]
    return "airstrike" if values.count("airstrike") > values.count("shelling") else "shelling"


_MEANS = frozenset({"means"})
def ground_weapon_named(an: Analysis, lexicon: Lexicon, clause: tuple[int, int]) -> bool:
    """Does the clause name a ground weapon (lexicon `artillery`)? An air force's attack
    told with one is shelling."""
    text = an.text[clause[0]:clause[1]]
    return any(w in text for w in lexicon.words("artillery"))
