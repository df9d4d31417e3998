"""From the fields an input carries (JSON record, text header, feed entry) to a `Document`."""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from collections.abc import Mapping
from dataclasses import dataclass

from marsad.errors import InputError
from marsad.model import Document

__all__ = ["ReadFailure", "document_from_record", "parse_published", "parse_size"]


@dataclass(frozen=True, slots=True)
class ReadFailure:
    """An input (file, `path:line`, feed entry) that could not be read, and why."""

    where: str
    error: str

    def __str__(self) -> str:
        return f"{self.where}: {self.error}"


_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?\s*$", re.IGNORECASE)
_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3, "t": 1024**4}


def parse_published(value: object) -> dt.date | None:
    """A publication day from an ISO date or datetime, or an RFC 2822 date (RSS); None if empty.

    Raises ValueError for anything else: a wrong date is worse than none, because every
    relative date of the article ("أمس", "الثلاثاء") is resolved against it.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"not a date: {value!r}")
    text = value.strip()
    if not text:
        return None
    match = _ISO_DAY.match(text)
    if match:
        rest = text[match.end() :]
        if rest and rest[0] not in "T ":
            raise ValueError(f"not a date: {value!r}")
        try:
            return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError as exc:
            raise ValueError(f"not a date: {value!r} ({exc})") from None
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        raise ValueError(f"not a date: {value!r}") from None


def parse_size(value: str | int) -> int:
    """Bytes from "20MB", "512k", "1.5G" or a plain number (binary units); 0 means no limit."""
    if isinstance(value, int):
        size = value
    else:
        match = _SIZE.match(value)
        if match is None:
            raise ValueError(f"not a size: {value!r} (examples: 20MB, 512k, 1G, 0 for no limit)")
        size = int(float(match.group(1)) * _UNITS[match.group(2).lower()])
    if size < 0:
        raise ValueError(f"a size cannot be negative: {value!r}")
    return size


def _optional_str(record: Mapping[str, object], *keys: str) -> str | None:
    for key in keys:
        value = record.get(key)
        if value is None or value == "":
            continue
        if isinstance(value, (str, int)) and not isinstance(value, bool):
            return str(value)
        raise InputError(f"field {key!r} should be a string, not {type(value).__name__}")
    return None


def document_from_record(record: object, default_id: str, path: str | None = None) -> Document:
    """A `Document` from a JSON object with `text` and optional `id`/`doc_id`, `published`,
    `source`/`outlet`, `title`, `url`/`url_or_origin`, `lang`; other fields are ignored.

    Raises `InputError` (without location; the caller adds it) when the record is unusable.
    """
    if not isinstance(record, Mapping):
        raise InputError(f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if text is None:
        raise InputError("no 'text' field")
    if not isinstance(text, str):
        raise InputError(f"'text' should be a string, not {type(text).__name__}")
    if not text.strip():
        raise InputError("'text' is empty")
    try:
        published = parse_published(record.get("published"))
    except ValueError as exc:
        raise InputError(f"field 'published': {exc}") from None
    return Document(
        doc_id=_optional_str(record, "doc_id", "id") or default_id,
        text=text,
        published=published,
        outlet=_optional_str(record, "source", "outlet"),
        url=_optional_str(record, "url", "url_or_origin"),
        title=_optional_str(record, "title"),
        lang=_optional_str(record, "lang") or "ar",
        path=path,
    )
