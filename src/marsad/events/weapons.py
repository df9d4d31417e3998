"""Which of a clause's weapons reach which of its places.

A weapon named right after the last of several coordinated objects, with no comma before
it, is that object's: "قصفت الفصائل بلدة X مرات عدة، وبلدة Y بطائرتين مسيرتين" tells a
shelling of X (no weapon named: EVENTS.md) and an air strike on Y. The conjuncts before
a "، و" that opens the weapon's own object are not reached by it. A weapon set off by a
comma ("... X، وY، عبر استخدام الصواريخ"), named before the objects or as the attacker
("سلاح الجو المسير") covers them all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from marsad.events.analysis import Analysis
from marsad.events.places import PlaceRef
from marsad.lexicon.model import Lexicon
from marsad.recognize.matcher import Hit

#: a comma, then a word opened by "و": the start of a new conjunct (normalized text)
_CONJUNCT = re.compile(r",\s*و")


def carried(an: Analysis, lexicon: Lexicon, weapon: Hit) -> bool:
    """Is the weapon what a craft carries ("مسيرات محملة بالقذائف", lexicon `laden`)? Then
    it is the craft's payload, no means of its own: the drones strike, not a gun."""
    return "ب" in weapon.proclitics and an.word_before(weapon.token_start) in lexicon.words("laden")


def unreached(an: Analysis, lexicon: Lexicon, clause: tuple[int, int], trigger: Hit,
              places: Sequence[PlaceRef]) -> dict[int, frozenset[str]]:
    """For each place (by its index in `places`) the weapon kinds of the clause that do
    not reach it and that no weapon reaching it shares; places every weapon reaches are
    left out."""
    if len(places) < 2:
        return {}
    ordered = sorted(range(len(places)), key=lambda k: places[k].start)
    # the kinds each place is reached by, and those that pass it by
    reached: dict[int, set[str]] = {k: set() for k in ordered}
    missed: dict[int, set[str]] = {k: set() for k in ordered}
    weapons = []
    for h in an.hits_in(*clause):
        weapon = h.entry.attr("weapon") if h.entry.kind in ("actor", "generic") else \
            h.entry.value if h.entry.kind == "means" and not h.entry.attr("payload") and \
            not carried(an, lexicon, h) else None
        if not weapon:
            continue
        if h.entry.kind == "means" and h.start >= trigger.end:
            weapons.append(h)  # among the cue's objects: maybe one conjunct's alone
        else:
            # "سلاح الجو المسير نفذ عمليتين، استهدفت إحداهما ...", "بتحليق للطيران المسير
            # ... ليقابل بتصدي": named before the cue, the weapon is the whole act's
            for k in ordered:
                reached[k].add(str(weapon))
    for w in weapons:
        before = [k for k in ordered if places[k].end <= w.start]
        scope = set(ordered)
        if before and "," not in an.text[places[before[-1]].end:w.start]:
            # the weapon closes the conjunct of the place right before it
            own = places[before[-1]].start
            cuts = [m.start() for m in _CONJUNCT.finditer(an.text, trigger.end, own)]
            start = cuts[-1] if cuts else trigger.end
            nxt = _CONJUNCT.search(an.text, w.end, clause[1])
            end = nxt.start() if nxt else clause[1]
            scope = {k for k in ordered if start < places[k].start < end}
        for k in ordered:
            (reached if k in scope else missed)[k].add(str(w.entry.value))
    out = {}
    for k in ordered:
        gone = missed[k] - reached[k]
        if gone:
            out[k] = frozenset(gone)
    return out
