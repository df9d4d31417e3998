"""Read articles from files, directory trees and standard input, one `Document` at a time.

`read_documents` is a generator of `Document | ReadFailure`: a bad file, line or feed entry
becomes a `ReadFailure(where, error)` and the batch carries on (HOUSE_STYLE.md §4).

Formats by file suffix: `.txt`/`.text` (optional `key: value` header lines, see
`parse_text`), `.html`/`.htm`/`.xhtml` (trafilatura), `.jsonl`/`.ndjson` (one article per
line), `.json` (one article or a list of them), `.rss`/`.atom`/`.xml` (feeds). A file named
on the command line with another suffix, and standard input (`-`), are sniffed.
"""

from __future__ import annotations

import codecs
import io
import json
import logging
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from marsad.errors import InputError
from marsad.io.decode import declared_charset, decode_bytes
from marsad.io.feeds import documents_from_feed
from marsad.io.html import document_from_html
from marsad.io.records import ReadFailure, document_from_record, parse_published
from marsad.model import Document

__all__ = [
    "DEFAULT_MAX_BYTES",
    "STDIN",
    "Input",
    "ReadFailure",
    "estimate_count",
    "find_inputs",
    "parse_text",
    "read_documents",
]

log = logging.getLogger(__name__)

#: Largest file (or JSON line) read by default; `max_bytes=0` lifts the limit.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
#: The path that means standard input.
STDIN = "-"

_SUFFIXES = {
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}
_HEADER = re.compile(
    r"(id|doc_id|published|date|source|outlet|url|title|lang)[ \t]*:[ \t]*(.*?)[ \t]*(?:\r\n|\n|\r|$)",
    re.IGNORECASE,
)
_HEADER_FIELDS = {"id": "doc_id", "date": "published", "outlet": "source"}
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:rdf)[\s>]", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Input:
    """One thing to read: a path (or `-`) and its format (`auto` means sniff the content)."""

    path: str
    format: str


def read_documents(
    paths: Iterable[str | os.PathLike[str]],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
) -> Iterator[Document | ReadFailure]:
    """Yield every article found under `paths` (files, directories, `-`), or why one failed."""
    for item in find_inputs(paths):
        if isinstance(item, ReadFailure):
            yield item
        else:
            yield from read_input(item, max_bytes=max_bytes, stdin=stdin)


def find_inputs(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Input | ReadFailure]:
    """Expand `paths` into the files to read, walking directories in sorted order."""
    for raw in paths:
        path = os.fspath(raw)
        if path == STDIN:
            yield Input(STDIN, "auto")
            continue
        try:
            info = os.stat(path)
        except FileNotFoundError:
            broken = os.path.islink(path)
            yield ReadFailure(
                path, "broken symbolic link" if broken else "no such file or directory"
            )
            continue
        except OSError as exc:
            yield ReadFailure(path, _os_reason(exc))
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from _walk(path)
        else:
            # Named explicitly: read it whatever its suffix, even a pipe (`<(cat a.txt)`).
            yield Input(path, _SUFFIXES.get(Path(path).suffix.lower(), "auto"))


def estimate_count(paths: Iterable[str | os.PathLike[str]]) -> int | None:
    """About how many articles `paths` hold (for a progress bar); None when unknowable
    (standard input, pipes). Cheap: counts lines and feed items, parses nothing."""
    total = 0
    for item in find_inputs(paths):
        if isinstance(item, ReadFailure):
            continue
        if item.path == STDIN:
            return None
        try:
            info = os.stat(item.path)
            if not stat.S_ISREG(info.st_mode):
                return None
            if item.format in ("jsonl", "feed", "json"):
                total += max(1, _count_records(item.path, item.format))
            else:
                total += 1
        except OSError:
            continue
    return total


def _count_records(path: str, fmt: str) -> int:
    count = 0
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            if fmt == "jsonl":
                count += block.count(b"\n")
            elif fmt == "feed":
                count += block.count(b"<item") + block.count(b"<entry")
            else:
                count += block.count(b'"text"')
    return count


