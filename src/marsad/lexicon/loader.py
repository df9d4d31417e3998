"""Load lexicon YAML files into a `Lexicon`, validating as we go with `path:line` errors.

The shipped files live in `lexicon/data/`; users add their own (`--lexicon FILE`) in the
same layout: a user file may add names to an existing actor, define new actors, and add
triggers and cues. Every form is folded with the text layer's normalization, so lexicon
files are written as in the press, hamza, ة and harakat included.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import replace
from importlib import resources
from pathlib import Path

import yaml

from marsad.errors import LexiconError
from marsad.lexicon.model import Actor, Borrow, Entry, GenericGroup, Lexicon
from marsad.model import KINDS
from marsad.text.normalize import fold

SHIPPED = ("actors.yaml", "triggers.yaml", "cues.yaml", "common_words.yaml")
_TOP_KEYS = {
    "actors", "generic", "triggers", "means", "sources", "modality", "targets",
    "fatalities", "partial", "places", "purpose", "allies", "common_words", "reasons",
    "states", "conditions", "claims", "origins", "supplies", "linked_names", "tallies",
    "defusals",
}
_FORMS = {"verb", "masdar", "noun", "passive", "repel"}
#: sections that are a plain list of words, and the entry kind their words get
_WORD_LISTS = {"targets": "target", "partial": "partial", "allies": "allies",
               "states": "state", "reasons": "reason", "purpose": "purpose",
               "conditions": "condition", "claims": "claim", "origins": "origin",
               "supplies": "supply", "tallies": "tally",
               # explosives defused or found are, like goods supplied, no attack
               "defusals": "supply"}
#: named word lists the rules compare the text with (`Lexicon.words`), and how they read
#: each: "word" a whole word or phrase; "start" the start of a word, which may go on;
#: "text" found anywhere in a stretch of text; "opening" what a sentence or a name opens
#: with, a whole word unless it ends in `*` (kept with the space that ends it); "before"
#: the words right before a mention (kept with the space after them); "ending" the last
#: words of a name (kept with the space before them)
_WORD_SETS = {"reminders": "opening", "continuing": "opening", "same_day": "text",
              "again": "text", "resumed": "word", "operations": "word", "pointing_back": "word",
              "votes": "word",
              # who was killed or wounded (events/agents.py victims)
              "toll_men": "word", "injury_nouns": "word", "suffered": "word", "killed": "word",
              "ongoing": "word", "causes": "word", "threats": "start", "counts": "word",
              "concerns": "start", "effects": "start",
              "earlier": "word", "continuations": "word", "demands": "start",
              "any_words": "word",
              "air_defences": "text", "sequels": "word", "judgements": "start",
              "verdicts": "word", "agent_masdars": "word",
              "series": "word", "governorate_features": "word", "district_features": "word",
              "violations": "word", "halts": "start", "backdrops": "word",
              "injured": "word", "death_nouns": "start", "artillery": "text",
              "points_back": "word", "laden": "word", "attempts": "text",
              "left_from": "word", "takeoffs": "start", "scene_heads": "word",
              "territories": "word", "scene_preps": "word", "scene_clashes": "word",
              "feature_anaphors": "word", "area_anaphors": "word",
              "outlet_nouns": "word",
              # actors and their roles (events/roles.py, agents.py)
              "force_heads": "word", "force_words": "word", "site_words": "word",
              "helper_marks": "before", "ordered_by": "word", "done_by": "word",
              "belonging": "word", "support_verbs": "start", "aggression_heads": "word",
              "civilian_harms": "word", "condemnations": "start",
              # places (events/places.py, context.py)
              "colour_words": "word", "website_words": "word", "name_stops": "word",
              "described_features": "word", "person_heads": "opening", "stationed": "word",
              "leading_features": "opening", "trailing_adjectives": "ending",
              "construct_heads": "word", "link_words": "word", "link_heads": "start",
              "pronoun_suffixes": "word", "pronouns": "word", "route_words": "word",
              "report_contents": "start", "personnel_heads": "word",
              "person_links": "word", "first_names": "word",
              "locative_only": "word", "suffixed_nouns": "word",
              # "ضمن مبنى المحافظة": a reason cue that locates (events/scope.py within)
              "within": "word", "within_places": "word",
              # "إطلاق صاروخ من اليمن": the place after "من" is the origin (scope.py)
              "launches": "word",
              # "استهداف القوات الأميركية": the genitive is what was struck (selfstrike.py)
              "object_masdars": "word",
              # "الإبادة الجماعية": an event only with its perpetrator named (frames.py)
              "charges": "word",
              # "الرد على جريمة اغتيال": who answers an act did not do it (answered.py)
              "responses": "word",
              # "رفض بلاده العدوان": a rejected attack is condemned, not denied (answered.py)
              "refusals": "word",
              # "القيادة العامة للقوات المسلحة السودانية": a command of the force after it
              "command_heads": "word"}
_TOP_KEYS |= set(_WORD_SETS)
_ACTOR_TYPES = {"state", "militia", "armed_group", "civilians"}
_REMOTE = {"airstrike", "shelling"}


class _File:
    """One YAML file being read: its path, for `path:line` errors."""

    def __init__(self, path: str) -> None:
        self.path = path

    def error(self, node: yaml.Node | None, message: str) -> LexiconError:
        line = node.start_mark.line + 1 if node is not None else None
        return LexiconError(message, self.path, line)

    def origin(self, node: yaml.Node) -> str:
        return f"{self.path}:{node.start_mark.line + 1}"

    def mapping(self, node: yaml.Node, what: str) -> list[tuple[yaml.ScalarNode, yaml.Node]]:
        if not isinstance(node, yaml.MappingNode):
            raise self.error(node, f"{what} must be a mapping")
        seen: set[str] = set()
        for key, _ in node.value:
            if not isinstance(key, yaml.ScalarNode):
                raise self.error(key, f"{what}: keys must be plain words")
            if key.value in seen:
                raise self.error(key, f"{what}: duplicate key {key.value!r}")
            seen.add(key.value)
        return node.value

    def sequence(self, node: yaml.Node, what: str) -> list[yaml.Node]:
        if isinstance(node, yaml.ScalarNode) and node.value == "":
            return []
        if not isinstance(node, yaml.SequenceNode):
            raise self.error(node, f"{what} must be a list")
        return node.value

    def scalar(self, node: yaml.Node, what: str) -> str:
        if not isinstance(node, yaml.ScalarNode) or node.value.strip() == "":
            raise self.error(node, f"{what} must be a non-empty word or phrase")
        return node.value.strip()

    def date(self, node: yaml.Node, what: str) -> dt.date:
        text = self.scalar(node, what)
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise self.error(node, f"{what}: {text!r} is not an ISO date (YYYY-MM-DD)") from None


def load_lexicon(extra: Sequence[str | Path] = (), *, shipped: bool = True) -> Lexicon:
    """Load the shipped lexicon files, then each user file in `extra`, into one Lexicon."""
    builder = _Builder()
    if shipped:
        data = resources.files("marsad.lexicon") / "data"
        for name in SHIPPED:
            builder.read(data.joinpath(name).read_text(encoding="utf-8"), f"lexicon/data/{name}")
    for path in extra:
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise LexiconError("no such lexicon file", str(path)) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise LexiconError(f"cannot read lexicon file ({exc})", str(path)) from None
        builder.read(text, str(path))
    return builder.build()


class _Builder:
    """Accumulates actors and entries over several files, checking each one."""

    def __init__(self) -> None:
        self.actors: dict[str, Actor] = {}
        self.entries: list[Entry] = []
        self.generics: list[GenericGroup] = []
        self.pending_names: list[tuple[_File, yaml.Node, str]] = []
        self.common_words: set[str] = set()
        self.linked_names: set[str] = set()
        self.word_sets: dict[str, set[str]] = {}
        self.causes: list[tuple[_File, yaml.Node, str]] = []
        self.described: list[tuple[_File, yaml.Node, str]] = []
        self.borrows: list[Borrow] = []

    def read(self, text: str, path: str) -> None:
        f = _File(path)
        try:
            root = yaml.compose(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark is not None else None
            problem = getattr(exc, "problem", None) or str(exc)
            raise LexiconError(f"not valid YAML: {problem}", path, line) from None
        if root is None:
            return
        for key, value in f.mapping(root, "a lexicon file"):
            if key.value not in _TOP_KEYS:
                raise f.error(key, f"unknown section {key.value!r} (expected one of "
                              f"{', '.join(sorted(_TOP_KEYS))})")
            if key.value in _WORD_LISTS:
                self._read_words(f, value, key.value)
            elif key.value in _WORD_SETS:
                self._read_word_set(f, value, key.value)
            else:
                getattr(self, f"_read_{key.value}")(f, value)

    # -- actors ---------------------------------------------------------------------

    def _read_actors(self, f: _File, node: yaml.Node) -> None:
        for key, body in f.mapping(node, "actors"):
            actor_id = key.value
            if not actor_id.replace("_", "").isalnum() or actor_id.upper() != actor_id:
                raise f.error(key, f"actor id {actor_id!r} must be UPPER_SNAKE")
            fields = {k.value: v for k, v in f.mapping(body, f"actor {actor_id}")}
            known = {"coalition", "acled", "remote", "type", "allies", "names", "adjectives",
                     "units", "metonyms", "inter", "sites", "borrows"}
            for k, _ in f.mapping(body, f"actor {actor_id}"):
                if k.value not in known:
                    raise f.error(k, f"actor {actor_id}: unknown field {k.value!r}")
            old = self.actors.get(actor_id)
            if old is None:
                for required in ("coalition", "acled"):
                    if required not in fields:
                        raise f.error(key, f"actor {actor_id}: missing {required!r}")
            remote = f.scalar(fields["remote"], "remote") if "remote" in fields else None
            if remote is not None and remote not in _REMOTE:
                raise f.error(fields["remote"], f"remote must be one of {sorted(_REMOTE)}")
            kind = f.scalar(fields["type"], "type") if "type" in fields else None
            if kind is not None and kind not in _ACTOR_TYPES:
                raise f.error(fields["type"], f"type must be one of {sorted(_ACTOR_TYPES)}")
            inter = None
            if "inter" in fields:
                text = f.scalar(fields["inter"], "inter")
                if text not in {"1", "2", "3", "4", "5", "6", "7", "8"}:
                    raise f.error(fields["inter"], "inter must be an ACLED inter code, 1 to 8")
                inter = int(text)
            self.actors[actor_id] = Actor(
                id=actor_id,
                coalition=f.scalar(fields["coalition"], "coalition") if "coalition" in fields
                else old.coalition,  # type: ignore[union-attr]
                acled=f.scalar(fields["acled"], "acled") if "acled" in fields
                else old.acled,  # type: ignore[union-attr]
                remote=remote or (old.remote if old else "shelling"),
                type=kind or (old.type if old else "armed_group"),
                allies=f.scalar(fields["allies"], "allies") if "allies" in fields
                else (old.allies if old else None),
                inter=inter if inter is not None else (old.inter if old else None),
                origin=f.origin(key) if old is None else old.origin,
                sites=(old.sites if old else frozenset()) | frozenset(
                    fold(f.scalar(item, "a site")).strip()
                    for item in (f.sequence(fields["sites"], "sites") if "sites" in fields
                                 else ())),
            )
            if "allies" in fields:
                self.pending_names.append((f, fields["allies"], "allies"))
            if "borrows" in fields:
                self._read_borrows(f, fields["borrows"], actor_id)
            for field_name, entry_kind in (("names", "actor"), ("units", "actor"),
                                           ("metonyms", "metonym"), ("adjectives", "adjective")):
                if field_name in fields:
                    for item in f.sequence(fields[field_name], f"{actor_id}.{field_name}"):
                        self._add_name(f, item, entry_kind, actor_id)

    def _read_borrows(self, f: _File, node: yaml.Node, actor_id: str) -> None:
        """`borrows`: names of another actor this one takes over where `where` words are."""
        for item in f.sequence(node, f"{actor_id}.borrows"):
            fields = {k.value: v for k, v in f.mapping(item, "a borrowed name")}
            for k in fields:
                if k not in {"names", "where", "since", "until"}:
                    raise f.error(item, f"{actor_id}.borrows: unknown field {k!r}")
            if "names" not in fields or "where" not in fields:
                raise f.error(item, f"{actor_id}.borrows: needs `names` and `where`")
            since = f.date(fields["since"], "since") if "since" in fields else None
            until = f.date(fields["until"], "until") if "until" in fields else None
            if since and until and until < since:
                raise f.error(item, f"{actor_id}.borrows: until {until} is before {since}")
            self.borrows.append(Borrow(
                actor=actor_id,
                names=frozenset(" ".join(fold(f.scalar(n, "a name")).split())
                                for n in f.sequence(fields["names"], "names")),
                where=frozenset(" ".join(fold(f.scalar(w, "a word")).split())
                                for w in f.sequence(fields["where"], "where")),
                since=since, until=until))

    def _add_name(self, f: _File, item: yaml.Node, kind: str, actor_id: str) -> None:
        since = until = None
        if isinstance(item, yaml.MappingNode):
            fields = {k.value: v for k, v in f.mapping(item, "a dated name")}
            if "name" not in fields:
                raise f.error(item, "a dated name needs `name`")
            for k in fields:
                if k not in {"name", "since", "until"}:
                    raise f.error(item, f"unknown field {k!r} in a dated name")
            name = f.scalar(fields["name"], "name")
            since = f.date(fields["since"], "since") if "since" in fields else None
            until = f.date(fields["until"], "until") if "until" in fields else None
            if since and until and until < since:
                raise f.error(item, f"{name!r}: until {until} is before since {since}")
        else:
            name = f.scalar(item, "an actor name")
        self._add(f, item, name, kind, actor_id, since=since, until=until)

    def _read_generic(self, f: _File, node: yaml.Node) -> None:
        for group in f.sequence(node, "generic"):
            fields = {k.value: v for k, v in f.mapping(group, "a generic group")}
            for k in fields:
                if k not in {"refers_to", "names", "default", "fixed", "air"}:
                    raise f.error(group, f"generic group: unknown field {k!r}")
            if "names" not in fields or "refers_to" not in fields:
                raise f.error(group, "a generic group needs `refers_to` and `names`")
            refers = tuple(f.scalar(n, "refers_to") for n in f.sequence(fields["refers_to"],
                                                                        "refers_to"))
            for r in refers:
                if r not in _ACTOR_TYPES:
                    raise f.error(fields["refers_to"], f"refers_to: {r!r} is not an actor type")
            index = len(self.generics)
            self.generics.append(GenericGroup(
                refers_to=refers,
                default=f.scalar(fields["default"], "default") if "default" in fields else None,
                fixed=f.scalar(fields["fixed"], "fixed") if "fixed" in fields else None,
                air=fields["air"].value.lower() == "true" if "air" in fields else False,
            ))
            for k in ("default", "fixed"):
                if k in fields:
                    self.pending_names.append((f, fields[k], k))
            for item in f.sequence(fields["names"], "generic names"):
                self._add(f, item, f.scalar(item, "a generic name"), "generic", str(index))

    # -- triggers -------------------------------------------------------------------

    def _read_triggers(self, f: _File, node: yaml.Node) -> None:
        for group in f.sequence(node, "triggers"):
            fields = {k.value: v for k, v in f.mapping(group, "a trigger group")}
            for k in fields:
                if k not in {"kind", "form", "cues", "object", "means", "default", "named_by"}:
                    raise f.error(group, f"trigger group: unknown field {k!r}")
            if "kind" not in fields or "cues" not in fields:
                raise f.error(group, "a trigger group needs `kind` and `cues`")
            kind = f.scalar(fields["kind"], "kind")
            if kind not in KINDS:
                raise f.error(fields["kind"], f"unknown event kind {kind!r} (EVENTS.md kinds: "
                              f"{', '.join(KINDS)})")
            form = f.scalar(fields["form"], "form") if "form" in fields else "noun"
            if form not in _FORMS:
                raise f.error(fields["form"], f"form must be one of {sorted(_FORMS)}")
            means = fields["means"].value.lower() == "true" if "means" in fields else False
            default = f.scalar(fields["default"], "default") if "default" in fields else kind
            if default not in KINDS and default not in ("remote", "none"):
                raise f.error(fields["default"], "default must be a kind, `remote` or `none`")
            objects = tuple(fold(f.scalar(o, "object")) for o in
                            f.sequence(fields.get("object", yaml.ScalarNode("tag", "")),
                                       "object"))
            # "named_by: adjective": a cue with the article ("الاعتداء") tells an event of its
            # own only when a nationality adjective follows it ("الاعتداء الأميركي على")
            named_by = f.scalar(fields["named_by"], "named_by") if "named_by" in fields else None
            # "named_by: operation": a verb of a relative ("نفذها") tells an event only after
            # an operation noun ("عمليات ... نفذها الجيش ضد")
            # "named_by: attempt": a shoot-down tells the attack it stopped ("أسقط مسيرات
            # حاولت الاعتداء على")
            if named_by not in (None, "adjective", "operation", "attempt", "territory"):
                raise f.error(fields["named_by"],
                              "named_by must be `adjective`, `operation`, `attempt` or `territory`")
            attrs = (("form", form), ("means", means), ("default", default),
                     ("object", objects), ("named_by", named_by))
            for item in f.sequence(fields["cues"], "cues"):
                self._add(f, item, f.scalar(item, "a cue"), "trigger", kind, attrs=attrs)

    def _read_means(self, f: _File, node: yaml.Node, payload: bool = False) -> None:
        where = "means.payload" if payload else "means"
        for key, items in f.mapping(node, where):
            if key.value == "payload" and not payload:
                self._read_means(f, items, payload=True)
                continue
            if key.value == "unarmed" and not payload:
                # aircraft that carry no weapon: the longer name hides "طائرات" from `means`
                for item in f.sequence(items, f"{where}.unarmed"):
                    self._add(f, item, f.scalar(item, "an unarmed craft"), "unarmed", "unarmed")
                continue
            if key.value not in KINDS:
                raise f.error(key, f"{where}: unknown event kind {key.value!r}")
            for item in f.sequence(items, f"{where}.{key.value}"):
                self._add(f, item, f.scalar(item, "a weapon"), "means", key.value,
                          attrs=(("payload", True),) if payload else ())

    # -- cues -----------------------------------------------------------------------

    def _read_sources(self, f: _File, node: yaml.Node) -> None:
        kinds = {"verbs": "source_verb", "prepositions": "source_prep", "nouns": "source_noun",
                 "stops": "source_stop", "continuations": "continuation",
                 "anaphors": "anaphor", "titles": "title"}
        self._read_lists(f, node, "sources", kinds)

    def _read_modality(self, f: _File, node: yaml.Node) -> None:
        self._read_lists(f, node, "modality",
                         {"planned": "planned", "negated": "negated", "denials": "negated",
                          "after": "planned_after"})

    def _read_fatalities(self, f: _File, node: yaml.Node) -> None:
        self._read_lists(f, node, "fatalities", {"nouns": "fatality", "one": "fatality_one"})

    def _read_places(self, f: _File, node: yaml.Node) -> None:
        self._read_lists(f, node, "places", {"drop": "place_drop", "keep": "place_keep",
                                             "dual_drop": "place_drop",
                                             "dual_keep": "place_keep",
                                             "relations": "relation",
                                             "prepositions": "place_prep",
                                             "names": "place_name",
                                             "organization_heads": "org_head",
                                             "organization_tails": "org_tail"})

    def _read_common_words(self, f: _File, node: yaml.Node) -> None:
        for item in f.sequence(node, "common_words"):
            word = fold(f.scalar(item, "a common word"))
            self.common_words.add(word[2:] if word.startswith("ال") and len(word) > 4 else word)

    def _read_linked_names(self, f: _File, node: yaml.Node) -> None:
        for item in f.sequence(node, "linked_names"):
            name = fold(f.scalar(item, "a linked name")).strip()
            if len(name.split()) != 1:
                raise f.error(item, f"linked_names: {name!r} must be one word")
            self.linked_names.add(name)

    def _read_words(self, f: _File, node: yaml.Node, section: str) -> None:
        """A plain list of cue words: `targets`, `partial`, `allies`, `states`, ..."""
        kind = _WORD_LISTS[section]
        for item in f.sequence(node, section):
            self._add(f, item, f.scalar(item, f"a {section} cue"), kind, kind)

    def _read_word_set(self, f: _File, node: yaml.Node, name: str) -> None:
        """A named word list the rules compare the text with: `reminders`, `counts`, ..."""
        how = _WORD_SETS[name]
        found = self.word_sets.setdefault(name, set())
        for item in f.sequence(node, name):
            text = f.scalar(item, f"a {name} word")
            words = fold(text).split()
            star = bool(words) and words[-1].endswith("*")
            if star:
                words[-1] = words[-1][:-1]
            if not words or not all(words) or any("*" in w for w in words):
                raise f.error(item, f"{name}: {text!r} must be letters (`*` may only end an "
                              "opening)")
            if star and how != "opening":
                raise f.error(item, f"{name}: {text!r}: `*` may only end an opening "
                              f"({', '.join(k for k, v in _WORD_SETS.items() if v == 'opening')})")
            phrase = " ".join(words)
            if how == "before" or (how == "opening" and not star):
                found.add(phrase + " ")
            elif how == "ending":
                found.add(" " + phrase)
            else:
                found.add(phrase)
            if name == "causes":
                self.causes.append((f, item, phrase))
            elif name == "described_features":
                self.described.append((f, item, phrase))

    def _read_lists(self, f: _File, node: yaml.Node, section: str, kinds: dict[str, str]) -> None:
        for key, items in f.mapping(node, section):
            if key.value not in kinds:
                raise f.error(key, f"{section}: unknown list {key.value!r} (expected "
                              f"{', '.join(kinds)})")
            for item in f.sequence(items, f"{section}.{key.value}"):
                text = f.scalar(item, f"a {section} cue")
                self._add(f, item, text, kinds[key.value], key.value)

    # -- common ---------------------------------------------------------------------

    def _add(self, f: _File, node: yaml.Node, text: str, kind: str, value: str, *,
             since: dt.date | None = None, until: dt.date | None = None,
             attrs: tuple[tuple[str, object], ...] = ()) -> None:
        words = fold(text).split()
        if not words or any(w.strip("*") == "" or "*" in w.rstrip("*") for w in words):
            raise f.error(node, f"{text!r}: `*` may only end a word")
        # The matcher looks for the words up to the first one that may go on; the words
        # after it are checked one by one ("سقط* بيد").
        cut = next((i for i, w in enumerate(words) if w.endswith("*")), len(words) - 1)
        head = [w.rstrip("*") for w in words[: cut + 1]]
        tail = tuple((w.rstrip("*"), w.endswith("*")) for w in words[cut + 1 :])
        form = " ".join(head)
        prefix = words[cut].endswith("*")
        article = form.startswith("ال") and len(form) > 3
        if article:
            form = form[2:]
        self.entries.append(Entry(form=form, kind=kind, value=value, article=article,
                                  prefix=prefix, tail=tail, since=since, until=until,
                                  attrs=attrs, origin=f.origin(node)))

    def build(self) -> Lexicon:
        for f, node, what in self.pending_names:
            actor_id = f.scalar(node, what)
            if actor_id not in self.actors:
                raise f.error(node, f"{what}: unknown actor id {actor_id!r}")
        for entry in self.entries:
            if entry.kind in {"actor", "metonym", "adjective"} and entry.value not in self.actors:
                path, _, line = entry.origin.rpartition(":")
                raise LexiconError(f"unknown actor id {entry.value!r}", path, int(line))
        _check_duplicates(self.entries)
        # a cause is read off the `reasons` hit before a trigger: it must be one of them
        reasons = {e.written for e in self.entries if e.kind == "reason"}
        for f, node, phrase in self.causes:
            if phrase not in reasons:
                raise f.error(node, f"causes: {phrase!r} is not one of the `reasons` cues")
        # a described feature is read off a feature hit's form (the article taken off)
        features = {e.form for e in self.entries if e.kind in ("place_drop", "place_keep")}
        for f, node, phrase in self.described:
            if phrase not in features:
                raise f.error(node, f"described_features: {phrase!r} is not a `places` drop or "
                              "keep word (written without its article)")
        self.entries = _mark_weapons(self.entries)
        return Lexicon(actors=dict(self.actors), entries=tuple(self.entries),
                       generics=tuple(self.generics), common_words=frozenset(self.common_words),
                       linked_names=frozenset(self.linked_names),
                       word_sets={k: frozenset(v) for k, v in self.word_sets.items()},
                       site_holders={s: a.id for a in self.actors.values() for s in a.sites},
                       borrows=tuple(self.borrows))


def _mark_weapons(entries: list[Entry]) -> list[Entry]:
    """Give an actor name that names a weapon its kind: "سلاح الجو اليمني المسير" (`weapon`).

    The name hides the weapon from the clause (the longer hit wins), yet an attack told
    with it is an air strike all the same.
    """
    weapons = [([_bare(w) for w in e.form.split()], e.prefix, e.value) for e in entries
               if e.kind == "means" and not e.attr("payload") and not e.tail]
    out = []
    for entry in entries:
        if entry.kind in ("actor", "generic"):
            words = [_bare(w) for w in entry.form.split() + [w for w, _ in entry.tail]]
            kind = next((k for form, prefix, k in weapons if _contains(words, form, prefix)), None)
            if kind is not None:
                entry = replace(entry, attrs=(*entry.attrs, ("weapon", kind)))
        out.append(entry)
    return out


def _bare(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


def _contains(words: list[str], form: list[str], prefix: bool) -> bool:
    """Do `words` hold the words of `form` in a row (the last one a prefix if `prefix`)?"""
    n = len(form)
    for i in range(len(words) - n + 1):
        if words[i:i + n - 1] == form[:-1] and (
                words[i + n - 1] == form[-1] or (prefix and words[i + n - 1].startswith(form[-1]))):
            return True
    return False


def _check_duplicates(entries: Iterable[Entry]) -> None:
    """Refuse one form given two different actor ids in the same file, undated."""
    seen: dict[tuple[str, bool, str], Entry] = {}
    for entry in entries:
        if entry.kind not in {"actor", "generic"} or entry.since or entry.until:
            continue
        key = (entry.form, entry.article, entry.origin.rpartition(":")[0])
        other = seen.get(key)
        if other is not None and (other.kind, other.value) != (entry.kind, entry.value):
            path, _, line = entry.origin.rpartition(":")
            raise LexiconError(
                f"{entry.form!r} is already {other.kind} {other.value} at line "
                f"{other.origin.rpartition(':')[2]}", path, int(line))
        seen[key] = entry
