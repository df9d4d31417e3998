"""Encoding detection on real Arabic text: every supported encoding, and what must fail."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from marsad.errors import InputError
from marsad.examples import example_paths
from marsad.io.decode import declared_charset, decode_bytes
from marsad.io.readers import parse_text

# The bundled examples: the seed article (Al Mayadeen, 2017-10-25) and Syrian Archive texts
# (Syrian Archive / Mnemonic, CC BY-SA 4.0).
ARTICLES = {
    path.stem: parse_text(path.read_text(encoding="utf-8"), str(path)).text
    for path in example_paths()
}
SEED = ARTICLES["seed-almayadeen-2017-10-25"]

ENCODINGS = {
    "utf-8": lambda text: text.encode("utf-8"),
    "utf-8 with BOM": lambda text: text.encode("utf-8-sig"),
    "utf-16 LE with BOM": lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
    "utf-16 BE with BOM": lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    "utf-32 with BOM": lambda text: text.encode("utf-32"),
    "windows-1256": lambda text: text.encode("cp1256"),
}


def _cp1256_safe(text: str) -> str:
    """The text without the few characters windows-1256 cannot encode."""
    return text.encode("cp1256", errors="ignore").decode("cp1256")


@pytest.mark.parametrize("name", sorted(ARTICLES))
@pytest.mark.parametrize("encoding", sorted(ENCODINGS))
def test_real_articles_decode_identically_in_every_encoding(name: str, encoding: str) -> None:
    text = ARTICLES[name]
    if encoding == "windows-1256":
        text = _cp1256_safe(text)
        assert len(text) > 0.99 * len(ARTICLES[name])  # the test still reads the article
    assert decode_bytes(ENCODINGS[encoding](text), "x.txt") == text


def test_crlf_and_trailing_space_are_kept() -> None:
    text = "سطر أول  \r\nسطر ثانٍ\r\n\r\n  "
    assert decode_bytes(text.encode("utf-8"), "x") == text
    assert decode_bytes(text.encode("cp1256"), "x") == text


ARABIC_LETTERS = st.sampled_from(
    [chr(c) for c in range(0x0621, 0x063B)] + [chr(c) for c in range(0x0641, 0x064B)]
)
ARABIC_TEXT = st.lists(
    st.one_of(
        ARABIC_LETTERS,
        st.sampled_from(
            [" ", " ", "\n", "،", "؛", "؟", ".", "0", "7", "(", ")", "-", "\u064e", "\u0651"]
        ),
    ),
    min_size=0,
    max_size=300,
).map("".join)


@settings(max_examples=200, deadline=None)
# in windows-1256 "ط،" is the bytes D8 A1, valid UTF-8 ("ء"): one bad byte, one good letter
@example(prefix="", word="ءط", suffix="،")
@given(
    prefix=ARABIC_TEXT,
    word=st.lists(ARABIC_LETTERS, min_size=2, max_size=8).map("".join),
    suffix=ARABIC_TEXT,
)
def test_round_trip_every_encoding(prefix: str, word: str, suffix: str) -> None:
    # Any text with one word of two adjacent Arabic letters: in windows-1256 such a pair is
    # never valid UTF-8, so detection cannot take it for UTF-8.
    text = prefix + word + suffix
    for encode in ENCODINGS.values():
        assert decode_bytes(encode(text), "x.txt") == text


@settings(max_examples=100, deadline=None)
@given(text=st.text(min_size=1).filter(lambda t: "\x00" not in t and t.isprintable()))
def test_any_printable_unicode_round_trips_through_utf8_and_utf16(text: str) -> None:
    for codec in ("utf-8", "utf-8-sig", "utf-16", "utf-32"):
        try:
            data = text.encode(codec)
        except UnicodeEncodeError:  # lone surrogates
            return
        assert decode_bytes(data, "x") == text


def test_empty() -> None:
    with pytest.raises(InputError, match=r"^a\.txt: empty file$"):
        decode_bytes(b"", "a.txt")


def test_binary_with_nul_bytes() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"
    with pytest.raises(InputError, match="binary file"):
        decode_bytes(png, "image.txt")


def test_binary_without_nul_bytes() -> None:
    data = bytes(range(1, 256)) * 4
    with pytest.raises(InputError, match="not UTF-8, UTF-16 or windows-1256"):
        decode_bytes(data, "blob.txt")


def test_valid_utf8_with_control_characters_is_binary() -> None:
    with pytest.raises(InputError, match="control characters"):
        decode_bytes("نص\x01\x02\x03".encode(), "x")


@pytest.mark.parametrize("cut", [1, 2, 3])
def test_truncated_utf8_is_reported_not_misread(cut: int) -> None:
    data = SEED.encode("utf-8")
    # Cut inside the last two-byte Arabic letter, or inside an earlier one.
    damaged = data[:-1] if cut == 1 else data[: len(data) // cut - 1 + (len(data) // cut) % 2]
    try:
        damaged.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:  # the cut fell on a character boundary: make it fall inside one
        damaged = damaged[:-1]
    with pytest.raises(InputError, match=r"invalid UTF-8 at byte \d+ .*truncated"):
        decode_bytes(damaged, "cut.txt")


def test_corrupt_utf8_in_the_middle() -> None:
    data = SEED.encode("utf-8")
    damaged = data[:1000] + b"\xff" + data[1000:]
    with pytest.raises(InputError, match=r"invalid UTF-8 at byte 1000 .*corrupt"):
        decode_bytes(damaged, "bad.txt")


def test_utf8_mojibake_source_is_not_taken_for_cp1256() -> None:
    # UTF-8 bytes with one stray Latin-1 byte: not valid UTF-8, and decoding as cp1256
    # would give "ط§ظ„..."; detection must refuse rather than return that.
    data = SEED.encode("utf-8") + b" caf\xe9"
    with pytest.raises(InputError):
        decode_bytes(data, "x")


def test_latin_text_in_a_legacy_code_page_is_refused() -> None:
    data = "Le café est fermé à Alep, déclare l'armée.".encode("cp1252")
    with pytest.raises(InputError, match="windows-1256"):
        decode_bytes(data, "fr.txt")


def test_bad_utf16_after_bom() -> None:
    data = codecs.BOM_UTF16_LE + "نص".encode("utf-16-le") + b"\x00\xd8"  # lone high surrogate
    with pytest.raises(InputError, match="UTF-16"):
        decode_bytes(data, "x")


def test_declared_charset_is_used_when_plausible() -> None:
    html = '<html><head><meta charset="windows-1256"></head><body>' + SEED[:500] + "</body></html>"
    data = html.encode("cp1256")
    assert declared_charset(data) == "cp1256"
    assert decode_bytes(data, "x.html", declared="cp1256") == html


def test_wrong_declared_charset_falls_back_to_detection() -> None:
    html = '<meta charset="windows-1252">' + SEED[:300]
    data = html.encode("cp1256")
    # cp1252 would decode these bytes to Latin gibberish; the label must not win.
    assert decode_bytes(data, "x.html", declared=declared_charset(data)) == html
    utf8 = html.encode("utf-8")
    assert decode_bytes(utf8, "x.html", declared="cp1256") == html


@pytest.mark.parametrize(
    ("head", "codec"),
    [
        (b'<meta charset="utf-8">', "utf-8"),
        (b"<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=windows-1256'>", "cp1256"),
        (b'<?xml version="1.0" encoding="ISO-8859-6"?>', "iso8859-6"),
        (b'<meta charset="no-such-codec">', None),
        (b"<p>no declaration</p>", None),
    ],
)
def test_declared_charset(head: bytes, codec: str | None) -> None:
    assert declared_charset(head) == codec


@settings(max_examples=150, deadline=None)
@given(
    text=ARABIC_TEXT.filter(lambda t: any("\u0621" <= c <= "\u064a" for c in t)),
    cut=st.integers(1, 3),
)
def test_utf8_cut_inside_a_character_is_always_reported(text: str, cut: int) -> None:
    data = (text + "ن").encode("utf-8")
    damaged = data[:-1]  # the final letter is two bytes: cut between them
    if cut > 1:
        damaged = damaged + b" " + data[: cut * 7]  # more text after the damage
    try:
        damaged.decode("utf-8")
    except UnicodeDecodeError:
        with pytest.raises(InputError, match="invalid UTF-8"):
            decode_bytes(damaged, "x")
