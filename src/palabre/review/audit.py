"""The audit log: every status change (engine, authors, moderators), filterable, as CSV too."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Final

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from palabre.csv_format import csv_text
from palabre.storage.models import Comment, ModerationAction, Site, Thread

PAGE_SIZE: Final = 50
CSV_LIMIT: Final = 100_000
CSV_COLUMNS: Final = (
    "id",
    "date",
    "acteur",
    "action",
    "commentaire",
    "site",
    "article",
    "de",
    "vers",
    "clauses",
    "note",
)


@dataclass(frozen=True, slots=True)
class AuditFilters:
    actor: str = ""
    action: str = ""
    site_id: int | None = None
    since: date | None = None
    until: date | None = None
    page: int = 1


@dataclass(frozen=True, slots=True)
class AuditRow:
    action: ModerationAction
    site_key: str
    thread_title: str

    def csv(self, words: Callable[[str, str], str] | None = None) -> list[str]:
        """One CSV line; `words(kind, code)` puts actions and statuses in words."""
        a = self.action
        say = words or (lambda _kind, code: code)
        return [
            str(a.id),
            a.created_at.isoformat().replace("+00:00", "Z"),
            a.actor,
            say("action", a.action),
            str(a.comment_id),
            self.site_key,
            self.thread_title,
            say("status", a.from_status or "") if a.from_status else "",
            say("status", a.to_status),
            " ".join(str(c) for c in a.clauses or []),
            a.note,
        ]


def _query(
    filters: AuditFilters, site_ids: frozenset[int] | None
) -> Select[ModerationAction, str, str, str]:
    query = (
        select(ModerationAction, Site.key, Thread.title, Thread.key)
        .join(Comment, Comment.id == ModerationAction.comment_id)
        .join(Thread, Thread.id == Comment.thread_id)
        .join(Site, Site.id == Thread.site_id)
    )
    if site_ids is not None:
        query = query.where(Thread.site_id.in_(site_ids or {-1}))
    if filters.site_id is not None:
        query = query.where(Thread.site_id == filters.site_id)
    if filters.actor:
        query = query.where(ModerationAction.actor == filters.actor)
    if filters.action:
        query = query.where(ModerationAction.action == filters.action)
    if filters.since:
        query = query.where(ModerationAction.created_at >= datetime.combine(filters.since, time()))
    if filters.until:
        end = datetime.combine(filters.until, time()) + timedelta(days=1)
        query = query.where(ModerationAction.created_at < end)
    return query


def page(
    session: Session, filters: AuditFilters, site_ids: frozenset[int] | None
) -> tuple[list[AuditRow], int]:
    query = _query(filters, site_ids)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.execute(
        query.order_by(ModerationAction.created_at.desc(), ModerationAction.id.desc())
        .offset((max(1, filters.page) - 1) * PAGE_SIZE)
        .limit(PAGE_SIZE)
    ).all()
    return [AuditRow(a, key, title or tkey) for a, key, title, tkey in rows], int(total)


def csv_lines(
    session: Session,
    filters: AuditFilters,
    site_ids: frozenset[int] | None,
    sep: str = ";",
    words: Callable[[str, str], str] | None = None,
) -> Iterator[str]:
    """The audit as palabre's one CSV convention (palabre.csv_format)."""
    rows = session.execute(
        _query(filters, site_ids)
        .order_by(ModerationAction.created_at, ModerationAction.id)
        .limit(CSV_LIMIT)
    ).all()
    lines = [list(CSV_COLUMNS)] + [
        AuditRow(a, key, title or tkey).csv(words) for a, key, title, tkey in rows
    ]
    yield csv_text(lines, sep)


def actors(session: Session, site_ids: frozenset[int] | None) -> list[str]:
    query = (
        select(ModerationAction.actor)
        .join(Comment, Comment.id == ModerationAction.comment_id)
        .join(Thread, Thread.id == Comment.thread_id)
        .distinct()
    )
    if site_ids is not None:
        query = query.where(Thread.site_id.in_(site_ids or {-1}))
    return sorted(session.scalars(query.limit(500)).all())
