"""Seeding and SQL-statement counting shared by the read-path tests (tests/perf)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import event, select

from palabre.storage.db import Database
from palabre.storage.models import Comment, Site, Thread

START = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


@contextmanager
def statements(db: Database) -> Iterator[list[str]]:
    seen: list[str] = []

    def count(_c: Any, _cur: Any, statement: str, _p: Any, _ctx: Any, _many: bool) -> None:
        seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


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