def _walk(root: str) -> Iterator[Input | ReadFailure]:
    found = ignored = 0
    failures: list[ReadFailure] = []

    def on_error(exc: OSError) -> None:
        failures.append(ReadFailure(exc.filename or root, _os_reason(exc)))

    for folder, dirs, files in os.walk(root, onerror=on_error):
        yield from failures
        failures.clear()
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            fmt = _SUFFIXES.get(Path(name).suffix.lower())
            if fmt is None:
                ignored += 1
                continue
            found += 1
            path = os.path.join(folder, name)
            try:
                info = os.stat(path)
            except FileNotFoundError:
                yield ReadFailure(path, "broken symbolic link")
                continue
            except OSError as exc:
                yield ReadFailure(path, _os_reason(exc))
                continue
            if not stat.S_ISREG(info.st_mode):
                # Reading a FIFO or device found while walking could block forever.
                yield ReadFailure(path, f"not a regular file ({_file_kind(info.st_mode)}), skipped")
                continue
            yield Input(path, fmt)
    yield from failures
    if found == 0:
        extra = f" ({ignored} files of other types ignored)" if ignored else ""
        yield ReadFailure(
            root, f"no .txt, .html, .jsonl, .json or feed files in this folder{extra}"
        )


def read_input(
    item: Input, *, max_bytes: int = DEFAULT_MAX_BYTES, stdin: BinaryIO | None = None
) -> Iterator[Document | ReadFailure]:
    """Yield the articles of one input (a file may hold many: JSON lines, feeds)."""
    where = "<stdin>" if item.path == STDIN else item.path
    try:
        if item.path == STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _read_stream(_peekable(stream), where, None, item.format, max_bytes)
            return
        with open(item.path, "rb") as handle:
            info = os.fstat(handle.fileno())
            size = info.st_size if stat.S_ISREG(info.st_mode) else None
            yield from _read_stream(handle, where, item.path, item.format, max_bytes, size)
    except InputError as exc:
        yield _failure(exc, where)
    except OSError as exc:
        yield ReadFailure(where, _os_reason(exc))


def _read_stream(
    stream: io.BufferedReader,
    where: str,
    path: str | None,
    fmt: str,
    max_bytes: int,
    size: int | None = None,
) -> Iterator[Document | ReadFailure]:
    if fmt == "auto":
        fmt = _sniff(stream.peek(4096)[:4096])
    if fmt == "jsonl":
        yield from _read_jsonl(stream, where, path, max_bytes)
        return
    if size is not None and max_bytes and size > max_bytes:
        raise InputError(
            f"file is {_mb(size)}, over the limit of {_mb(max_bytes)} per file (raise it with --max-bytes)",
            where,
        )
    data = _read_limited(stream, max_bytes, where)
    if fmt == "txt":
        yield parse_text(decode_bytes(data, where), where, path)
    elif fmt == "json":
        yield from _read_json(decode_bytes(data, where), where, path)
    elif fmt == "html":
        text = decode_bytes(data, where, declared=declared_charset(data))
        yield document_from_html(text, where, path)
    else:
        text = decode_bytes(data, where, declared=declared_charset(data))
        yield from documents_from_feed(text, where, path)


def parse_text(text: str, where: str, path: str | None = None) -> Document:
    """A `Document` from a text file: optional header lines, then the article.

    Header lines (`published:`, `source:`, `url:`, `title:`, also `id:`, `lang:`) are only
    read at the very top; one blank line after them is dropped. The rest is the article,
    kept exactly as read.
    """
    fields: dict[str, str] = {}
    pos = 0
    while match := _HEADER.match(text, pos):
        if match.end() == pos:
            break
        key = match.group(1).lower()
        fields[_HEADER_FIELDS.get(key, key)] = match.group(2)
        pos = match.end()
    if fields:
        for blank in ("\r\n", "\n", "\r"):
            if text.startswith(blank, pos):
                pos += len(blank)
                break
    body = text[pos:]
    if not body.strip():
        raise InputError(
            "no article text after the header lines" if fields else "only white space, no text",
            where,
        )
    try:
        published = parse_published(fields.get("published"))
    except ValueError as exc:
        raise InputError(f"header 'published:': {exc}", where) from None
    return Document(
        doc_id=fields.get("doc_id") or where,
        text=body,
        published=published,
        outlet=fields.get("source") or None,
        url=fields.get("url") or None,
        title=fields.get("title") or None,
        lang=fields.get("lang") or "ar",
        path=path,
    )


