"""Which coalition an actor belongs to (ACTORS.md), possibly changing over time.

The table is data. Which coalition each actor is in is the actor lexicon's (each actor's
`coalition`, `lexicon/data/actors.yaml`): the one place it is written. The shipped
`track/data/coalitions.yaml` only says how each coalition is shown (label, map colour) and
whether it holds ground. Callers may also pass any actor mapping, with date ranges, to
`CoalitionTable.from_mapping`, or a YAML file of their own to `load_coalitions`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

from marsad.errors import LexiconError

__all__ = [
    "Affiliation",
    "CoalitionInfo",
    "CoalitionTable",
    "coalitions_from_lexicon",
    "load_coalitions",
]

_FALLBACK_COLORS = (
    "#d62728", "#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
    "#e377c2", "#17becf", "#bcbd22", "#7f7f7f",
)


@dataclass(frozen=True, slots=True)
class Affiliation:
    """An actor's coalition from `since` until `until` (inclusive; None: open)."""

    coalition: str
    since: dt.date | None = None
    until: dt.date | None = None

    def covers(self, day: dt.date | None) -> bool:
        """True when `day` falls in this range (an unknown day matches any range)."""
        if day is None:
            return True
        return (self.since is None or self.since <= day) and (
            self.until is None or day <= self.until
        )


@dataclass(frozen=True, slots=True)
class CoalitionInfo:
    """How a coalition is shown: its label and map colour, and whether it holds ground."""

    id: str
    label: str
    color: str
    territorial: bool = True


@dataclass(frozen=True, slots=True)
class CoalitionTable:
    """Actor id -> coalition (with date ranges) and the coalitions' display data."""

    actors: Mapping[str, tuple[Affiliation, ...]]
    coalitions: Mapping[str, CoalitionInfo]

    def coalition_of(self, actor: str | None, day: dt.date | None = None) -> str | None:
        """The coalition of `actor` on `day`, or None when the actor is unknown or unset."""
        if not actor:
            return None
        for aff in self.actors.get(actor, ()):
            if aff.covers(day):
                return aff.coalition
        return None

    def info(self, coalition: str) -> CoalitionInfo:
        """Display data for `coalition` (a stable fallback colour for ones the table lacks)."""
        found = self.coalitions.get(coalition)
        if found is not None:
            return found
        color = _FALLBACK_COLORS[sum(map(ord, coalition)) % len(_FALLBACK_COLORS)]
        return CoalitionInfo(coalition, coalition, color)

    def is_territorial(self, coalition: str) -> bool:
        """False for coalitions that never hold ground (civilians, unidentified actors)."""
        return self.info(coalition).territorial

    def with_actors(self, actors: Mapping[str, object]) -> CoalitionTable:
        """This table's coalitions (labels, colours) with the actor mapping `actors` on top."""
        extra = CoalitionTable.from_mapping(actors)
        return CoalitionTable(actors={**self.actors, **extra.actors}, coalitions=self.coalitions)

    @classmethod
    def from_mapping(
        cls,
        actors: Mapping[str, object],
        coalitions: Mapping[str, Mapping[str, object]] | None = None,
        *,
        path: str = "<mapping>",
        text: str | None = None,
    ) -> CoalitionTable:
        """Build a table from `{actor: coalition | [{coalition, from, until}, ...]}`."""
        parsed: dict[str, tuple[Affiliation, ...]] = {}
        for actor, value in actors.items():
            where = _line_of(text, str(actor))
            parsed[str(actor)] = _parse_affiliations(value, str(actor), path, where)
        infos: dict[str, CoalitionInfo] = {}
        for cid, data in (coalitions or {}).items():
            if not isinstance(data, Mapping):
                raise LexiconError(
                    f"coalition {cid!r} must be a mapping", path, _line_of(text, str(cid))
                )
            infos[str(cid)] = CoalitionInfo(
                id=str(cid),
                label=str(data.get("label") or cid),
                color=str(data.get("color") or _FALLBACK_COLORS[len(infos) % 10]),
                territorial=bool(data.get("territorial", True)),
            )
        return cls(actors=parsed, coalitions=infos)


def load_coalitions(path: Path | None = None) -> CoalitionTable:
    """A coalition table from a YAML file (default: the shipped lexicon's, see below)."""
    if path is None:
        from marsad.lexicon import load_lexicon  # the actors' coalitions are the lexicon's

        return coalitions_from_lexicon(load_lexicon())
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise LexiconError(f"cannot read coalition table: {exc.strerror}", str(path)) from exc
    return _parse_table(text, str(path), need_actors=True)


def coalitions_from_lexicon(lexicon: object, base: CoalitionTable | None = None) -> CoalitionTable:
    """Each actor's `coalition` in `lexicon`, over `base` (default: the shipped labels)."""
    if base is None:
        ref = resources.files("marsad.track").joinpath("data/coalitions.yaml")
        base = _parse_table(ref.read_text(encoding="utf-8"), "marsad/track/data/coalitions.yaml")
    actors = getattr(lexicon, "actors", {})
    return base.with_actors({a: actor.coalition for a, actor in actors.items() if actor.coalition})


def _parse_table(text: str, name: str, *, need_actors: bool = False) -> CoalitionTable:
    """A table from YAML text: `coalitions` (display data) and `actors`."""
    # `actors` is optional only in the shipped file: a caller's own table that maps no
    # actor would silently count no event at all
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise LexiconError(f"not valid YAML: {getattr(exc, 'problem', exc)}", name, line) from exc
    if not isinstance(data, Mapping) or not isinstance(data.get("actors", {}), Mapping) or (
            need_actors and "actors" not in data):
        raise LexiconError("expected a mapping with an 'actors' mapping", name)
    actors = data.get("actors") or {}
    coalitions = data.get("coalitions") or {}
    if not isinstance(coalitions, Mapping):
        raise LexiconError("'coalitions' must be a mapping", name)
    return CoalitionTable.from_mapping(actors, coalitions, path=name, text=text)


def _parse_affiliations(
    value: object, actor: str, path: str, line: int | None
) -> tuple[Affiliation, ...]:
    if isinstance(value, str) and value:
        return (Affiliation(value),)
    if isinstance(value, Sequence) and not isinstance(value, str) and value:
        out = []
        for item in value:
            if isinstance(item, Affiliation):
                out.append(item)
                continue
            if not isinstance(item, Mapping) or not item.get("coalition"):
                raise LexiconError(f"actor {actor}: each range needs a 'coalition'", path, line)
            out.append(
                Affiliation(
                    str(item["coalition"]),
                    _as_date(item.get("from"), actor, path, line),
                    _as_date(item.get("until"), actor, path, line),
                )
            )
        return tuple(out)
    raise LexiconError(
        f"actor {actor}: expected a coalition id or a list of date ranges", path, line
    )


def _as_date(value: object, actor: str, path: str, line: int | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value  # type: ignore[return-value]
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise LexiconError(f"actor {actor}: bad date {value!r}", path, line) from exc


def _line_of(text: str | None, key: str) -> int | None:
    """The 1-based line where `key:` is defined in `text` (for file:line errors)."""
    if text is None:
        return None
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*:", re.MULTILINE)
    match = pattern.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else None
