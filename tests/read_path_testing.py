"""Seeding and SQL-statement counting shared by the read-path tests (tests/perf)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import event, select

from palabre.storage.db import Database
from palabre.storage.models import Comment, Site, Thread

START = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


# What a request asks of the database (transaction control and SQLite's pragmas aside).
_WORK = ("select", "with", "insert", "update", "delete")


@contextmanager
def statements(db: Database) -> Iterator[list[str]]:
    """Every statement sent to the database meanwhile, counted on the DB-API connection itself:
    through SQLAlchemy or not (the thread read runs its statements on a pooled DB-API connection,
    comments/queries.py). A pool event installs the counter on each connection checked out."""
    seen: list[str] = []

    def note(statement: str) -> None:
        if statement.lstrip().lower().startswith(_WORK):
            seen.append(statement)

    def checkout(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        if isinstance(dbapi_connection, sqlite3.Connection):
            dbapi_connection.set_trace_callback(note)
        else:  # psycopg 3
            dbapi_connection.cursor_factory = _counting_cursor(note)

    def checkin(dbapi_connection: Any, _record: Any) -> None:
        if isinstance(dbapi_connection, sqlite3.Connection):
            dbapi_connection.set_trace_callback(None)
        else:
            import psycopg

            dbapi_connection.cursor_factory = psycopg.Cursor

    event.listen(db.engine, "checkout", checkout)
    event.listen(db.engine, "checkin", checkin)
    try:
        yield seen
    finally:
        event.remove(db.engine, "checkout", checkout)
        event.remove(db.engine, "checkin", checkin)


def _counting_cursor(note: Callable[[str], None]) -> Any:
    import psycopg

    class Counting(psycopg.Cursor[Any]):
        def execute(self, query: Any, *args: Any, **kwargs: Any) -> Any:
            note(str(query))
            return super().execute(query, *args, **kwargs)

        def executemany(self, query: Any, *args: Any, **kwargs: Any) -> Any:
            note(str(query))
            return super().executemany(query, *args, **kwargs)

    return Counting


def seed_thread(db: Database, key: str, roots: int, replies: int) -> None:
    """`roots` top-level comments and `replies` replies spread over them (some replies to
    replies, some held or deleted); the second root is held but has a published reply, so it
    shows as a placeholder: every root is on the page."""
    with db.session() as session:
        site = session.scalars(select(Site).where(Site.key == "default")).one()
        thread = Thread(site_id=site.id, key=key, title=key, url="", created_at=START)
        session.add(thread)
        session.flush()
        made: list[Comment] = []
        for i in range(roots + replies):
            if i < roots:
                parent, status = None, "held" if i == 1 else "published"
            elif i == roots:
                parent, status = made[min(1, roots - 1)], "published"
            else:
                parent = made[(i * 7) % len(made)]
                status = "held" if i % 17 == 3 else "deleted" if i % 23 == 5 else "published"
            comment = Comment(
                thread_id=thread.id,
                parent_id=parent.id if parent else None,
                root_id=parent.root_id if parent else None,
                text=f"Avis {i}",
                html=f"<p>Avis {i}</p>",
                status=status,
                created_at=START + timedelta(minutes=i),
                edit_nonce=f"{i:016x}",
            )
            session.add(comment)
            session.flush()
            if parent is None:
                comment.root_id = comment.id
            made.append(comment)
