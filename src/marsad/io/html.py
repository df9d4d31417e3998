"""HTML pages and fragments to article text.

A whole page goes through trafilatura (main text without menus, comments and scripts, plus
its metadata: date, site name, title, canonical URL). A fragment (a feed entry's content)
is only reduced to its text, one line per block element.
"""

from __future__ import annotations

import logging
import re

import lxml.etree
import lxml.html

from marsad.errors import InputError
from marsad.io.records import parse_published
from marsad.model import Document

__all__ = ["document_from_html", "html_to_text"]

log = logging.getLogger(__name__)

_BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tr",
        "ul",
    ]
)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# Dates only from the page's own metadata: htmldate's "extensive search" would take any
# date-like string of the body as the publication date, silently wrong for news pages
# that quote other dates.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def document_from_html(text: str, where: str, path: str | None = None) -> Document:
    """The article of an HTML page: its main text and metadata; `InputError` when it has none."""
    import trafilatura  # deferred: importing it costs ~0.3 s, needed only for HTML input

    try:
        # lxml refuses a str that still carries its XML declaration (XHTML pages).
        tree = lxml.html.document_fromstring(_XML_DECLARATION.sub("", text, count=1))
        # A <noscript> holds a "turn on JavaScript" notice, never the article; trafilatura
        # would take it for the text of a page that has none.
        for node in tree.xpath("//noscript|//template"):
            node.drop_tree()
        result = trafilatura.bare_extraction(
            tree,
            with_metadata=True,
            include_comments=False,
            include_images=False,
            date_extraction_params=_DATE_PARAMS,
        )
    except (ValueError, TypeError, lxml.etree.LxmlError) as exc:
        raise InputError(f"cannot parse HTML ({exc})", where) from None
    body = getattr(result, "text", None) if result is not None else None
    if not body or not body.strip():
        raise InputError("no article text in this HTML page (only scripts, menus or markup)", where)
    try:
        published = parse_published(getattr(result, "date", None))
    except ValueError:
        log.info("%s: ignoring unparseable page date %r", where, getattr(result, "date", None))
        published = None
    return Document(
        doc_id=where,
        text=body,
        published=published,
        outlet=getattr(result, "sitename", None) or None,
        url=getattr(result, "url", None) or None,
        title=getattr(result, "title", None) or None,
        path=path,
    )


def html_to_text(fragment: str) -> str:
    """Text of an HTML fragment: scripts and styles dropped, one line per paragraph or block."""
    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.LxmlError, ValueError):
        return ""
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        if tag == "br":
            element.tail = "\n" + (element.tail or "")
        elif tag in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
            element.text = "\n" + (element.text or "")
    lines = (line.strip() for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)
