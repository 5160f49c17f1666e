"""Read side: a thread page with nested replies and counts for many threads.

This is the hottest path of the product (every article view), so its statements are written
once, with bound parameters, and run on the session's connection: rows come back as plain
tuples, never as ORM objects. A page costs four indexed statements whatever its size (thread,
roots, their replies, the count); counts for many threads cost two."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Final, Literal, Protocol

from sqlalchemy import TextualSelect, bindparam, text
from sqlalchemy.orm import Session

from palabre.comments import cursor as cursors
from palabre.errors import PalabreError
from palabre.storage.models import UTCDateTime

Order = Literal["newest", "oldest"]


class CommentView(Protocol):
    """What the thread JSON needs of a comment (an ORM `Comment` has all of it)."""

    @property
    def id(self) -> int: ...
    @property
    def parent_id(self) -> int | None: ...
    @property
    def author_name(self) -> str | None: ...
    @property
    def author_verified(self) -> bool: ...
    @property
    def html(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def created_at(self) -> datetime: ...
    @property
    def edited_at(self) -> datetime | None: ...


@dataclass(frozen=True, slots=True)
class CommentRow:
    id: int
    parent_id: int | None
    author_name: str | None
    author_verified: bool
    html: str
    status: str
    created_at: datetime
    edited_at: datetime | None


@dataclass(frozen=True, slots=True)
class ThreadRow:
    id: int
    key: str
    title: str
    url: str


@dataclass(slots=True)
class Node:
    comment: CommentView
    replies: list[Node] = field(default_factory=list)

    @property
    def visible(self) -> bool:
        return self.comment.status == "published" or any(r.visible for r in self.replies)


@dataclass(frozen=True, slots=True)
class ThreadPage:
    thread: ThreadRow | None
    roots: list[Node]
    next_cursor: str | None
    total: int


_COLUMNS: Final = (
    "c.id, c.parent_id, c.author_name, c.author_verified, c.html, c.status, c.created_at, "
    "c.edited_at"
)
_TYPES: Final = {"created_at": UTCDateTime(), "edited_at": UTCDateTime()}
# A root is shown when published, or (deleted, held, rejected) while one of its replies is
# published: its place stays so the thread remains readable. Decided in SQL, so that LIMIT counts
# only what the reader sees.
_ROOT_VISIBLE: Final = (
    "(c.status = 'published' OR (c.status IN ('deleted', 'held', 'rejected') AND EXISTS ("
    "SELECT 1 FROM comments r WHERE r.root_id = c.id AND r.id <> c.id "
    "AND r.status = 'published')))"
)
_AFTER: Final = {
    "newest": "AND (c.created_at < :stamp OR (c.created_at = :stamp AND c.id < :ident))",
    "oldest": "AND (c.created_at > :stamp OR (c.created_at = :stamp AND c.id > :ident))",
}
_ORDER: Final = {"newest": "c.created_at DESC, c.id DESC", "oldest": "c.created_at, c.id"}


def _roots_statement(order: Order, after: bool) -> TextualSelect:
    sql = (
        f"SELECT {_COLUMNS} FROM comments c WHERE c.thread_id = :thread_id "
        f"AND c.parent_id IS NULL AND {_ROOT_VISIBLE} {_AFTER[order] if after else ''} "
        f"ORDER BY {_ORDER[order]} LIMIT :limit"
    )
    statement = text(sql).columns(**_TYPES)
    return statement.bindparams(bindparam("stamp", type_=UTCDateTime())) if after else statement


_ROOTS: Final = {(o, a): _roots_statement(o, a) for o in ("newest", "oldest") for a in (False, True)}
_REPLIES: Final = (
    text(
        f"SELECT {_COLUMNS} FROM comments c WHERE c.root_id IN :roots "
        "AND c.parent_id IS NOT NULL AND c.status IN ('published', 'deleted', 'held', 'rejected') "
        "ORDER BY c.created_at, c.id"
    )
    .columns(**_TYPES)
    .bindparams(bindparam("roots", expanding=True))
)
_SITE: Final = text("SELECT id FROM sites WHERE key = :site")
_THREAD: Final = text(
    "SELECT id, key, title, url FROM threads WHERE site_id = :site_id AND key = :thread"
)
_TOTAL: Final = text(
    "SELECT count(*) FROM comments WHERE thread_id = :thread_id AND status = 'published'"
)
_COUNTS: Final = text(
    "SELECT t.key, count(c.id) FROM threads t JOIN comments c ON c.thread_id = t.id "
    "AND c.status = 'published' WHERE t.site_id = :site_id AND t.key IN :keys GROUP BY t.key"
).bindparams(bindparam("keys", expanding=True))


def _site_id(session: Session, site_key: str) -> int:
    site_id = session.connection().execute(_SITE, {"site": site_key}).scalar()
    if site_id is None:
        raise PalabreError("site_inconnu", params={"site": site_key[:100]}, field="site")
    return int(site_id)


def thread_page(
    session: Session, site_key: str, thread_key: str, order: Order, limit: int, cursor: str | None
) -> ThreadPage:
    connection = session.connection()
    site_id = _site_id(session, site_key)
    after = cursors.decode(cursor) if cursor else None
    found = connection.execute(_THREAD, {"site_id": site_id, "thread": thread_key}).first()
    if found is None:
        return ThreadPage(None, [], None, 0)
    thread = ThreadRow(int(found[0]), str(found[1]), str(found[2]), str(found[3]))
    params: dict[str, object] = {"thread_id": thread.id, "limit": limit + 1}
    if after is not None:
        params["stamp"], params["ident"] = after
    rows = [CommentRow(*row) for row in connection.execute(_ROOTS[(order, after is not None)],
                                                           params)]
    more = len(rows) > limit
    roots = rows[:limit]
    next_cursor = cursors.encode(roots[-1].created_at, roots[-1].id) if more and roots else None
    total = int(connection.execute(_TOTAL, {"thread_id": thread.id}).scalar() or 0)
    nodes = _with_replies(session, roots)
    return ThreadPage(thread, [n for n in nodes if n.visible], next_cursor, total)


def _with_replies(session: Session, roots: Sequence[CommentRow]) -> list[Node]:
    if not roots:
        return []
    nodes: dict[int, Node] = {c.id: Node(c) for c in roots}
    replies = [
        CommentRow(*row)
        for row in session.connection().execute(_REPLIES, {"roots": [c.id for c in roots]})
    ]
    for reply in replies:
        nodes[reply.id] = Node(reply)
    for reply in replies:
        parent = nodes.get(reply.parent_id or -1)
        if parent is not None:
            parent.replies.append(nodes[reply.id])
    return [nodes[c.id] for c in roots]


def counts(session: Session, site_key: str, thread_keys: Sequence[str]) -> dict[str, int]:
    site_id = _site_id(session, site_key)
    result = dict.fromkeys(thread_keys, 0)
    if not thread_keys:
        return result
    rows = session.connection().execute(
        _COUNTS, {"site_id": site_id, "keys": sorted(set(thread_keys))}
    )
    for key, count in rows:
        result[str(key)] = int(count)
    return result
