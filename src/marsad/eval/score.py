"""Scoring extracted events against gold events, exactly as EVENTS.md "Scoring" says.

Per article, extracted events are matched one to one to gold events (`match.py`): the
strict line requires kind, actor1 and place to agree, the loose line kind and place.
Counts are summed over articles (micro averages). Attribute accuracies and coordinate
errors are computed over the STRICT matched pairs.

Conventions the spec leaves open, fixed here:
- among maximum matchings of equal total coordinate error, the one whose pairs disagree
  on the fewest attributes (ATTRIBUTES) wins; it never changes P/R/F1 or the total
  coordinate error.
- precision is 0 when nothing was predicted, recall 0 when there is no gold, F1 0 when
  both are 0; an accuracy over no pairs is None (printed "-", JSON null).
- percentiles interpolate linearly between order statistics (numpy's default): the
  median of an even count is the mean of the middle two.
- a missing `time_precision` counts as 1 (day).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from marsad.errors import EvalError
from marsad.eval.gold import GoldDocument
from marsad.eval.match import distance_km, loose_agree, match_events, strict_agree
from marsad.model import KINDS, Event, same_period
from marsad.text.normalize import fold

__all__ = [
    "ATTRIBUTES",
    "Accuracy",
    "Counts",
    "DocumentResult",
    "KindScore",
    "PairResult",
    "Report",
    "dates_agree",
    "percentile",
    "score",
    "source_key",
    "sources_agree",
]


@dataclass(frozen=True, slots=True)
class Counts:
    """Gold, predicted and matched (true positive) counts, with P/R/F1 derived from them."""

    gold: int
    predicted: int
    tp: int

    @property
    def fp(self) -> int:
        """Predicted events left unmatched (spurious)."""
        return self.predicted - self.tp

    @property
    def fn(self) -> int:
        """Gold events left unmatched (missed)."""
        return self.gold - self.tp

    @property
    def precision(self) -> float:
        """tp / predicted (0 when nothing was predicted)."""
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        """tp / gold (0 when there is no gold)."""
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall (0 when both are 0)."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.gold + other.gold, self.predicted + other.predicted, self.tp + other.tp)


@dataclass(frozen=True, slots=True)
class KindScore:
    """The strict counts of one kind: its gold events, its predicted events, their matches."""

    kind: str
    counts: Counts


@dataclass(frozen=True, slots=True)
class Accuracy:
    """How many matched pairs agree on one attribute, out of how many were compared."""

    attribute: str
    correct: int
    total: int

    @property
    def value(self) -> float | None:
        """correct / total, None when no pair was compared."""
        return self.correct / self.total if self.total else None


@dataclass(frozen=True, slots=True)
class PairResult:
    """A strict matched pair, its coordinate error and the attributes it disagrees on."""

    gold: Event
    predicted: Event
    distance_km: float | None
    disagreements: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """What scoring found in one article: matched pairs, missed gold, spurious predictions."""

    doc_id: str
    text: str
    pairs: tuple[PairResult, ...]
    missed: tuple[Event, ...]
    spurious: tuple[Event, ...]
    strict: Counts
    loose: Counts

    @property
    def disagreeing(self) -> tuple[PairResult, ...]:
        """The matched pairs that disagree on at least one attribute."""
        return tuple(p for p in self.pairs if p.disagreements)

    @property
    def has_errors(self) -> bool:
        """True when something was missed, spurious or disagreeing (what `--errors` lists)."""
        return bool(self.missed or self.spurious or self.disagreeing)


@dataclass(frozen=True, slots=True)
class Report:
    """Everything `marsad eval` prints: strict and loose lines, kinds, attributes, km error."""

    articles: int
    strict: Counts
    loose: Counts
    kinds: tuple[KindScore, ...]
    attributes: tuple[Accuracy, ...]
    distances_km: tuple[float, ...]
    documents: tuple[DocumentResult, ...]
    #: (doc_id, message) of articles whose extraction failed (scored as predicting nothing)
    failures: tuple[tuple[str, str], ...] = ()

    @property
    def km_median(self) -> float | None:
        """Median coordinate error (km) over strict matched pairs with coordinates."""
        return percentile(self.distances_km, 50)

    @property
    def km_p90(self) -> float | None:
        """90th-percentile coordinate error (km) over strict matched pairs with coordinates."""
        return percentile(self.distances_km, 90)

    def accuracy(self, attribute: str) -> Accuracy:
        """The accuracy line of one attribute (KeyError when there is none by that name)."""
        for acc in self.attributes:
            if acc.attribute == attribute:
                return acc
        raise KeyError(attribute)


def percentile(values: Sequence[float], q: float) -> float | None:
    """The q-th percentile (0..100) by linear interpolation between order statistics."""
    if not values:
        return None
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low = math.floor(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def dates_agree(gold: Event, predicted: Event) -> bool:
    """Dates agree at the COARSER of the two time_precisions: day, ISO week, or month.

    A date missing on either side disagrees.
    """
    if gold.date is None or predicted.date is None:
        return False
    # the cross-document merge of the store applies this same rule
    return same_period(gold.date, gold.time_precision, predicted.date, predicted.time_precision)


_SPACES = re.compile(r"\s+")


def source_key(source: str | None) -> str | None:
    """A source as compared: `fold`, every punctuation mark (quotes, @, _, commas) made a
    space, white space collapsed; None when nothing is left."""
    if source is None:
        return None
    folded = fold(source)
    cleaned = "".join(" " if unicodedata.category(ch).startswith("P") else ch for ch in folded)
    key = _SPACES.sub(" ", cleaned).strip()
    return key or None


def sources_agree(gold: Event, predicted: Event) -> bool:
    """Sources agree when equal after `source_key`, or one contains the other; None == None."""
    a, b = source_key(gold.source), source_key(predicted.source)
    if a is None or b is None:
        return a is b
    return a == b or a in b or b in a


#: The attributes compared over matched pairs: the spec's four first, then extras.
ATTRIBUTES: tuple[tuple[str, Callable[[Event, Event], bool]], ...] = (
    ("actor2", lambda g, p: g.actor2 == p.actor2),
    ("date", dates_agree),
    ("modality", lambda g, p: g.modality == p.modality),
    ("source", sources_agree),
    ("fatalities", lambda g, p: g.fatalities == p.fatalities),
    ("partial", lambda g, p: g.partial == p.partial),
    ("geo_precision", lambda g, p: g.geo_precision == p.geo_precision),
    ("assoc1", lambda g, p: set(g.assoc1) == set(p.assoc1)),
)


def score(
    gold_docs: Sequence[GoldDocument],
    predicted: Mapping[str, Sequence[Event]],
    failures: Sequence[tuple[str, str]] = (),
) -> Report:
    """Score predicted events (by doc_id; a missing id predicts nothing) against gold."""
    known = {doc.doc_id for doc in gold_docs}
    unknown = sorted(set(predicted) - known)
    if unknown:
        raise EvalError(f"predicted events for doc_id(s) not in the gold: {', '.join(unknown)}")
    documents = tuple(
        _score_document(doc, list(predicted.get(doc.doc_id, ()))) for doc in gold_docs
    )
    strict = sum((d.strict for d in documents), Counts(0, 0, 0))
    loose = sum((d.loose for d in documents), Counts(0, 0, 0))

    by_kind: dict[str, list[int]] = {}
    for doc in documents:
        for event in (*doc.missed, *(p.gold for p in doc.pairs)):
            by_kind.setdefault(event.kind, [0, 0, 0])[0] += 1
        for event in (*doc.spurious, *(p.predicted for p in doc.pairs)):
            by_kind.setdefault(event.kind, [0, 0, 0])[1] += 1
        for pair in doc.pairs:
            by_kind[pair.gold.kind][2] += 1
    order = [k for k in KINDS if k in by_kind] + sorted(set(by_kind) - set(KINDS))
    kinds = tuple(KindScore(k, Counts(*by_kind[k])) for k in order)

    pairs = [pair for doc in documents for pair in doc.pairs]
    attributes = tuple(
        Accuracy(name, sum(name not in p.disagreements for p in pairs), len(pairs))
        for name, _ in ATTRIBUTES
    )
    distances = tuple(p.distance_km for p in pairs if p.distance_km is not None)
    return Report(
        articles=len(documents),
        strict=strict,
        loose=loose,
        kinds=kinds,
        attributes=attributes,
        distances_km=distances,
        documents=documents,
        failures=tuple(failures),
    )


def _disagreement_count(gold: Event, predicted: Event) -> int:
    """Attributes a pair disagrees on: the last tie-break of the matching, so that among
    equally close places the pairing that agrees most is the one reported."""
    return sum(not agree(gold, predicted) for _, agree in ATTRIBUTES)


def _score_document(doc: GoldDocument, predicted: list[Event]) -> DocumentResult:
    """Match one article's predictions to its gold, strictly and loosely."""
    gold = list(doc.events)
    strict_pairs = match_events(gold, predicted, strict_agree, _disagreement_count)
    loose_pairs = match_events(gold, predicted, loose_agree, _disagreement_count)
    matched_gold = {i for i, _ in strict_pairs}
    matched_pred = {j for _, j in strict_pairs}
    pairs = tuple(
        PairResult(
            gold=gold[i],
            predicted=predicted[j],
            distance_km=distance_km(gold[i], predicted[j]),
            disagreements=tuple(
                name for name, agree in ATTRIBUTES if not agree(gold[i], predicted[j])
            ),
        )
        for i, j in strict_pairs
    )
    return DocumentResult(
        doc_id=doc.doc_id,
        text=doc.text,
        pairs=pairs,
        missed=tuple(e for i, e in enumerate(gold) if i not in matched_gold),
        spurious=tuple(e for j, e in enumerate(predicted) if j not in matched_pred),
        strict=Counts(len(gold), len(predicted), len(strict_pairs)),
        loose=Counts(len(gold), len(predicted), len(loose_pairs)),
    )
