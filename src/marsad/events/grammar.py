"""Closed-class words the event rules read, normalized: grammar stays in code, while the
vocabulary of events, actors and places is lexicon data a user can extend."""

from __future__ import annotations

#: relative pronouns ("الذي", "التي", ...), as `normalize_text` writes them
RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي"})
#: what an attack or an operation is against: "ضد", "على" (normalized "علي")
AGAINST = frozenset({"ضد", "علي"})
