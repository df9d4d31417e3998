"""Bytes to text for Arabic news files: detected, never guessed silently wrong.

Order of the checks (each one is a reason, not a guess):

1. a byte-order mark names the encoding (UTF-8, UTF-16, UTF-32) and the rest must decode
   strictly in it;
2. NUL bytes without a BOM mean a binary file (or UTF-16 without BOM, which we refuse);
3. strict UTF-8;
4. when UTF-8 fails but most non-ASCII bytes still form valid UTF-8 sequences, the file is
   damaged UTF-8 (truncated download, cut at a byte boundary), not another encoding;
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
_NON_ASCII = re.compile(rb"[\x80-\xff]")
# Arabic letters, harakat, Arabic-Indic digits, Arabic punctuation and tatweel, plus the
# few typographic characters Arabic text in cp1256 commonly carries (NBSP, quotes, dashes,
# guillemets, ZWNJ/ZWJ, LRM/RLM).
_ARABIC_LIKE = re.compile(
    "[\u0600-\u06ff\u00a0\u00ab\u00bb\u2013\u2014\u2018\u2019\u201c\u201d\u2026"
    "\u200c\u200d\u200e\u200f]"
)
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
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
        return text
    if _looks_like_damaged_utf8(data):
        reason = "truncated" if utf8_error.end >= len(data) else "corrupt"
        raise InputError(
            f"invalid UTF-8 at byte {utf8_error.start} of {len(data)} ({reason} file?)", where
        )
    text = data.decode("cp1256")
    if _plausibly_arabic(text):
        return text
    raise InputError("not UTF-8, UTF-16 or windows-1256 Arabic text (binary file?)", where)


def _looks_like_damaged_utf8(data: bytes) -> bool:
    """True when most non-ASCII bytes sit in valid UTF-8 sequences."""
    non_ascii = len(_NON_ASCII.findall(data))
    if non_ascii == 0:
        return False
    in_sequences = sum(len(m) for m in _UTF8_SEQ.findall(data))
    return in_sequences >= 0.5 * non_ascii


def _plausibly_arabic(text: str) -> bool:
    """True when `text` reads as Arabic: its non-ASCII characters are Arabic, no controls."""
    if _CONTROL.search(text):
        return False
    non_ascii = sum(1 for ch in text if ord(ch) > 0x7F)
    if non_ascii == 0:
        return False
    arabic_like = len(_ARABIC_LIKE.findall(text))
    return arabic_like >= 0.95 * non_ascii and bool(_ARABIC_LETTER.search(text))
