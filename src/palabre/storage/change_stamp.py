"""A cheap "has anything been committed since?" marker for the whole database, shared by every
process that uses it. The read cache (web/read_cache.py) keeps a response only as long as the
stamp it read *before* building that response is still the current one.

- SQLite: `PRAGMA data_version` on a connection of our own that never writes. SQLite changes the
  value whenever another connection, of this process or of any other, commits to the file.
- PostgreSQL: `pg_current_wal_lsn()`. Every commit writes WAL, so the position moves past any
  committed change; other WAL activity (vacuum, other databases of the cluster) only costs a
  cache miss, never a stale answer.
- Anything else (an in-memory SQLite base, an unknown backend): no stamp, nothing is cached.

A stamp that cannot be read returns None: the caller then serves without the cache."""

from __future__ import annotations

import logging
import sqlite3
import threading
from typing import Any, Protocol

from sqlalchemy import Engine

log = logging.getLogger(__name__)


class ChangeStamp(Protocol):
    def read(self) -> object | None:
        """An opaque value that differs from every earlier one once anything was committed."""


class SQLiteStamp:
    def __init__(self, path: str) -> None:
        self._path = path
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = None

    def read(self) -> object | None:
        with self._lock:
            try:
                if self._connection is None:
                    # Never written through; isolation_level=None: no implicit transaction.
                    self._connection = sqlite3.connect(
                        self._path, check_same_thread=False, isolation_level=None, timeout=1.0
                    )
                row = self._connection.execute("PRAGMA data_version").fetchone()
            except sqlite3.Error:
                log.warning("PRAGMA data_version failed; read cache bypassed", exc_info=True)
                self._connection = None
                return None
        return int(row[0]) if row else None


class PostgresStamp:
    """One autocommit connection of its own (outside the pool, so it neither waits for nor
    takes a pooled connection), reopened after an error."""

    def __init__(self, conninfo: str) -> None:
        self._conninfo = conninfo
        self._lock = threading.Lock()
        self._connection: Any = None

    def read(self) -> object | None:
        import psycopg

        with self._lock:
            try:
                if self._connection is None or self._connection.closed:
                    self._connection = psycopg.connect(
                        self._conninfo, autocommit=True, connect_timeout=2
                    )
                row = self._connection.execute("SELECT pg_current_wal_lsn()").fetchone()
            except psycopg.Error:
                log.warning("pg_current_wal_lsn() failed; read cache bypassed", exc_info=True)
                self._connection = None
                return None
        return str(row[0]) if row else None


def stamp_for(engine: Engine) -> ChangeStamp | None:
    url = engine.url
    backend = url.get_backend_name()
    if backend == "sqlite" and url.database and url.database != ":memory:":
        return SQLiteStamp(url.database)
    if backend == "postgresql":
        return PostgresStamp(
            url.set(drivername="postgresql").render_as_string(hide_password=False)
        )
    return None
