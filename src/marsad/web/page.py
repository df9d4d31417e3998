"""Render the map page: ONE self-contained HTML file, Leaflet and the data inlined.

Article text is untrusted. The page never turns data into markup: the data travels as JSON
in a `<script type="application/json">` block (escaped so that nothing in it can close the
block or open a comment, `embed_json`), and the page's script builds every popup with DOM
APIs (`textContent`, `createElement`). As a second wall, a Content-Security-Policy allows
only the page's own scripts, by hash: an injected `<script>` or `onerror=` handler would not
run even if markup ever slipped through.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from marsad.errors import InputError

__all__ = ["TILE_URL", "embed_json", "render_map", "write_map"]

_PLACEHOLDER = re.compile(r"\{\{([A-Z_]+)\}\}")
_SOURCE_MAP = re.compile(r"//# sourceMappingURL=\S+\s*$")
_CSS_IMAGE = re.compile(r"url\((images/[A-Za-z0-9_.-]+\.png)\)")
#: tiles the page may load when the user asks for online tiles (`--online-tiles`); the
#: page's script takes the URL from its data and the CSP allows its origin, nothing else
TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"


def embed_json(data: object) -> str:
    """JSON safe to place inside a `<script>` element: no `</`, `<!--`, `]]>` or U+2028/9.

    Every `<`, `>` and `&` becomes a `\\u00XX` escape (JSON allows them only inside strings,
    where the escape means the same character), and so do the two line separators that
    older JavaScript engines reject inside string literals.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _static(name: str) -> str:
    return resources.files("marsad.web").joinpath(name).read_text(encoding="utf-8")


def _static_bytes(name: str) -> bytes:
    return resources.files("marsad.web").joinpath(name).read_bytes()


def _leaflet_css() -> str:
    """Leaflet's CSS with its images as data: URIs (the page loads nothing from disk)."""

    def inline(match: re.Match[str]) -> str:
        data = base64.b64encode(_static_bytes(f"static/leaflet/{match.group(1)}")).decode()
        return f"url(data:image/png;base64,{data})"

    return _CSS_IMAGE.sub(inline, _static("static/leaflet/leaflet.css"))


def _script_text(source: str) -> str:
    text = _SOURCE_MAP.sub("", source)
    lowered = text.lower()
    if "</script" in lowered or "<!--" in lowered:
        raise InputError("a vendored script contains '</script' or '<!--': cannot inline it")
    return text


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def render_map(payload: dict[str, object]) -> str:
    """The HTML of the map page for `payload` (see `marsad.web.mapdata.map_payload`)."""
    scripts = {
        "LEAFLET_JS": _script_text(_static("static/leaflet/leaflet.js")),
        "MAP_JS": _script_text(_static("static/marsad-map.js")),
    }
    online = bool(payload.get("online_tiles"))
    tiles = urlsplit(TILE_URL)
    img = f"data: {tiles.scheme}://{tiles.netloc}" if online else "data:"
    csp = (
        "default-src 'none'; "
        f"script-src {' '.join(_hash(s) for s in scripts.values())}; "
        "style-src 'unsafe-inline'; "
        f"img-src {img}; "
        "connect-src 'none'; font-src 'none'; object-src 'none'; "
        "base-uri 'none'; form-action 'none'"
    )
    values = {
        "TITLE": html.escape(str(payload.get("title") or "marsad")),
        "CSP": html.escape(csp),
        "LEAFLET_CSS": _leaflet_css(),
        "MAP_CSS": _static("static/marsad-map.css"),
        "DATA": embed_json({**payload, "tile_url": TILE_URL} if online else payload),
        **scripts,
    }
    # One pass: text inserted for one placeholder is never scanned for another.
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], _static("templates/page.html"))


def write_map(path: Path, payload: dict[str, object]) -> Path:
    """Write the map page for `payload` to `path` (atomically) and return the path."""
    page = render_map(payload)
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    try:
        tmp.write_text(page, encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise InputError(f"cannot write the map: {exc.strerror}", str(path)) from exc
    return path
