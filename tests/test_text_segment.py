"""Sentences, clauses, tokens and clitics of normalized Arabic text."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.text import segment
from marsad.text.clitics import (
    ENCLITICS,
    PROCLITIC_CHAINS,
    analyses,
    clitic_variants,
    default_analysis,
    enclitic_forms,
    prefix_ok,
    proclitics_at,
    suffix_ok,
)
from marsad.text.normalize import fold, normalize_text
from marsad.text.segment import find_debris, split_sentences, tokenize

DATA = Path(__file__).parent / "data" / "text"
# The project's seed article (Al Mayadeen, 2017-10-25), see tests/data/text/README.md.
SEED = (DATA / "seed_almayadeen_2017-10-25.txt").read_text(encoding="utf-8")


def _sentences(text: str) -> list[str]:
    norm = normalize_text(text)
    return [s.span.slice(text) for s in split_sentences(norm)]


# --- sentences -------------------------------------------------------------------------


def test_seed_headline_byline_and_links() -> None:
    norm = normalize_text(SEED)
    sents = split_sentences(norm)
    texts = [s.span.slice(SEED) for s in sents]
    # the headline line has no period and is a sentence of its own
    assert texts[0] == "نقاط تماس بين الجيش السوري والقوات العراقية بعد سيطرتها على منفذ ربيعة"
    # the tweet byline is its own sentence, the dash left out
    assert "الاعلام الحربي مركزي (@C_Military1) October 25, 2017" in texts
    # links belong to no sentence; the tweet text before the link is kept whole
    assert not any("http" in t or "pic.twitter" in t or "t.co" in t for t in texts)
    assert "وضعية تظهر سيطرة #الجيش_السوري والحلفاء على حي الصناعة في مدينة دير الزور" in texts
    # "إلى ذلك أعلن ..." follows a period on the same line: a new sentence
    assert any(t.startswith("إلى ذلك أعلن عضو مجلس محافظة نينوى") for t in texts)
    for s in sents:
        a, b = s.norm
        assert fold(s.span.slice(SEED)) == norm.text[a:b]
        assert s.clauses and s.clauses[0][0] == a and s.clauses[-1][1] <= b


def test_sentences_are_ordered_and_disjoint() -> None:
    sents = split_sentences(normalize_text(SEED))
    for x, y in itertools.pairwise(sents):
        assert x.norm[1] <= y.norm[0]
        assert x.span.end <= y.span.start


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "سيطر الجيش على القرية. وتقدم نحو المدينة.",
            ["سيطر الجيش على القرية.", "وتقدم نحو المدينة."],
        ),
        ("هل انسحب التنظيم؟ لا أحد يعرف!", ["هل انسحب التنظيم؟", "لا أحد يعرف!"]),
        ("قصف عنيف... ثم هدوء", ["قصف عنيف...", "ثم هدوء"]),
        ("قصف عنيف… ثم هدوء", ["قصف عنيف…", "ثم هدوء"]),
        # a period glued to the next word, as scraped news often has it
        ("في المدينة.ومراسلنا يفيد بذلك", ["في المدينة.", "ومراسلنا يفيد بذلك"]),
        # thousands dot and a one-letter abbreviation do not end a sentence
        ("يستفيد حوالي 200.000 شخص من المستشفى", ["يستفيد حوالي 200.000 شخص من المستشفى"]),
        ("قال د. محمد إن الوضع صعب", ["قال د. محمد إن الوضع صعب"]),
        ("2. مارع في ريف حلب", ["2. مارع في ريف حلب"]),  # a list number
        ("إيميل الفريق info@syrianarchive.org", ["إيميل الفريق info@syrianarchive.org"]),
        # a quotation keeps its inner periods; the period after it ends the sentence
        (
            'وقال إن "الوضع هادئ. لا اشتباكات". وأضاف أن الطرق مفتوحة',
            ['وقال إن "الوضع هادئ. لا اشتباكات".', "وأضاف أن الطرق مفتوحة"],
        ),
        ("وقال «انسحبنا. انتهى» ثم غادر", ["وقال «انسحبنا. انتهى» ثم غادر"]),
        # each line is a paragraph; a headline has no final period
        ("عنوان الخبر\nنص الخبر هنا.", ["عنوان الخبر", "نص الخبر هنا."]),
        ("عنوان\r\n\r\n  نص", ["عنوان", "نص"]),
        # a URL is cut out and belongs to no sentence
        ("شاهد الفيديو https://t.co/abc#وسم وتابع", ["شاهد الفيديو", "وتابع"]),
        ("صورة pic.twitter.com/QKMsbKCzPs", ["صورة"]),
    ],
)
def test_sentence_rules(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


def test_byline_glued_to_tweet_text_is_split_off() -> None:
    text = "سيطرة الجيش على البلدة — الاعلام الحربي (@C_Military1) October 25, 2017 وتابع المراسل"
    assert _sentences(text) == [
        "سيطرة الجيش على البلدة",
        "الاعلام الحربي (@C_Military1) October 25, 2017",
        "وتابع المراسل",
    ]


def test_find_debris() -> None:
    text = fold("نص https://t.co/x#وسم pic.twitter.com/y — اسم (@abc) May 1, 2020")
    kinds = [text[a:b] for a, b in find_debris(text)]
    assert kinds[0] == "https://t.co/x#وسم"
    assert kinds[1] == "pic.twitter.com/y"
    assert kinds[2].startswith("- اسم (@abc)") and kinds[2].endswith("2020")


@pytest.mark.parametrize("text", ["", "   ", "\n\n", ".", "...", "ًٌٍ", "https://x.y/z", '"""'])
def test_sentences_of_empty_or_debris_only_text(text: str) -> None:
    assert split_sentences(normalize_text(text)) == []


