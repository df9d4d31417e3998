"""One error hierarchy for the library (HOUSE_STYLE.md §4).

The library only raises these; the CLI turns each into one clear line on stderr and a
non-zero exit, never a traceback.
"""

from __future__ import annotations


class MarsadError(Exception):
    """Base of every error marsad raises on purpose."""


class _Located(MarsadError):
    """An error about a place in a file: the message starts with `path` or `path:line`."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        self.path = path
        self.line = line
        where = path if line is None else f"{path}:{line}"
        super().__init__(f"{where}: {message}" if where else message)


class InputError(_Located):
    """A file, line or stream could not be read as an article."""


class LexiconError(_Located):
    """A lexicon file is malformed; the message names `path:line`."""


class GazetteerError(MarsadError):
    """The gazetteer index or a gazetteer source could not be read or built."""


class StoreError(MarsadError):
    """The database could not be opened, migrated, read or written."""


class ConfigError(MarsadError):
    """A setting, option or environment variable has an unusable value."""


class EvalError(MarsadError):
    """A gold file could not be scored."""
