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


class _OwnConnectionStamp:
    """One query on a connection of the stamp's own (outside the pool: it neither waits for nor
    takes a pooled connection, and the app never writes through it), reopened after an error."""

    query = ""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._connection: Any = None

    def _connect(self) -> Any:
        raise NotImplementedError

    def read(self) -> object | None:
        with self._lock:
            try:
                if self._connection is None:
                    self._connection = self._connect()
                row = self._connection.execute(self.query).fetchone()
            except Exception:
                log.warning("%s failed; read cache bypassed", self.query, exc_info=True)
                self._connection = None
                return None
        return str(row[0]) if row else None


class SQLiteStamp(_OwnConnectionStamp):
    query = "PRAGMA data_version"

    def __init__(self, path: str) -> None:
        super().__init__()
        self._path = path

    def _connect(self) -> sqlite3.Connection:
        # isolation_level=None: no implicit transaction is ever left open on it.
        return sqlite3.connect(
            self._path, check_same_thread=False, isolation_level=None, timeout=1.0
        )


class PostgresStamp(_OwnConnectionStamp):
    query = "SELECT pg_current_wal_lsn()"

    def __init__(self, conninfo: str) -> None:
        super().__init__()
        self._conninfo = conninfo

    def _connect(self) -> Any:
        import psycopg

        return psycopg.connect(self._conninfo, autocommit=True, connect_timeout=2)


def stamp_for(engine: Engine) -> ChangeStamp | None:
    url = engine.url
    backend = url.get_backend_name()
    if backend == "sqlite" and url.database and url.database != ":memory:":
        return SQLiteStamp(url.database)
    if backend == "postgresql":
        return PostgresStamp(url.set(drivername="postgresql").render_as_string(hide_password=False))
    return None
