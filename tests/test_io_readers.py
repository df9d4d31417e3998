"""Readers: text with headers, JSON lines, JSON, HTML, feeds, stdin, folders, bad input."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
from pathlib import Path

import pytest

from marsad.errors import InputError
from marsad.examples import example_paths
from marsad.io import ReadFailure, estimate_count, parse_published, parse_size, read_documents
from marsad.io.readers import parse_text
from marsad.model import Document

ARTICLES = {p.stem: parse_text(p.read_text(encoding="utf-8"), str(p)) for p in example_paths()}
SEED = ARTICLES["seed-almayadeen-2017-10-25"]
SHORT = ARTICLES["sa-cw-ARB090217"]  # Syrian Archive / Mnemonic, CC BY-SA 4.0


def read_all(*paths: object, **kwargs: object) -> list[Document | ReadFailure]:
    return list(read_documents([str(p) for p in paths], **kwargs))  # type: ignore[arg-type]


def documents(items: list[Document | ReadFailure]) -> list[Document]:
    return [i for i in items if isinstance(i, Document)]


def failures(items: list[Document | ReadFailure]) -> list[ReadFailure]:
    return [i for i in items if isinstance(i, ReadFailure)]


# -- text files -------------------------------------------------------------------------------


def test_bundled_seed_article_has_its_metadata() -> None:
    assert SEED.doc_id == "seed-almayadeen-2017-10-25"
    assert SEED.published == dt.date(2017, 10, 25)
    assert SEED.outlet == "الميادين"
    assert SEED.text.startswith("نقاط تماس بين الجيش السوري والقوات العراقية")
    assert SEED.text.endswith("على أساس الدستور العراقي.")  # nothing added at the end


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_header_lines_then_blank_line(tmp_path: Path, newline: str) -> None:
    body = f"سطر أول{newline}سطر ثان{newline}"
    head = newline.join(
        ["published: 2017-10-25", "source: الميادين", "url: https://example.org/a", "title: عنوان"]
    )
    path = tmp_path / "a.txt"
    path.write_bytes((head + newline + newline + body).encode("utf-8"))
    [doc] = read_all(path)
    assert isinstance(doc, Document)
    assert doc.text == body  # kept exactly, line endings and final newline included
    assert (doc.published, doc.outlet, doc.url, doc.title) == (
        dt.date(2017, 10, 25),
        "الميادين",
        "https://example.org/a",
        "عنوان",
    )
    assert doc.doc_id == str(path)
    assert doc.path == str(path)


def test_header_lines_then_straight_text(tmp_path: Path) -> None:
    path = tmp_path / "b.txt"
    path.write_text("Published: 2023-03-25T10:00:00Z\nالجيش السوري يتقدم.", encoding="utf-8")
    [doc] = read_all(path)
    assert isinstance(doc, Document)
    assert doc.text == "الجيش السوري يتقدم."
    assert doc.published == dt.date(2023, 3, 25)


def test_no_header_keeps_everything(tmp_path: Path) -> None:
    text = "\n  عنوان: ليس رأساً\nنص الخبر.\n"
    path = tmp_path / "c.txt"
    path.write_text(text, encoding="utf-8")
    [doc] = read_all(path)
    assert isinstance(doc, Document) and doc.text == text and doc.published is None


def test_header_only_and_bad_date_fail(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("title: عنوان\n\n  \n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("published: أمس\n\nنص.", encoding="utf-8")
    items = read_all(tmp_path)
    assert [(Path(f.where).name, f.error) for f in failures(items)] == [
        ("a.txt", "no article text after the header lines"),
        ("b.txt", "header 'published:': not a date: 'أمس'"),
    ]


def test_whitespace_only_file(tmp_path: Path) -> None:
    (tmp_path / "w.txt").write_text(" \n\t\n", encoding="utf-8")
    [failure] = read_all(tmp_path / "w.txt")
    assert failure == ReadFailure(str(tmp_path / "w.txt"), "only white space, no text")


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16", "cp1256"])
def test_text_file_in_every_encoding(tmp_path: Path, codec: str) -> None:
    header = "published: 2017-10-25\nsource: الميادين\n\n"
    text = SEED.text.encode("cp1256", errors="ignore").decode("cp1256")
    path = tmp_path / f"seed-{codec}.txt"
    path.write_bytes((header + text).encode(codec))
    [doc] = read_all(path)
    assert isinstance(doc, Document)
    assert doc.text == text and doc.outlet == "الميادين"


# -- bad files --------------------------------------------------------------------------------


def test_bad_files_each_get_one_reason_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "1-empty.txt").write_bytes(b"")
    (tmp_path / "2-binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "3-truncated.txt").write_bytes((SHORT.text + " نص").encode("utf-8")[:-1])
    (tmp_path / "4-good.txt").write_text(SHORT.text, encoding="utf-8")
    items = read_all(tmp_path)
    assert [d.text for d in documents(items)] == [SHORT.text]
    reasons = {Path(f.where).name: f.error for f in failures(items)}
    assert reasons["1-empty.txt"] == "empty file"
    assert reasons["2-binary.txt"].startswith("binary file")
    assert reasons["3-truncated.txt"].startswith("invalid UTF-8 at byte")
    assert "truncated" in reasons["3-truncated.txt"]


def test_fifty_megabyte_file_is_refused_then_read_with_a_higher_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    line = (SHORT.text.replace("\n", " ") + "\n").encode("utf-8")
    with open(path, "wb") as handle:
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            handle.write(line)
    size = path.stat().st_size
    assert size > 50 * 1024 * 1024
    [failure] = read_all(path)
    assert isinstance(failure, ReadFailure)
    assert failure.error.startswith("file is 50.")
    assert "over the limit of 20.0 MB" in failure.error and "--max-bytes" in failure.error
    [doc] = read_all(path, max_bytes=parse_size("64MB"))
    assert isinstance(doc, Document)
    assert len(doc.text.encode("utf-8")) == size
    assert doc.text.startswith(SHORT.text.replace("\n", " "))
    [doc] = read_all(path, max_bytes=0)  # 0: no limit
    assert isinstance(doc, Document)


def test_unreadable_files_in_a_folder(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(SHORT.text, encoding="utf-8")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    os.mkfifo(tmp_path / "pipe.txt")  # reading it would block: must be skipped, not opened
    locked = tmp_path / "locked.txt"
    locked.write_text(SHORT.text + " مقفل", encoding="utf-8")
    locked.chmod(0)
    try:
        items = read_all(tmp_path)
    finally:
        locked.chmod(0o644)
    reasons = {Path(f.where).name: f.error for f in failures(items)}
    assert reasons["dangling.txt"] == "broken symbolic link"
    assert reasons["pipe.txt"] == "not a regular file (named pipe), skipped"
    texts = [d.text for d in documents(items)]
    assert SHORT.text in texts
    if os.geteuid() == 0:
        # root reads a chmod 000 file anyway: then it is simply read.
        assert SHORT.text + " مقفل" in texts
    else:
        assert reasons["locked.txt"] == "permission denied"


def test_unreadable_subfolder_is_reported(tmp_path: Path) -> None:
    (tmp_path / "top.txt").write_text("نص في الأعلى", encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "a.txt").write_text(SHORT.text, encoding="utf-8")
    sub.chmod(0)
    try:
        items = read_all(tmp_path)
    finally:
        sub.chmod(0o755)
    assert "نص في الأعلى" in [d.text for d in documents(items)]  # the walk goes on
    if os.geteuid() == 0:
        # root lists and reads a chmod 000 folder anyway: then its files are simply read.
        assert SHORT.text in [d.text for d in documents(items)]
    else:
        assert [(f.where, f.error) for f in failures(items)] == [(str(sub), "permission denied")]


def test_missing_path_and_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.pdf").write_bytes(b"%PDF")
    items = read_all(tmp_path / "nope.txt", tmp_path / "empty")
    assert [f.error for f in failures(items)] == [
        "no such file or directory",
        "no .txt, .html, .jsonl, .json or feed files in this folder (1 files of other types ignored)",
    ]


def test_folder_walk_is_sorted_and_skips_hidden_and_other_types(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "sub/c.txt", ".hidden.txt", ".git/d.txt", "notes.pdf"):
        path = tmp_path / name
        path.parent.mkdir(exist_ok=True)
        path.write_text(f"نص {name}", encoding="utf-8")
    names = [Path(d.doc_id).relative_to(tmp_path).as_posix() for d in documents(read_all(tmp_path))]
    assert names == ["a.txt", "b.txt", "sub/c.txt"]


# -- JSON lines, JSON ---------------------------------------------------------------------------


def _jsonl(*records: object) -> str:
    return "".join(
        (r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in records
    )


def test_jsonl_fields_ids_and_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_text(
        _jsonl(
            {
                "id": "sa-cw-ARB090217",
                "source": "Syrian Archive",
                "url_or_origin": "github:mnemonicorg/syrianarchive-api",
                "published": None,
                "title": "هجوم بغاز الكلور",
                "text": SHORT.text,
            },
            {
                "doc_id": "seed",
                "published": "2017-10-25",
                "source": "الميادين",
                "text": SEED.text,
                "events": [{"kind": "capture", "place": "طابية الجزيرة"}],
            },
            "",
            {"text": "خبر بلا معرّف", "url": "https://example.org/x", "lang": "ar"},
            {"id": 42, "text": "معرّف رقمي"},
        ),
        encoding="utf-8",
    )
    docs = documents(read_all(path))
    assert [d.doc_id for d in docs] == ["sa-cw-ARB090217", "seed", f"{path}:4", "42"]
    assert docs[0].outlet == "Syrian Archive" and docs[0].published is None
    assert docs[0].url == "github:mnemonicorg/syrianarchive-api"
    assert docs[0].title == "هجوم بغاز الكلور" and docs[0].text == SHORT.text
    assert docs[1].text == SEED.text and docs[1].published == dt.date(2017, 10, 25)
    assert docs[2].url == "https://example.org/x"
    assert all(d.path == str(path) for d in docs)


def test_jsonl_bad_lines_are_reported_with_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        _jsonl(
            {"id": "a", "text": "أول"},
            '{"id": "b", "text": "مقطوع',
            {"id": "c"},
            {"id": "d", "text": ""},
            {"id": "e", "text": "نص", "published": "yesterday"},
            ["not", "an", "object"],
            {"id": "f", "text": 7},
            {"id": "g", "text": "أخير"},
        ),
        encoding="utf-8",
    )
    items = read_all(path)
    assert [d.doc_id for d in documents(items)] == ["a", "g"]
    assert [(f.where.rsplit(":", 1)[1], f.error.split(" (")[0]) for f in failures(items)] == [
        ("2", "malformed JSON"),
        ("3", "no 'text' field"),
        ("4", "'text' is empty"),
        ("5", "field 'published': not a date: 'yesterday'"),
        ("6", "expected a JSON object, got list"),
        ("7", "'text' should be a string, not int"),
    ]


def test_jsonl_line_over_the_limit_is_skipped_and_counting_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "long.jsonl"
    path.write_text(
        _jsonl({"id": "a", "text": "ن" * 5000}, {"id": "b", "text": "قصير"}), encoding="utf-8"
    )
    items = read_all(path, max_bytes=1000)
    assert [d.doc_id for d in documents(items)] == ["b"]
    [failure] = failures(items)
    assert failure.where == f"{path}:1" and "limit" in failure.error


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16"])
def test_jsonl_with_bom(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "bom.jsonl"
    path.write_bytes(
        _jsonl({"id": "a", "text": SHORT.text}, {"id": "b", "text": "ثان"}).encode(codec)
    )
    assert [d.text for d in documents(read_all(path))] == [SHORT.text, "ثان"]


def test_jsonl_in_cp1256_line_by_line(tmp_path: Path) -> None:
    path = tmp_path / "legacy.jsonl"
    path.write_bytes(_jsonl({"id": "a", "text": "الجيش السوري يسيطر على القرية"}).encode("cp1256"))
    [doc] = read_all(path)
    assert isinstance(doc, Document) and doc.text == "الجيش السوري يسيطر على القرية"


def test_empty_jsonl(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_bytes(b"")
    (tmp_path / "b.jsonl").write_bytes(b"\n \n")
    assert [f.error for f in failures(read_all(tmp_path))] == [
        "empty file",
        "no JSON lines, only white space",
    ]


def test_json_object_and_list(tmp_path: Path) -> None:
    (tmp_path / "one.json").write_text(json.dumps({"id": "x", "text": "نص"}), encoding="utf-8")
    (tmp_path / "many.json").write_text(
        json.dumps([{"text": "أ"}, {"nope": 1}, {"id": "y", "text": "ب"}]), encoding="utf-8"
    )
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    items = read_all(tmp_path)
    assert [d.doc_id for d in documents(items)] == [f"{tmp_path / 'many.json'}[0]", "y", "x"]
    assert [f.where.rsplit("/", 1)[1] for f in failures(items)] == ["bad.json", "many.json[1]"]


# -- HTML and feeds -------------------------------------------------------------------------------


def test_html_article_main_text_and_metadata(data_dir: Path) -> None:
    [doc] = read_all(data_dir / "io" / "article.html")
    assert isinstance(doc, Document)
    assert "زردنا" in doc.text and "نُشرت تقارير على وسائل التواصل" in doc.text
    for noise in ("الرئيسية", "dataLayer", "track()", "direction: rtl", "جميع الحقوق"):
        assert noise not in doc.text
    assert doc.published == dt.date(2018, 12, 17)
    assert doc.outlet == "الأرشيف السوري"
    assert doc.title and doc.title.startswith("استهداف أحياء سكنية في زردنا")
    assert doc.url == "https://example.org/ar/investigations/zardana"


def test_html_in_windows_1256(tmp_path: Path, data_dir: Path) -> None:
    page = (data_dir / "io" / "article.html").read_text(encoding="utf-8")
    page = page.replace('<meta charset="utf-8">', '<meta charset="windows-1256">')
    path = tmp_path / "legacy.htm"
    path.write_bytes(page.encode("cp1256", errors="ignore"))
    [doc] = read_all(path)
    assert isinstance(doc, Document) and "زردنا" in doc.text


def test_html_with_scripts_and_no_article(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text(
        "<html><head><script>var a = 1;</script></head>"
        "<body><script>document.write('x')</script><noscript>فعّل جافاسكربت</noscript></body></html>",
        encoding="utf-8",
    )
    [failure] = read_all(path)
    assert isinstance(failure, ReadFailure)
    assert failure.error.startswith("no article text in this HTML page")


def test_rss_entries(data_dir: Path) -> None:
    items = read_all(data_dir / "io" / "feed.rss")
    docs = documents(items)
    assert [d.doc_id for d in docs] == ["ARB090217", "https://example.org/ar/incidents/LAT300317"]
    assert docs[0].text == SHORT.text  # the HTML of the entry reduced to its text
    assert "alert" not in docs[0].text
    assert docs[0].published == dt.date(2017, 2, 9)
    assert docs[0].outlet == "الأرشيف السوري"
    assert docs[0].title == "هجوم بغاز الكلور على عربين، دمشق في 9 فبراير 2017"
    assert docs[1].url == "https://example.org/ar/incidents/LAT300317"
    [failure] = failures(items)
    assert failure.where.endswith("feed.rss#3") and "no text" in failure.error


def test_atom_entry_prefers_full_content(data_dir: Path) -> None:
    [doc] = read_all(data_dir / "io" / "feed.atom")
    assert isinstance(doc, Document)
    assert doc.doc_id == "urn:example:zardana"
    assert doc.text.startswith("في 7 حزيران / يونيو 2018") and "\n" in doc.text
    assert doc.published == dt.date(2018, 12, 17)


def test_rss_declared_windows_1256(tmp_path: Path, data_dir: Path) -> None:
    feed = (data_dir / "io" / "feed.rss").read_text(encoding="utf-8")
    feed = feed.replace('encoding="utf-8"', 'encoding="windows-1256"')
    path = tmp_path / "legacy.xml"
    path.write_bytes(feed.encode("cp1256"))
    docs = documents(read_all(path))
    assert docs[0].text == SHORT.text and docs[0].outlet == "الأرشيف السوري"


def test_broken_feed(tmp_path: Path) -> None:
    (tmp_path / "bad.rss").write_text("<rss><channel><title>x</title>", encoding="utf-8")
    [failure] = read_all(tmp_path / "bad.rss")
    assert isinstance(failure, ReadFailure) and "feed" in failure.error


# -- standard input and sniffing ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("payload", "ids"),
    [
        (("title: عنوان\n\n" + SHORT.text).encode(), ["<stdin>"]),
        (_jsonl({"id": "a", "text": "أ"}, {"text": "ب"}).encode(), ["a", "<stdin>:2"]),
        (json.dumps([{"id": "a", "text": "أ"}]).encode(), ["a"]),
        (
            (Path(__file__).parent / "data" / "io" / "feed.atom").read_bytes(),
            ["urn:example:zardana"],
        ),
        ((Path(__file__).parent / "data" / "io" / "article.html").read_bytes(), ["<stdin>"]),
        (SHORT.text.encode("utf-16"), ["<stdin>"]),
    ],
)
def test_stdin_is_sniffed(payload: bytes, ids: list[str]) -> None:
    items = read_all("-", stdin=io.BytesIO(payload))
    assert [d.doc_id for d in documents(items)] == ids
    assert all(d.path is None for d in documents(items))


def test_stdin_empty_and_over_the_limit() -> None:
    assert read_all("-", stdin=io.BytesIO(b"")) == [ReadFailure("<stdin>", "empty file")]
    [failure] = read_all("-", stdin=io.BytesIO(SHORT.text.encode()), max_bytes=100)
    assert isinstance(failure, ReadFailure) and "limit" in failure.error


def test_named_pipe_given_explicitly_is_read(tmp_path: Path) -> None:
    fifo = tmp_path / "stream"
    os.mkfifo(fifo)
    pid = os.fork()
    if pid == 0:  # the writer
        try:
            with open(fifo, "wb") as handle:
                handle.write(_jsonl({"id": "p", "text": SHORT.text}).encode())
        finally:
            os._exit(0)
    try:
        [doc] = read_all(fifo)
    finally:
        os.waitpid(pid, 0)
    assert isinstance(doc, Document) and doc.doc_id == "p"


def test_estimate_count(tmp_path: Path, data_dir: Path) -> None:
    (tmp_path / "a.jsonl").write_text(
        _jsonl({"text": "أ"}, {"text": "ب"}, {"text": "ج"}), encoding="utf-8"
    )
    (tmp_path / "b.txt").write_text("نص", encoding="utf-8")
    assert estimate_count([tmp_path, data_dir / "io" / "feed.rss"]) == 3 + 1 + 3
    assert estimate_count(["-"]) is None


# -- small parsers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2017-10-25", dt.date(2017, 10, 25)),
        ("2017-10-25T23:30:00+03:00", dt.date(2017, 10, 25)),
        ("2017-10-25 08:00", dt.date(2017, 10, 25)),
        ("Wed, 25 Oct 2017 10:00:00 GMT", dt.date(2017, 10, 25)),
        ("", None),
        (None, None),
    ],
)
def test_parse_published(value: str | None, day: dt.date | None) -> None:
    assert parse_published(value) == day


@pytest.mark.parametrize("value", ["25/10/2017", "2017-13-01", "2017-10-25x", "أمس", 20171025])
def test_parse_published_refuses(value: object) -> None:
    with pytest.raises(ValueError, match=r"^not a date: "):
        parse_published(value)


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("20MB", 20 * 1024**2),
        ("512k", 512 * 1024),
        ("1.5G", int(1.5 * 1024**3)),
        ("0", 0),
        ("100", 100),
    ],
)
def test_parse_size(text: str, size: int) -> None:
    assert parse_size(text) == size


def test_parse_size_refuses() -> None:
    with pytest.raises(ValueError, match="not a size"):
        parse_size("lots")


def test_input_error_names_the_file() -> None:
    with pytest.raises(InputError, match=r"^x\.txt: only white space"):
        parse_text("  ", "x.txt")


def test_xhtml_with_an_xml_declaration(tmp_path: Path, data_dir: Path) -> None:
    page = (data_dir / "io" / "article.html").read_text(encoding="utf-8")
    page = page.replace("<!DOCTYPE html>", '<?xml version="1.0" encoding="utf-8"?>', 1)
    path = tmp_path / "page.xhtml"
    path.write_text(page, encoding="utf-8")
    [doc] = read_all(path)
    assert isinstance(doc, Document) and "زردنا" in doc.text
