"""The store: documents and events in SQLite (default) or another SQLAlchemy database.

`open_store(url)` opens and migrates a database; `Store.add` stores documents with their
events; `Store.iter_events` queries them. See `marsad.store.sql` for the guarantees.
"""

from marsad.store.dialects import DEFAULT_URL, ENV_VAR, resolve_url
from marsad.store.schema import LATEST as SCHEMA_VERSION
from marsad.store.sql import IngestResult, Store, content_hash, open_store

__all__ = [
    "DEFAULT_URL",
    "ENV_VAR",
    "SCHEMA_VERSION",
    "IngestResult",
    "Store",
    "content_hash",
    "open_store",
    "resolve_url",
]