def test_sentences_of_mixed_bidi_text() -> None:
    text = "\u202bقصف\u202c \u2066Deir ez-Zor\u2069 اليوم. \u200fثم\u200f هدأ"
    # spans start at the first visible character: the leading embedding mark is left out
    assert _sentences(text) == ["قصف\u202c \u2066Deir ez-Zor\u2069 اليوم.", "ثم\u200f هدأ"]


def test_ten_megabytes_on_one_line_is_linear() -> None:
    raw = 'قال "الجيش. تقدم"، وسيطر على القرية، حيث قتل 5 مسلحين. ' * (10_000_000 // 55)
    sents = split_sentences(normalize_text(raw))
    assert len(sents) == 10_000_000 // 55
    starts = [normalize_text(raw).text[a : a + 3] for a, _ in sents[0].clauses]
    assert starts == ["قال", "وسي", "حيث"]


_PIECES = [*'ابت سم.؟!"«»\n،-', "و", "حيث ", "https://a.b ", "(@x) may 1, 2020", " بعد أن "]


@given(st.lists(st.sampled_from(_PIECES), max_size=60).map("".join))
@settings(max_examples=300)
def test_sentence_spans_are_consistent(text: str) -> None:
    norm = normalize_text(text)
    prev = 0
    for s in split_sentences(norm):
        a, b = s.norm
        assert prev <= a < b <= len(norm.text)
        prev = b
        assert s.span == norm.original_span(a, b)
        assert "\n" not in norm.text[a:b]
        for c0, c1 in s.clauses:
            assert a <= c0 < c1 <= b


# --- clauses ---------------------------------------------------------------------------


def test_clauses_of_a_long_seed_sentence() -> None:
    norm = normalize_text(SEED)
    sent = next(s for s in split_sentences(norm) if s.span.slice(SEED).startswith("من جهته، يتقد"))
    starts = [norm.original_slice(a, b).split()[0] for a, b in sent.clauses]
    assert starts == ["من", "فيما", "كما", "حيث"]


@pytest.mark.parametrize(
    ("text", "n"),
    [
        # a new predicate after "، و": a clause
        ("سيطر الجيش السوري على قرية طابية في ريف دير الزور، وتقدم نحو حي الصناعة في المدينة", 2),
        # a coordinated noun after "، و": not a clause
        (
            "شاركت في العمليات كتائب حزب الله العراق، وفصائل المقاومة، والحشد الشعبي، والجيش العراقي",
            1,
        ),
        ("انسحب المسلحون من البلدة بعد أن فقدوا عشرات العناصر في المعارك", 2),
        ("تقدم الجيش على محور حي الصناعة، حيث سيطر على قسم كبير من الحي", 2),
        # too short to split
        ("قصف، حيث قتل", 1),
        ("قصفت الطائرات مواقع التنظيم، فيما تقدمت القوات البرية نحو البلدة من جهة الشرق", 2),
        # "، وذلك بعد ...": a fact told against another, a clause of its own
        ("أحبطت القوات هجوماً للعشائر على البلدتين، وذلك بعد وقت قصير من إعلان بدء المعركة", 2),
        # "، وذلك بواسطة ...": how it was done, the same clause
        ("استهدفت المقاومة محطة الكهرباء في المدينة، وذلك بواسطة الطيران المسير", 1),
    ],
)
def test_clause_count(text: str, n: int) -> None:
    (sent,) = split_sentences(normalize_text(text))
    assert len(sent.clauses) == n


# --- tokens and clitics ----------------------------------------------------------------


def test_tokenize_offsets_and_default_splits() -> None:
    text = fold("وبالقائم للقوات والجيش وادي قواته")
    toks = tokenize(text)
    assert [t.surface for t in toks] == ["وبالقايم", "للقوات", "والجيش", "وادي", "قواته"]
    for t in toks:
        assert text[t.start : t.end] == t.surface
    assert toks[0].prefixes == ("و", "ب", "ال") and toks[0].stem == "قايم" and toks[0].article
    assert toks[1].prefixes == ("ل", "ال") and toks[1].stem == "قوات"
    assert toks[2].prefixes == ("و", "ال") and toks[2].stem == "جيش"
    assert toks[3].prefixes == () and toks[3].stem == "وادي"  # listed: not و + ادي
    assert toks[4].suffix == ""  # enclitics are not split on a guess


def test_tokenize_window_and_known_forms() -> None:
    text = fold("قال إن وحلفاؤه وقواته تقدموا")
    a = text.index("وحلفاوه")
    toks = tokenize(text, a, len(text), known={"حلفاء", "قوات"})
    assert [t.surface for t in toks] == ["وحلفاوه", "وقواته", "تقدموا"]
    assert (toks[0].prefixes, toks[0].stem, toks[0].suffix) == (("و",), "حلفاو", "ه")
    assert (toks[1].prefixes, toks[1].stem, toks[1].suffix) == (("و",), "قوات", "ه")


@pytest.mark.parametrize(
    ("token", "prefix_len", "form"),
    [
        # real words of the corpus and the seed article, and the lexicon forms they must reach
        ("وبالقائم", 2, "القايم"),
        ("وبالقائم", 4, "قايم"),
        ("للقوات", 1, "القوات"),
        ("للقوات", 2, "قوات"),
        ("وحلفاؤه", 1, "حلفاء"),
        ("وحلفائه", 1, "حلفاء"),
        ("قواته", 0, "قوات"),
        ("قواتها", 0, "قوات"),
        ("حكومته", 0, "حكومه"),
        ("والحشد", 1, "الحشد"),
        ("بريف", 1, "ريف"),
        ("لداعش", 1, "داعش"),
        ("فالجيش", 1, "الجيش"),
        ("وللجيش", 2, "الجيش"),
        ("كالعادة", 1, "العاده"),
        ("وستشارك", 2, "تشارك"),
        ("مواقعهم", 0, "مواقع"),
        ("عناصرها", 0, "عناصر"),
    ],
)
def test_clitic_variants_reach_lexicon_forms(token: str, prefix_len: int, form: str) -> None:
    assert (prefix_len, form) in clitic_variants(fold(token))


@pytest.mark.parametrize(
    "word", ["وادي", "بلدة", "فلسطين", "ليبيا", "كفر", "سوريا", "وزارة", "فصائل"]
)
def test_words_that_start_like_clitics_keep_their_letters(word: str) -> None:
    w = fold(word)
    variants = clitic_variants(w)
    assert variants[0] == (0, w)  # the unsplit reading comes first
    assert default_analysis(w).stem == w
    assert default_analysis(w, known={w}).stem == w


@pytest.mark.parametrize(
    ("text", "hit", "start"),
    [
        ("وبالقائم", "القايم", 0),  # "وب" before a form with the article
        ("وبالقائم", "قايم", 0),  # "وبال" before a form without it
        ("للقوات", "قوات", 0),
        ("قصف القوات", "قوات", 4),
        ("قصف قوات", "قوات", 4),
        ("قصف وقوات", "قوات", 4),
        ("كفرنبل", "نبل", None),  # "كفر" is not a proclitic chain
        ("مستقوات", "قوات", None),
        ("ابوبالقائم", "القايم", None),  # too much in front
    ],
)
def test_prefix_ok(text: str, hit: str, start: int | None) -> None:
    norm = fold(text)
    a = norm.index(hit)
    assert prefix_ok(norm, a) == start


def test_proclitics_at_reports_parts_and_article() -> None:
    text = fold("وللقوات")
    assert proclitics_at(text, 3) == (0, ("و", "ل", "ال"), True)
    assert proclitics_at(text, 0) == (0, (), False)


@pytest.mark.parametrize(
    ("text", "hit", "need", "end"),
    [
        ("قواته تقدمت", "قوات", False, 5),
        ("قوات تقدمت", "قوات", False, 4),
        ("قواتهم", "قوات", False, 6),
        ("قواتهما", "قوات", False, 7),
        ("حلفاؤه", "حلفاو", True, 6),  # hamza seat before an enclitic
        ("حلفاو", "حلفاو", True, None),  # the seat variant alone is no word
        ("حكومتها", "حكومت", True, 7),
        ("قواتية", "قوات", False, None),  # "يه" is no enclitic
        ("عراقي", "عراق", False, None),  # nisba "ي" is left out on purpose
    ],
)
def test_suffix_ok(text: str, hit: str, need: bool, end: int | None) -> None:
    norm = fold(text)
    b = norm.index(hit) + len(hit)
    assert suffix_ok(norm, b, need_enclitic=need) == end


def test_enclitic_forms() -> None:
    assert enclitic_forms("حلفاء") == [("حلفاء", False), ("حلفاو", True), ("حلفاي", True)]
    assert enclitic_forms("قوه") == [("قوه", False), ("قوت", True)]
    assert enclitic_forms("مستشفي") == [("مستشفي", False), ("مستشفا", True)]
    assert enclitic_forms("جيش") == [("جيش", False)]


def test_chain_table() -> None:
    assert PROCLITIC_CHAINS["وبال"] == ("و", "ب", "ال")
    assert PROCLITIC_CHAINS["لل"] == ("ل", "ال")
    assert PROCLITIC_CHAINS["ولل"] == ("و", "ل", "ال")
    assert "سال" not in PROCLITIC_CHAINS  # the future particle takes no article
    assert "هم" in ENCLITICS and "ي" not in ENCLITICS


@given(st.text(alphabet=st.sampled_from(list("وفبلكسالقتهمنايء")), min_size=1, max_size=9))
def test_analyses_rebuild_the_token(token: str) -> None:
    for an in analyses(token):
        chain = token[: an.prefix_len]
        assert PROCLITIC_CHAINS.get(chain, ()) == an.prefixes
        assert chain + an.stem + an.suffix == token
        assert not an.suffix or an.suffix in ENCLITICS
        assert len(an.stem) >= 2


# --- the fast patterns read as the plain ones they replace --------------------------------

# The patterns as first written; `segment` rewrote them so that `re` can skip ahead to their
# first character, and these tests keep the two readings equal.
_PLAIN_END = re.compile(r"(?:\.{2,}|…|[.!?])+[\"'»)\]]*(?=\s|$|[^\W\d_])")
_PLAIN_LINK = re.compile(r"(?:https?:\s?//\s?|www\.)[^\s\"'«»]+|pic\.twitter\.com/\S+")
_PLAIN_CLAUSE_MARK = re.compile(
    r",\s*(?=(?:حيث|فيما|بينما|كما|في حين|الي ذلك|اضافه الي ذلك|فضلا عن ذلك)\b)"
    r"|(?<=\s)(?=(?:بعد|قبل) ان\b)"
    r"|,\s*(?=و[^\W\d_]+)"
    r"|:\s*(?=[\"«])"
)
_PLAIN_QUOTE = re.compile(r"[\"«»]")


def _plain_sentence_cuts(text: str, lo: int, hi: int) -> list[int]:
    """`segment._sentence_cuts` as first written: a pattern scan of a copy of the line."""
    line = text[lo:hi]
    marks = [(m.start(), m.group()) for m in _PLAIN_QUOTE.finditer(line)]
    straight = [lo + p for p, ch in marks if ch == '"']
    quoted = list(zip(straight[::2], straight[1::2], strict=True)) if len(straight) % 2 == 0 else []
    opens = [lo + p for p, ch in marks if ch == "«"]
    closes = [lo + p for p, ch in marks if ch == "»"]
    if len(opens) == len(closes):
        quoted += [(o, c) for o, c in zip(opens, closes, strict=True) if o < c]
    quoted.sort()
    cuts = []
    for m in _PLAIN_END.finditer(line):
        dot, end = lo + m.start(), lo + m.end()
        if m.group() == "." and segment._not_an_end(text, lo, dot):
            continue
        inside = [q for q in quoted if q[0] < dot]
        if not (inside and end <= inside[-1][1]):
            cuts.append(end)
    return cuts


_MARK_PIECES = [
    *".!?…\"'»)]«,:; \n\x1c_", "..", "د.", "2.", "3.5", "حيث", "في حين", "الي ذلك", "و", "وقال", "بعد ان", "قبل ان",
    "بعدان", "انه", "ab", "12", "https://x.y", "www.", "pic.twitter.com/a", "http: //", "ع",
]  # fmt: skip


@given(st.lists(st.sampled_from(_MARK_PIECES), max_size=40).map("".join), st.data())
@settings(max_examples=400)
def test_fast_patterns_match_the_plain_ones(text: str, data: st.DataObject) -> None:
    a = data.draw(st.integers(0, len(text)))
    _check_fast_patterns(text, a, data.draw(st.integers(a, len(text))))


@pytest.mark.parametrize(
    "text",
    [
        "قال ذلك قبل ان يغادر, وبعد ان انسحب: «قال",
        "وصل, حيث قال انه تقدم قبل ان. د. احمد https://x.y/z وwww.a.b",
        'انتهي.وقال «سنرد...» و"تقدم". 2. مارع',
    ],
)
def test_fast_patterns_on_sentences(text: str) -> None:
    _check_fast_patterns(text, 0, len(text))
    _check_fast_patterns(text, 3, len(text) - 2)


def _check_fast_patterns(text: str, a: int, b: int) -> None:
    # a line used to be cut out of the text: now the pattern runs on the text from a to b
    assert [(m.start() - a, m.end() - a) for m in segment._END.finditer(text, a, b)] == [
        m.span() for m in _PLAIN_END.finditer(text[a:b])
    ]
    assert segment._links(text) == [m.span() for m in _PLAIN_LINK.finditer(text)]
    puncts = [p for p in range(a, b) if text[p] in ",:"]
    assert segment._clause_marks(text, a, b, puncts) == [
        m.span() for m in _PLAIN_CLAUSE_MARK.finditer(text, a, b)
    ]
    for line in re.finditer(r"[^\n]+", text):
        lo, hi = line.span()
        terms = [p for p in range(lo, hi) if text[p] in ".!?…"]
        quotes = segment._Marks(text, '"«»')
        cuts = segment._sentence_cuts(text, lo, hi, terms, quotes)
        assert cuts == _plain_sentence_cuts(text, lo, hi)
    for n, pattern in segment._WORDS_AT_LEAST.items():
        assert bool(pattern.match(text, a, b)) == (len(segment._WORD.findall(text, a, b)) >= n)
