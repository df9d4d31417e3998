"""Bytes to text for Arabic news files: detected, never guessed silently wrong.

Order of the checks (each one is a reason, not a guess):

1. a byte-order mark names the encoding (UTF-8, UTF-16, UTF-32) and the rest must decode
   strictly in it;
2. NUL bytes without a BOM mean a binary file (or UTF-16 without BOM, which we refuse);
3. strict UTF-8;
4. when UTF-8 fails but, read as UTF-8, the file has at least as many Arabic characters as
   bad bytes, it is damaged UTF-8 (a truncated download, a stray byte), not another
   encoding;
5. windows-1256 (the Arabic code page many Arabic sites still serve) only when the decoded
   text is plausibly Arabic: non-ASCII characters are nearly all Arabic letters and marks,
   and there are no control characters. Decoding UTF-8 Arabic as cp1256 gives "ط§ظ„..."
   with half its characters from the Latin-1 range, so this check rejects that mojibake.

Anything else is an `InputError`. The decoded text is returned as decoded: no newline
translation, no stripping (offsets into it are the provenance of every event).
"""

from __future__ import annotations

import codecs
import re

from marsad.errors import InputError

__all__ = ["declared_charset", "decode_bytes"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_UTF8_SEQ = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_HIGH_BYTES = bytes(range(0x80, 0x100))
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Translate tables that delete a class of characters: counting them costs one C pass.
_ARABIC_BLOCK = dict.fromkeys(range(0x0600, 0x0700))
_ARABIC_LETTERS = dict.fromkeys(range(0x0621, 0x064B))
_ESCAPED = dict.fromkeys(range(0xDC80, 0xDD00))
# Arabic letters, harakat, Arabic-Indic digits, Arabic punctuation and tatweel, plus the
# few typographic characters Arabic text in cp1256 commonly carries (NBSP, quotes, dashes,
# guillemets, ellipsis, ZWNJ/ZWJ, LRM/RLM).
_ARABIC_LIKE_CHARS = dict.fromkeys(
    [
        *range(0x0600, 0x0700),
        0xA0,
        0xAB,
        0xBB,
        0x2013,
        0x2014,
        0x2018,
        0x2019,
        0x201C,
        0x201D,
        0x2026,
        0x200C,
        0x200D,
        0x200E,
        0x200F,
    ]
)
_DECLARED = re.compile(
    rb"""(?:<meta[^>]+charset\s*=\s*["']?|<\?xml[^>]*encoding\s*=\s*["'])([A-Za-z0-9_\-:.]+)""",
    re.IGNORECASE,
)


def declared_charset(head: bytes) -> str | None:
    """The codec an HTML `<meta charset>` or XML declaration names in `head`, if Python knows it."""
    match = _DECLARED.search(head[:4096])
    if match is None:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def decode_bytes(data: bytes, where: str, *, declared: str | None = None) -> str:
    """Decode `data` read from `where`; `declared` is a charset the document itself names.

    Raises `InputError` naming `where` when the bytes are empty, binary, damaged UTF-8, or
    in no encoding marsad can recognize with confidence.
    """
    if not data:
        raise InputError("empty file", where)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"starts with a {codec.upper()} byte-order mark but is not valid "
                    f"{codec.upper()} (byte {exc.start})",
                    where,
                ) from None
    if b"\x00" in data:
        raise InputError(
            "binary file (contains NUL bytes), or UTF-16 without a byte-order mark", where
        )
    if declared and declared not in ("utf-8", "ascii"):
        # The page names its encoding (windows-1256, ISO-8859-6 on older Arabic sites).
        # Labels are often wrong, so the label wins only when the bytes are not valid UTF-8
        # and decode strictly in it to plausible Arabic; otherwise detection decides.
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = data.decode(declared)
            except UnicodeDecodeError:
                pass
            else:
                if _plausibly_arabic(text):
                    return text
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    else:
        if _CONTROL.search(text):
            raise InputError("binary file (contains control characters), not text", where)
        # Valid UTF-8 wins. A windows-1256 text is valid UTF-8 only when every letter byte
        # is followed by a continuation byte ("ك،" is also "ߡ"): never a real article, which
        # always has two adjacent Arabic letters.
        return text
    errors, arabic = _utf8_damage(data)
    truncated = utf8_error.end >= len(data)
    if arabic > errors or (arabic == errors and truncated):
        # Mostly good UTF-8 Arabic with a few bad bytes, or one character cut off at the
        # end: a damaged file, not another encoding. A tie with the bad byte elsewhere is
        # windows-1256 whose letter pair happens to be UTF-8 ("ط،" is also "ء").
        reason = "truncated" if truncated else "corrupt"
        raise InputError(
            f"invalid UTF-8 at byte {utf8_error.start} of {len(data)} ({reason} file?)", where
        )
    text = data.decode("cp1256")
    if _plausibly_arabic(text):
        return text
    if _looks_like_damaged_utf8(data):
        raise InputError(f"invalid UTF-8 at byte {utf8_error.start} of {len(data)}", where)
    raise InputError("not UTF-8, UTF-16 or windows-1256 Arabic text (binary file?)", where)


def _count(text: str, table: dict[int, None]) -> int:
    """How many characters of `text` are in `table` (deleting them, in C)."""
    return len(text) - len(text.translate(table))


def _utf8_damage(data: bytes) -> tuple[int, int]:
    """(bytes that are not UTF-8, Arabic characters that are) when read as UTF-8.

    windows-1256 Arabic read as UTF-8 is nearly all invalid bytes (a letter byte is rarely
    followed by a continuation byte); damaged UTF-8 Arabic is nearly all Arabic characters.
    """
    text = data.decode("utf-8", errors="surrogateescape")
    return _count(text, _ESCAPED), _count(text, _ARABIC_BLOCK)


def _looks_like_damaged_utf8(data: bytes) -> bool:
    """True when most non-ASCII bytes sit in valid UTF-8 sequences."""
    non_ascii = len(data) - len(data.translate(None, _HIGH_BYTES))
    if non_ascii == 0:
        return False
    in_sequences = sum(len(m) for m in _UTF8_SEQ.findall(data))
    return in_sequences >= 0.5 * non_ascii


def _plausibly_arabic(text: str) -> bool:
    """True when `text` reads as Arabic: its non-ASCII characters are Arabic, no controls."""
    if _CONTROL.search(text):
        return False
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    if non_ascii == 0:
        return False
    arabic_like = _count(text, _ARABIC_LIKE_CHARS)
    return arabic_like >= 0.95 * non_ascii and _count(text, _ARABIC_LETTERS) > 0
