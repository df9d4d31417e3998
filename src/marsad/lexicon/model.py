"""Records of a loaded lexicon: actors, and the entries the matcher looks for."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from marsad.text.normalize import fold

#: The kinds of lexicon entries (`Entry.kind`), as the matcher reports them in its hits.
ENTRY_KINDS = (
    "actor",  # value: actor id
    "metonym",  # value: actor id; a country or capital standing for its actor
    "adjective",  # value: actor id; "روسية" after a force or weapon noun
    "generic",  # value: group index; "الجيش" refers back to an actor named before
    "allies",  # "حلفاؤه": the allies of the actor before it
    "trigger",  # value: event kind
    "means",  # value: event kind a weapon implies
    "unarmed",  # an aircraft that carries no weapon ("طائرات الاستطلاع"): hides "طائرات"
    "source_verb",
    "source_prep",
    "source_noun",
    "source_stop",
    "continuation",
    "anaphor",
    "title",  # "العميد", "اللواء": a title before a name in apposition to a source
    "planned",
    "planned_after",  # "انسحاب قريب": an adjective right after a cue puts it ahead
    "negated",
    "target",
    "fatality",
    "fatality_one",
    "partial",
    "place_drop",
    "place_keep",
    "relation",
    "place_prep",
    "place_name",  # a place that gazetteers of towns lack: seas, straits, regions
    "org_head",  # "تنسيقية", "شبكة": an organization named after a place follows
    "org_tail",  # "الإعلامي": the place before it names an organization
    "purpose",
    "condition",  # "في حال", "إذا": the trigger after it is a hypothesis, not an event
    "claim",  # "أعلنت X مسؤوليتها عن": X did the attack the sentence tells
    "origin",  # "من اتجاه", "انطلقت من": the place after it is where the attack came from
    "supply",  # "تزويد أوكرانيا بقذائف": the weapons after it are goods, not an attack
    "tally",  # "ست هجمات": an attack noun that, counted, tells a tally of attacks
    "state",  # "مناطق سيطرة": the trigger after it names a state, not an event
    "reason",  # "نصرة لغزة", "رداً على": the places after it are no places of the event before
    "place",  # value: gazetteer key (added by the matcher, not by lexicon files)
)


@dataclass(frozen=True, slots=True)
class Actor:
    """A canonical actor of ACTORS.md."""

    id: str
    coalition: str
    acled: str
    remote: str = "shelling"
    type: str = "armed_group"
    allies: str | None = None
    #: ACLED's inter code (1 state forces ... 8 external forces), None when unknown
    inter: int | None = None
    origin: str = ""
    #: sites that host this actor's forces (folded names): an attack on one strikes it
    sites: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Entry:
    """One form the matcher looks for, and what it means."""

    form: str
    kind: str
    value: str
    article: bool = False
    prefix: bool = False
    #: words that must follow the form, each (word, may_go_on): "سقط* بيد" is the form
    #: "سقط" (may go on) then the word "بيد"
    tail: tuple[tuple[str, bool], ...] = ()
    since: dt.date | None = None
    until: dt.date | None = None
    attrs: tuple[tuple[str, object], ...] = ()
    origin: str = ""

    @property
    def written(self) -> str:
        """The form with its article restored, as the lexicon file writes it ("القت", "البحر")."""
        return "ال" + self.form if self.article else self.form

    def last_word(self) -> str:
        """The entry's last word as written: "مقتل" for "أدى إلى مقتل" and "أسفر* عن مقتل"."""
        return self.tail[-1][0] if self.tail else self.form.rsplit(" ", 1)[-1]

    def attr(self, name: str, default: object = None) -> object:
        """The attribute `name` of this entry (trigger form, means flag, ...)."""
        for key, value in self.attrs:
            if key == name:
                return value
        return default


@dataclass(frozen=True, slots=True)
class Borrow:
    """Names of another actor that mean `actor` in a sentence naming one of `where`, within
    the dates ("طيران التحالف" over Saada in 2018 is the Saudi-led coalition)."""

    actor: str
    names: frozenset[str]  # folded, as the entries write them (article kept)
    where: frozenset[str]  # folded words
    since: dt.date | None = None
    until: dt.date | None = None


@dataclass(frozen=True, slots=True)
class GenericGroup:
    """Generic nouns ("الجيش", "المسلحين") and which earlier actors they may refer to."""

    refers_to: tuple[str, ...]
    default: str | None = None
    fixed: str | None = None
    air: bool = False


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Everything the recognizer and the frame rules read from lexicon files."""

    actors: Mapping[str, Actor]
    entries: tuple[Entry, ...]
    generics: tuple[GenericGroup, ...] = ()
    #: gazetteer names that are ordinary words: places only after a feature word
    common_words: frozenset[str] = field(default_factory=frozenset)
    #: names web pages glue to the words around them (a linked outlet name, text/unglue.py)
    linked_names: frozenset[str] = field(default_factory=frozenset)
    #: folded site name -> the actor whose forces it hosts (every actor's `sites`)
    site_holders: Mapping[str, str] = field(default_factory=dict)
    #: named word lists the rules compare the text with (`reminders`, `counts`, ...;
    #: loader `_WORD_SETS`), folded
    word_sets: Mapping[str, frozenset[str]] = field(default_factory=dict)
    #: every actor's `borrows`: another actor's names it takes over in some sentences
    borrows: tuple[Borrow, ...] = ()
    #: forms() answers, made once per kind (the frame rules ask for every frame)
    _forms: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)
    #: starts() answers, made once per list and proclitics
    _starts: dict[tuple[str, tuple[str, ...]], tuple[str, ...]] = field(
        default_factory=dict, compare=False, repr=False)

    def forms(self, kind: str) -> frozenset[str]:
        """The written forms (article restored) of the entries of one kind."""
        found = self._forms.get(kind)
        if found is None:
            found = self._forms[kind] = frozenset(e.written for e in self.entries
                                                  if e.kind == kind)
        return found

    def words(self, name: str) -> frozenset[str]:
        """The folded words of the named word list `name` ("counts", "injured", ...)."""
        return self.word_sets.get(name, frozenset())

    def starts(self, name: str, proclitics: tuple[str, ...] = ("",)) -> tuple[str, ...]:
        """The words of list `name`, each after each of `proclitics`, for `str.startswith`."""
        key = (name, proclitics)
        found = self._starts.get(key)
        if found is None:
            found = self._starts[key] = tuple(p + w for p in proclitics
                                              for w in sorted(self.words(name)))
        return found

    def site_holder(self, name: str) -> str | None:
        """The actor whose forces a site hosts ("قاعدة التنف": the US coalition), or None."""
        return self.site_holders.get(fold(name).strip())

    def coalition(self, actor_id: str | None) -> str | None:
        """The coalition of `actor_id` (ACTORS.md), or None when unknown."""
        actor = self.actors.get(actor_id) if actor_id else None
        return actor.coalition if actor else None
