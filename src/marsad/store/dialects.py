"""Where the database URL comes from, and everything specific to one database dialect.

The rest of `marsad.store` is plain SQLAlchemy Core; what only SQLite needs (checking the
file before opening it, WAL mode, foreign keys, taking the write lock at the start of a
write transaction) lives here, so that a PostgreSQL store adds its own branch here and
nothing else changes for callers.
"""

from __future__ import annotations

import os
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.pool import StaticPool

from marsad.errors import StoreError

__all__ = ["DEFAULT_URL", "ENV_VAR", "create_engine", "resolve_url", "sqlite_path"]

#: The environment variable that names the database when `--db` is not given.
ENV_VAR = "MARSAD_DB"
#: The database used when neither `--db` nor `MARSAD_DB` is given.
DEFAULT_URL = "sqlite:///marsad.db"

_SQLITE_MAGIC = b"SQLite format 3\x00"
# Seconds a writer waits for another writer's lock before giving up (two ingests at once).
_BUSY_TIMEOUT = 30


def resolve_url(url: str | os.PathLike[str] | None) -> sa.URL:
    """The SQLAlchemy URL for `url`, `$MARSAD_DB` or the default; a plain path means SQLite."""
    if url is None or url == "":
        url = os.environ.get(ENV_VAR) or DEFAULT_URL
    if isinstance(url, os.PathLike):
        return sa.URL.create("sqlite", database=os.fspath(url))
    if "://" not in url:
        return sa.URL.create("sqlite", database=url)
    try:
        return sa.make_url(url)
    except sa.exc.ArgumentError as exc:
        raise StoreError(f"not a database URL: {url!r} ({exc})") from None


def sqlite_path(url: sa.URL) -> Path | None:
    """The file of a SQLite URL, or None for other databases and in-memory SQLite."""
    if url.get_backend_name() != "sqlite":
        return None
    database = url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


def create_engine(url: sa.URL, *, create: bool = True) -> sa.Engine:
    """An engine for `url`, after checking a SQLite file is usable (or may be created)."""
    backend = url.get_backend_name()
    if backend != "sqlite":
        try:
            return sa.create_engine(url)
        except (sa.exc.ArgumentError, sa.exc.NoSuchModuleError, ImportError) as exc:
            raise StoreError(f"cannot use database {_shown(url)}: {exc}") from None
    path = sqlite_path(url)
    if path is not None:
        _check_sqlite_file(path, create)
    kwargs: dict[str, object] = {"connect_args": {"timeout": _BUSY_TIMEOUT}}
    if path is None:
        # One shared connection, or an in-memory database would vanish between calls.
        kwargs["poolclass"] = StaticPool
        kwargs["connect_args"] = {"timeout": _BUSY_TIMEOUT, "check_same_thread": False}
    engine = sa.create_engine(url, **kwargs)
    _configure_sqlite(engine)
    return engine


def _check_sqlite_file(path: Path, create: bool) -> None:
    if path.is_dir():
        raise StoreError(f"{path} is a directory, not a database file")
    if path.exists():
        try:
            with open(path, "rb") as handle:
                head = handle.read(len(_SQLITE_MAGIC))
        except OSError as exc:
            raise StoreError(f"cannot read database {path}: {exc.strerror or exc}") from None
        if head and head != _SQLITE_MAGIC:
            raise StoreError(f"{path} is not a SQLite database (so not a marsad database)")
        return
    if not create:
        raise StoreError(f"no database at {path} (create one with `marsad ingest`)")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise StoreError(f"cannot create database {path}: folder {folder} does not exist")


def _configure_sqlite(engine: sa.Engine) -> None:
    """WAL, foreign keys, and BEGIN IMMEDIATE for writes (so two writers queue, not fail)."""

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        # The driver must not open transactions on its own: we emit BEGIN in `_on_begin`.
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        try:
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
        finally:
            cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        # A write takes the lock at BEGIN: its reads (is this text already stored?) then see
        # the database no other writer changes before it commits.
        write = conn.get_execution_options().get("marsad_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _shown(url: sa.URL) -> str:
    return url.render_as_string(hide_password=True)
