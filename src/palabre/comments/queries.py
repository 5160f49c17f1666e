"""Read side: a thread page with nested replies (two indexed queries) and counts in one query."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from palabre.comments import cursor as cursors
from palabre.comments.sites import find_thread, get_site
from palabre.storage.models import Comment, Thread

# Everything but pending is fetched: a comment that is not published shows only as a placeholder
# when one of its replies is published, so the thread stays readable.
VISIBLE = ("published", "deleted", "held", "rejected")
Order = Literal["newest", "oldest"]


@dataclass(slots=True)
class Node:
    comment: Comment
    replies: list[Node] = field(default_factory=list)

    @property
    def visible(self) -> bool:
        return self.comment.status == "published" or any(r.visible for r in self.replies)


@dataclass(frozen=True, slots=True)
class ThreadPage:
    thread: Thread | None
    roots: list[Node]
    next_cursor: str | None
    total: int


def thread_page(
    session: Session, site_key: str, thread_key: str, order: Order, limit: int, cursor: str | None
) -> ThreadPage:
    site = get_site(session, site_key)
    thread = find_thread(session, site, thread_key)
    if thread is None:
        if cursor:
            cursors.decode(cursor)
        return ThreadPage(None, [], None, 0)
    reply = aliased(Comment)
    has_published_reply = (
        select(reply.id)
        .where(reply.root_id == Comment.id, reply.id != Comment.id, reply.status == "published")
        .exists()
    )
    # Visibility is decided in SQL so that LIMIT counts only what the reader will see.
    query = select(Comment).where(
        Comment.thread_id == thread.id,
        Comment.parent_id.is_(None),
        or_(Comment.status == "published",
            and_(Comment.status.in_(VISIBLE), has_published_reply)),
    )
    newest = order == "newest"
    if cursor:
        stamp, ident = cursors.decode(cursor)
        if newest:
            query = query.where(or_(Comment.created_at < stamp,
                                    and_(Comment.created_at == stamp, Comment.id < ident)))
        else:
            query = query.where(or_(Comment.created_at > stamp,
                                    and_(Comment.created_at == stamp, Comment.id > ident)))
    ordering = (Comment.created_at.desc(), Comment.id.desc()) if newest else (
        Comment.created_at.asc(), Comment.id.asc())
    roots = list(session.scalars(query.order_by(*ordering).limit(limit + 1)).all())
    more = len(roots) > limit
    roots = roots[:limit]
    next_cursor = cursors.encode(roots[-1].created_at, roots[-1].id) if more and roots else None
    nodes = _with_replies(session, roots)
    total = session.scalar(
        select(func.count(Comment.id)).where(
            Comment.thread_id == thread.id, Comment.status == "published"
        )
    ) or 0
    return ThreadPage(thread, [n for n in nodes if n.visible], next_cursor, total)


def _with_replies(session: Session, roots: Sequence[Comment]) -> list[Node]:
    nodes = {c.id: Node(c) for c in roots}
    if not roots:
        return []
    replies = session.scalars(
        select(Comment)
        .where(Comment.root_id.in_([c.id for c in roots]), Comment.parent_id.is_not(None),
               Comment.status.in_(VISIBLE))
        .order_by(Comment.created_at.asc(), Comment.id.asc())
    ).all()
    for reply in replies:
        nodes[reply.id] = Node(reply)
    for reply in replies:
        parent = nodes.get(reply.parent_id or -1)
        if parent is not None:
            parent.replies.append(nodes[reply.id])
    return [nodes[c.id] for c in roots]


def counts(session: Session, site_key: str, thread_keys: Sequence[str]) -> dict[str, int]:
    site = get_site(session, site_key)
    result = dict.fromkeys(thread_keys, 0)
    if not thread_keys:
        return result
    rows = session.execute(
        select(Thread.key, func.count(Comment.id))
        .join(Comment, and_(Comment.thread_id == Thread.id, Comment.status == "published"))
        .where(Thread.site_id == site.id, Thread.key.in_(list(set(thread_keys))))
        .group_by(Thread.key)
    ).all()
    for key, count in rows:
        result[key] = int(count)
    return result
