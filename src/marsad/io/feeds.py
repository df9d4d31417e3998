"""RSS and Atom feed files: every entry is one `Document`.

The bytes are decoded by `marsad.io.decode` (honouring the XML declaration) before
feedparser sees them; feedparser is told the text is UTF-8 so that it does not decode it a
second time by the declaration and turn Arabic into mojibake.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from marsad.errors import InputError
from marsad.io.html import html_to_text
from marsad.io.records import ReadFailure
from marsad.model import Document

__all__ = ["documents_from_feed"]

_UTF8_HEADERS = {"content-type": "application/xml; charset=utf-8"}


def documents_from_feed(
    text: str, where: str, path: str | None = None
) -> Iterator[Document | ReadFailure]:
    """Yield a `Document` per feed entry, or a `ReadFailure` for an entry without text."""
    import feedparser  # deferred: only feed input needs it

    feed = feedparser.parse(text, response_headers=_UTF8_HEADERS, sanitize_html=True)
    entries = feed.get("entries") or []
    if not entries:
        if feed.get("bozo"):
            raise InputError(f"not a valid RSS/Atom feed ({feed.get('bozo_exception')})", where)
        raise InputError("feed has no entries", where)
    outlet = (feed.get("feed") or {}).get("title") or None
    for index, entry in enumerate(entries, start=1):
        entry_where = f"{where}#{index}"
        body = _entry_text(entry)
        if not body:
            yield ReadFailure(entry_where, "feed entry has no text (no content or summary)")
            continue
        yield Document(
            doc_id=entry.get("id") or entry.get("link") or entry_where,
            text=body,
            published=_entry_day(entry),
            outlet=outlet,
            url=entry.get("link") or None,
            title=entry.get("title") or None,
            path=path,
        )


def _entry_text(entry: dict) -> str:
    """The longest of the entry's content blocks and summary, reduced to text."""
    candidates = [c for c in entry.get("content") or [] if c.get("value")]
    if entry.get("summary"):
        candidates.append(
            {
                "value": entry["summary"],
                "type": (entry.get("summary_detail") or {}).get("type", "text/html"),
            }
        )
    best = ""
    for block in candidates:
        value = block["value"]
        text = (
            html_to_text(value) if "html" in (block.get("type") or "text/html") else value.strip()
        )
        if len(text) > len(best):
            best = text
    return best


def _entry_day(entry: dict) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None