def _read_jsonl(
    stream: io.BufferedReader, where: str, path: str | None, max_bytes: int
) -> Iterator[Document | ReadFailure]:
    head = stream.peek(4)[:4]
    lines: Iterable[bytes | str | None]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Rare for JSON lines: read it whole (within the limit) rather than stream it.
        lines = decode_bytes(_read_limited(stream, max_bytes, where), where).split("\n")
    else:
        lines = _byte_lines(stream, max_bytes)
    seen_any = False
    for number, raw in enumerate(lines, start=1):
        line_where = f"{where}:{number}"
        if raw is None:
            yield ReadFailure(
                line_where,
                f"line longer than the limit of {_mb(max_bytes)} (raise it with --max-bytes)",
            )
            continue
        try:
            if isinstance(raw, bytes):
                if number == 1 and raw.startswith(codecs.BOM_UTF8):
                    raw = raw[len(codecs.BOM_UTF8) :]
                if not raw.strip():
                    continue
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError:
                    line = decode_bytes(raw, line_where)
            else:
                line = raw
                if not line.strip():
                    continue
            seen_any = True
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"malformed JSON ({exc.msg} at column {exc.colno})") from None
            yield document_from_record(record, line_where, path)
        except InputError as exc:
            yield _failure(exc, line_where)
    if not seen_any:
        yield ReadFailure(where, "empty file" if not head else "no JSON lines, only white space")


def _byte_lines(stream: io.BufferedReader, max_bytes: int) -> Iterator[bytes | None]:
    """Lines of `stream`; None for a line over `max_bytes` (its bytes are skipped, not kept)."""
    limit = max_bytes + 1 if max_bytes else -1
    while True:
        line = stream.readline(limit)
        if not line:
            return
        if max_bytes and len(line) > max_bytes and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = stream.readline(1024 * 1024)
            yield None
            continue
        yield line


def _read_json(text: str, where: str, path: str | None) -> Iterator[Document | ReadFailure]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"malformed JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})", where
        ) from None
    if isinstance(data, dict):
        yield document_from_record(data, where, path)
        return
    if not isinstance(data, list):
        raise InputError("expected a JSON object or a list of objects", where)
    if not data:
        raise InputError("empty JSON list, no articles", where)
    for index, record in enumerate(data):
        item_where = f"{where}[{index}]"
        try:
            yield document_from_record(record, item_where, path)
        except InputError as exc:
            yield _failure(exc, item_where)


def _read_limited(stream: BinaryIO, max_bytes: int, where: str) -> bytes:
    data = stream.read(max_bytes + 1) if max_bytes else stream.read()
    if max_bytes and len(data) > max_bytes:
        raise InputError(
            f"more than the limit of {_mb(max_bytes)} per file (raise it with --max-bytes)", where
        )
    return data


def _failure(exc: InputError, where: str) -> ReadFailure:
    """The `ReadFailure` for `exc`, at the place it names or else at `where`."""
    if exc.path is None:
        return ReadFailure(where, str(exc))
    at = exc.path if exc.line is None else f"{exc.path}:{exc.line}"
    return ReadFailure(at, str(exc).removeprefix(f"{at}: "))


def _sniff(head: bytes) -> str:
    """Guess the format of unnamed input from its first bytes."""
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            head = head[len(bom) :].decode(codec, errors="ignore").encode("utf-8")
            break
    head = head.removeprefix(codecs.BOM_UTF8).lstrip()
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith(b"["):
        return "json"
    if head.startswith(b"<"):
        return "feed" if _FEED_ROOT.search(head) else "html"
    return "txt"


def _peekable(stream: BinaryIO) -> io.BufferedReader:
    if isinstance(stream, io.BufferedReader):
        return stream
    return io.BufferedReader(stream)  # type: ignore[arg-type]


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    return exc.strerror or str(exc)


def _file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "named pipe"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    return "special file"
