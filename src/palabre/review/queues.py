"""The moderation queues are queries over comment status and reports, never tables:
« À modérer » (held), « Signalés » (published with open reports), « Rejetés », « Publiés
récemment ». Every query is limited to the moderator's sites."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final, Literal, TypeVar

from sqlalchemy import Select, and_, exists, func, select
from sqlalchemy.orm import Session, aliased

from palabre.status import CommentStatus
from palabre.storage.models import Comment, Decision, Report, Thread

QueueName = Literal["held", "reported", "rejected", "recent"]
QUEUES: Final[tuple[QueueName, ...]] = ("held", "reported", "rejected", "recent")
PAGE_SIZE: Final = 25
_SCAN_LIMIT: Final = 5000


Q = TypeVar("Q", bound="Select[*tuple[Any, ...]]")


@dataclass(frozen=True, slots=True)
class Filters:
    site_id: int | None = None
    thread_id: int | None = None
    clause: str | None = None
    category: str | None = None
    order: Literal["oldest", "newest"] | None = None
    page: int = 1


def default_order(queue: QueueName) -> Literal["oldest", "newest"]:
    return "newest" if queue == "recent" else "oldest"


def _open_report() -> Any:
    return exists().where(Report.comment_id == Comment.id, Report.status == "open")


def condition(queue: QueueName) -> Any:
    if queue == "held":
        return Comment.status == CommentStatus.HELD
    if queue == "rejected":
        return Comment.status == CommentStatus.REJECTED
    if queue == "reported":
        return and_(Comment.status == CommentStatus.PUBLISHED, _open_report())
    return Comment.status == CommentStatus.PUBLISHED


def _scoped(query: Q, site_ids: frozenset[int] | None) -> Q:
    query = query.join(Thread, Thread.id == Comment.thread_id)
    if site_ids is not None:
        query = query.where(Thread.site_id.in_(site_ids or {-1}))
    return query


def counts(session: Session, site_ids: frozenset[int] | None) -> dict[QueueName, int]:
    return {
        queue: int(
            session.scalar(
                _scoped(select(func.count(Comment.id)), site_ids).where(condition(queue))
            )
            or 0
        )
        for queue in QUEUES
    }


@dataclass(frozen=True, slots=True)
class QueuePage:
    comment_ids: list[int]
    total: int
    page: int
    pages: int


def queue_page(
    session: Session, queue: QueueName, site_ids: frozenset[int] | None, filters: Filters
) -> QueuePage:
    other = aliased(Decision)
    latest = (
        select(func.max(other.id))
        .where(other.comment_id == Comment.id)
        .correlate(Comment)
        .scalar_subquery()
    )
    query = (
        _scoped(select(Comment.id, Decision.reasons), site_ids)
        .outerjoin(Decision, Decision.id == latest)
        .where(condition(queue))
    )
    if filters.site_id is not None:
        query = query.where(Thread.site_id == filters.site_id)
    if filters.thread_id is not None:
        query = query.where(Comment.thread_id == filters.thread_id)
    newest = (filters.order or default_order(queue)) == "newest"
    ordering = (
        (Comment.created_at.desc(), Comment.id.desc())
        if newest
        else (Comment.created_at.asc(), Comment.id.asc())
    )
    rows = session.execute(query.order_by(*ordering).limit(_SCAN_LIMIT)).all()
    ids = [cid for cid, reasons in rows if _matches(reasons or [], filters)]
    pages = max(1, -(-len(ids) // PAGE_SIZE))
    page = min(max(1, filters.page), pages)
    return QueuePage(ids[(page - 1) * PAGE_SIZE : page * PAGE_SIZE], len(ids), page, pages)


def _matches(reasons: list[Any], filters: Filters) -> bool:
    if filters.clause and not any(r.get("clause") == filters.clause for r in reasons):
        return False
    return not filters.category or any(r.get("category") == filters.category for r in reasons)


def threads_in_queue(
    session: Session, queue: QueueName, site_ids: frozenset[int] | None
) -> list[tuple[int, str, int]]:
    """(thread id, title, count) of the articles with comments in this queue, for the filter."""
    rows = session.execute(
        _scoped(select(Thread.id, Thread.title, Thread.key, func.count(Comment.id)), site_ids)
        .where(condition(queue))
        .group_by(Thread.id, Thread.title, Thread.key)
        .order_by(func.count(Comment.id).desc())
        .limit(200)
    ).all()
    return [(tid, title or key, int(n)) for tid, title, key, n in rows]
