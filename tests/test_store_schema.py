"""Migrations: a migrated database has the schema the code queries, and old ones upgrade."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import sqlalchemy as sa

from marsad.store import SCHEMA_VERSION, open_store
from marsad.store.dialects import create_engine, resolve_url
from marsad.store.schema import MIGRATIONS, metadata, schema_version


def _columns(engine: sa.Engine) -> dict[str, dict[str, tuple[str, bool]]]:
    inspector = sa.inspect(engine)
    return {
        table: {
            c["name"]: (type(c["type"]).__name__.upper(), bool(c["nullable"]))
            for c in inspector.get_columns(table)
        }
        for table in inspector.get_table_names()
    }


def _indexes(engine: sa.Engine) -> dict[str, set[str]]:
    inspector = sa.inspect(engine)
    return {
        table: {i["name"] for i in inspector.get_indexes(table)}
        for table in inspector.get_table_names()
    }


def test_migrations_build_the_schema_the_code_describes(tmp_path: Path) -> None:
    open_store(tmp_path / "migrated.db").close()
    fresh = create_engine(resolve_url(tmp_path / "created.db"))
    metadata.create_all(fresh)
    migrated = create_engine(resolve_url(tmp_path / "migrated.db"))
    try:
        assert _columns(migrated) == _columns(fresh)
        assert _indexes(migrated) == _indexes(fresh)
    finally:
        fresh.dispose()
        migrated.dispose()


def test_versions_are_numbered_from_one_without_gaps() -> None:
    assert [number for number, _, _ in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))
    assert len(MIGRATIONS) == SCHEMA_VERSION


def test_a_version_1_database_is_upgraded_keeping_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    engine = create_engine(resolve_url(path))
    number, description, upgrade = MIGRATIONS[0]
    with engine.begin() as conn:
        upgrade(conn)
        conn.execute(
            schema_version.insert().values(
                version=number, description=description, applied_at=dt.datetime(2024, 1, 1)
            )
        )
        conn.exec_driver_sql(
            "INSERT INTO documents (doc_id, content_hash, text, lang, ingested_at) "
            "VALUES ('old', 'abc', 'نص قديم', 'ar', '2024-01-01 00:00:00')"
        )
        conn.exec_driver_sql(
            "INSERT INTO events (document_id, seq, kind, assoc1, place, modality, partial, "
            "evidence_start, evidence_end) VALUES (1, 0, 'clash', '[]', 'راوة', 'asserted', 0, 0, 3)"
        )
    engine.dispose()
    with open_store(path) as store:
        [stored] = store.iter_events()
        assert (stored.doc_id, stored.event.place, stored.sources) == ("old", "راوة", ("old",))
        assert store.get_document("old").text == "نص قديم"
    engine = create_engine(resolve_url(path))
    with engine.connect() as conn:
        versions = conn.execute(sa.select(schema_version.c.version)).scalars().all()
    engine.dispose()
    assert versions == list(range(1, SCHEMA_VERSION + 1))
