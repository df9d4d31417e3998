"""The JSON-lines files of ../shared read as dicts, for the bench scripts."""

from __future__ import annotations

import json
from pathlib import Path


def load_jsonl(paths: list[Path]) -> list[dict]:
    """Every non-blank line of `paths`, parsed, in order."""
    docs: list[dict] = []
    for path in paths:
        with path.open(encoding="utf-8") as fh:
            docs += [json.loads(line) for line in fh if line.strip()]
    return docs
