"""The store's tables and their numbered migrations (plain SQLAlchemy Core, any dialect).

`documents` holds each article once (its text's sha256 is unique); `events` holds every
EVENTS.md field of every event found in a document; `schema_version` records the
migrations applied. A migration, once released, is never edited: a schema change is a new
migration appended to `MIGRATIONS`, and the table objects below must describe the schema
after the last one (tests/test_store_schema.py compares them with a migrated database):
they are migration 1's tables plus what each later migration added.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import sqlalchemy as sa

from marsad.errors import StoreError

__all__ = ["LATEST", "MIGRATIONS", "documents", "events", "metadata", "migrate", "schema_version"]

metadata = sa.MetaData()


# Migration 1's tables as first released. A released migration is never edited, so neither
# are these three functions; the table objects below are them plus what later migrations
# added, and migration 1 creates them from the same functions.


def _v1_schema_version() -> tuple[sa.SchemaItem, ...]:
    """The columns of `schema_version` (migration 1)."""
    return (
        sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("description", sa.String(200), nullable=False),
        sa.Column("applied_at", sa.DateTime, nullable=False),
    )


def _v1_documents() -> tuple[sa.SchemaItem, ...]:
    """The columns and indexes of `documents` (migration 1)."""
    return (
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("doc_id", sa.Text, nullable=False),
        # sha256 of the UTF-8 text: the same article ingested twice is stored once.
        sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("published", sa.Date),
        sa.Column("outlet", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("lang", sa.String(16), nullable=False),
        sa.Column("path", sa.Text),
        sa.Column("ingested_at", sa.DateTime, nullable=False),
        sa.Index("ix_documents_doc_id", "doc_id"),
        sa.Index("ix_documents_published", "published"),
    )


def _v1_events() -> tuple[sa.SchemaItem, ...]:
    """The columns and indexes of `events` (migration 1)."""
    return (
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "document_id",
            sa.Integer,
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("seq", sa.Integer, nullable=False),  # order of the event in its document
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("actor1", sa.String(64)),
        sa.Column("assoc1", sa.Text, nullable=False),  # JSON list of actor ids
        sa.Column("actor2", sa.String(64)),
        sa.Column("place", sa.Text, nullable=False),
        sa.Column("place_id", sa.String(128)),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("geo_precision", sa.Integer),
        sa.Column("date", sa.Date),
        sa.Column("time_precision", sa.Integer),
        sa.Column("modality", sa.String(16), nullable=False),
        sa.Column("source", sa.Text),
        sa.Column("fatalities", sa.Integer),
        sa.Column("partial", sa.Boolean, nullable=False),
        sa.Column("evidence_start", sa.Integer, nullable=False),
        sa.Column("evidence_end", sa.Integer, nullable=False),
        sa.Index("ix_events_document_id", "document_id"),
        sa.Index("ix_events_date", "date"),
        sa.Index("ix_events_kind", "kind"),
        sa.Index("ix_events_actor1", "actor1"),
        sa.Index("ix_events_place_id", "place_id"),
    )


schema_version = sa.Table("schema_version", metadata, *_v1_schema_version())

documents = sa.Table("documents", metadata, *_v1_documents())

events = sa.Table(
    "events",
    metadata,
    *_v1_events(),
    # Cross-document merge (migration 2): the event row this one reports again, or NULL
    # when this row is the first report of its event (ARCHITECTURE.md: one real event,
    # many sources).
    sa.Column("merged_into", sa.Integer, sa.ForeignKey("events.id", ondelete="SET NULL")),
    sa.Index("ix_events_merged_into", "merged_into"),
)


def _v1_base(conn: sa.Connection) -> None:
    """Documents, events and the version table, as first released."""
    md = sa.MetaData()
    sa.Table("schema_version", md, *_v1_schema_version())
    sa.Table("documents", md, *_v1_documents())
    sa.Table("events", md, *_v1_events())
    md.create_all(conn)


def _v2_merge(conn: sa.Connection) -> None:
    """Cross-document merge: `events.merged_into` points a repeated report at its first one."""
    # ALTER TABLE ... ADD COLUMN with a nullable reference is standard SQL (SQLite, PostgreSQL).
    conn.exec_driver_sql(
        "ALTER TABLE events ADD COLUMN merged_into INTEGER REFERENCES events(id) ON DELETE SET NULL"
    )
    conn.exec_driver_sql("CREATE INDEX ix_events_merged_into ON events (merged_into)")


#: (version, description, upgrade): applied in order, each in its own transaction.
MIGRATIONS: tuple[tuple[int, str, Callable[[sa.Connection], None]], ...] = (
    (1, "documents, events, schema_version", _v1_base),
    (2, "events.merged_into for the cross-document merge", _v2_merge),
)
LATEST = MIGRATIONS[-1][0]


def current_version(conn: sa.Connection, where: str) -> int:
    """The schema version of the database behind `conn` (0 for an empty database).

    Raises `StoreError` for a database with tables that is not marsad's, or one written by a
    newer marsad.
    """
    names = set(sa.inspect(conn).get_table_names())
    if not names:
        return 0
    if "schema_version" not in names:
        shown = ", ".join(sorted(names)[:5]) + (", ..." if len(names) > 5 else "")
        raise StoreError(f"{where} is not a marsad database (it has other tables: {shown})")
    version = conn.execute(sa.select(sa.func.max(schema_version.c.version))).scalar()
    if version is None or not {"documents", "events"} <= names:
        raise StoreError(f"{where} is not a marsad database (schema_version without its tables)")
    if version > LATEST:
        raise StoreError(
            f"{where} has schema version {version}, newer than this marsad knows "
            f"({LATEST}): upgrade marsad to open it"
        )
    return int(version)


def migrate(engine: sa.Engine, where: str) -> int:
    """Bring the database up to `LATEST`, one transaction per migration; return the version."""
    with engine.connect() as conn:
        version = current_version(conn, where)
    for number, description, upgrade in MIGRATIONS:
        if number <= version:
            continue
        with engine.connect().execution_options(marsad_write=True) as conn, conn.begin():
            # Re-check inside the transaction: another process may have migrated meanwhile.
            if current_version(conn, where) >= number:
                continue
            upgrade(conn)
            conn.execute(
                schema_version.insert().values(
                    version=number,
                    description=description,
                    applied_at=dt.datetime.now(dt.UTC).replace(tzinfo=None),
                )
            )
        version = number
    return version
