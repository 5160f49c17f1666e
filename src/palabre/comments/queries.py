"""Read side: a thread page with nested replies and counts for many threads.

This is the hottest path of the product (every article view), so its statements are written
once, with bound parameters: rows come back as plain tuples, never as ORM objects. A page costs
two indexed statements whatever its size (the thread with its count; the page's roots with all
their replies); counts for many threads cost one. An unknown thread or an all-zero count costs
one more, to tell an unknown site apart.

The web read (`read_thread_page`) runs the page's two statements on a pooled DB-API connection
of its own, without a session: SQLAlchemy's per-statement work (result metadata, processors for
every column) cost four times what SQLite takes to run them (docs/benchmarks.md, issue 21). The
dates go through the very processors SQLAlchemy would apply, so the rows are the same."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Final, Literal, Protocol

from sqlalchemy import Engine, TextualSelect, bindparam, text
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session

from palabre.comments import cursor as cursors
from palabre.errors import PalabreError
from palabre.status import WAITING, CommentStatus
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
        return self.comment.status == CommentStatus.PUBLISHED or any(
            r.visible for r in self.replies
        )


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


def _sql_list(*statuses: CommentStatus) -> str:
    """Statuses as SQL literals, written into the statements as before (never bound)."""
    return ", ".join(f"'{status}'" for status in statuses)


_PUBLISHED: Final = _sql_list(CommentStatus.PUBLISHED)
_HIDDEN_IN_PLACE: Final = _sql_list(
    CommentStatus.DELETED, CommentStatus.HELD, CommentStatus.REJECTED
)
# A root is shown when published, or (deleted, held, rejected) while one of its replies is
# published: its place stays so the thread remains readable. Decided in SQL, so that LIMIT counts
# only what the reader sees.
_ROOT_VISIBLE: Final = (
    f"(c.status = {_PUBLISHED} OR (c.status IN ({_HIDDEN_IN_PLACE}) AND EXISTS ("
    f"SELECT 1 FROM comments r WHERE r.root_id = c.id AND r.id <> c.id "
    f"AND r.status = {_PUBLISHED})))"
)
# Row values, so that both databases use the cursor as a bound of the index.
_AFTER: Final = {
    "newest": "AND (c.created_at, c.id) < (:stamp, :ident)",
    "oldest": "AND (c.created_at, c.id) > (:stamp, :ident)",
}
_ORDER: Final = {"newest": "c.created_at DESC, c.id DESC", "oldest": "c.created_at, c.id"}


def _page_statement(order: Order, after: bool) -> TextualSelect:
    """The page's roots (one more than asked, to know whether there is a next page) and every
    reply under them, in one statement."""
    sql = (
        f"WITH page AS (SELECT c.id FROM comments c WHERE c.thread_id = :thread_id "
        f"AND c.parent_id IS NULL AND {_ROOT_VISIBLE} {_AFTER[order] if after else ''} "
        f"ORDER BY {_ORDER[order]} LIMIT :limit) "
        f"SELECT {_COLUMNS}, c.root_id FROM comments c WHERE c.id IN (SELECT id FROM page) "
        f"UNION ALL "
        f"SELECT {_COLUMNS}, c.root_id FROM comments c WHERE c.root_id IN (SELECT id FROM page) "
        f"AND c.parent_id IS NOT NULL "
        f"AND c.status IN ({_PUBLISHED}, {_HIDDEN_IN_PLACE})"
    )
    statement = text(sql).columns(**_TYPES)
    return statement.bindparams(bindparam("stamp", type_=UTCDateTime())) if after else statement


_PAGE: Final = {(o, a): _page_statement(o, a) for o in ("newest", "oldest") for a in (False, True)}
_SITE: Final = text("SELECT id FROM sites WHERE key = :site")
_THREAD: Final = text(
    "SELECT t.id, t.key, t.title, t.url, (SELECT count(*) FROM comments c "
    f"WHERE c.thread_id = t.id AND c.status = {_PUBLISHED}) "
    "FROM threads t JOIN sites s ON s.id = t.site_id WHERE s.key = :site AND t.key = :thread"
)
_COUNTS: Final = text(
    "SELECT t.key, count(*) FROM threads t JOIN sites s ON s.id = t.site_id "
    f"JOIN comments c ON c.thread_id = t.id AND c.status = {_PUBLISHED} "
    "WHERE s.key = :site AND t.key IN :keys GROUP BY t.key"
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
    after = cursors.decode(cursor) if cursor else None
    found = connection.execute(_THREAD, {"site": site_key, "thread": thread_key}).first()
    if found is None:
        _site_id(session, site_key)  # an unknown site is an error, an unknown thread is empty
        return ThreadPage(None, [], None, 0)
    thread = ThreadRow(int(found[0]), str(found[1]), str(found[2]), str(found[3]))
    params: dict[str, object] = {"thread_id": thread.id, "limit": limit + 1}
    if after is not None:
        params["stamp"], params["ident"] = after
    rows = connection.execute(_PAGE[(order, after is not None)], params).all()
    comments = [(CommentRow(*row[:-1]), row[-1]) for row in rows]
    return _page(thread, comments, order, limit, int(found[4] or 0))


class _RawStatements:
    """The page's statements as the engine's DB-API driver takes them, with the date processors
    SQLAlchemy applies to `UTCDateTime` columns and cursor bounds on this dialect."""

    def __init__(self, dialect: Dialect) -> None:
        named = dialect.paramstyle in {"named", "qmark", "numeric"}  # sqlite3 takes `:name`

        def sql(statement: Any) -> str:
            source: str = (
                statement.element.text if hasattr(statement, "element") else statement.text
            )
            return source if named else _PYFORMAT.sub(r"%(\1)s", source)

        impl = UTCDateTime().dialect_impl(dialect)
        self.thread = sql(_THREAD)
        self.site = sql(_SITE)
        self.page = {key: sql(statement) for key, statement in _PAGE.items()}
        self.date: Callable[[Any], Any] = impl.result_processor(dialect, None) or _same
        self.bind_date: Callable[[Any], Any] = impl.bind_processor(dialect) or _same
        # A thread's dates come back on every read of it: each raw value is processed once
        # (the processors are pure; their dates are immutable).
        self.dates: dict[Any, Any] = {}

    def cached_date(self, value: Any) -> Any:
        """`date(value)`, remembered (at most `_DATES_KEPT` values, then forgotten at once)."""
        dates = self.dates
        found = dates.get(value)
        if found is None:
            if len(dates) >= _DATES_KEPT:
                dates.clear()
            found = dates[value] = self.date(value)
        return found


def _same(value: Any) -> Any:
    return value


_DATES_KEPT: Final = 20_000
_PYFORMAT: Final = re.compile(r"(?<![:\w]):(\w+)")
_RAW: dict[str, _RawStatements] = {}


def read_thread_page(
    engine: Engine, site_key: str, thread_key: str, order: Order, limit: int, cursor: str | None
) -> ThreadPage:
    """`thread_page` for the web read: the same statements and the same rows, on a pooled
    DB-API connection rather than through a session (no transaction is begun for reads on
    either backend beyond what `thread_page` has: each statement sees committed data)."""
    after = cursors.decode(cursor) if cursor else None
    raw = _RAW.get(engine.dialect.name)
    if raw is None:
        raw = _RAW.setdefault(engine.dialect.name, _RawStatements(engine.dialect))
    connection = engine.raw_connection()
    try:
        db_cursor = connection.cursor()
        try:
            db_cursor.execute(raw.thread, {"site": site_key, "thread": thread_key})
            found = db_cursor.fetchone()
            if found is None:
                db_cursor.execute(raw.site, {"site": site_key})
                if db_cursor.fetchone() is None:
                    raise PalabreError(
                        "site_inconnu", params={"site": site_key[:100]}, field="site"
                    )
                return ThreadPage(None, [], None, 0)
            params: dict[str, object] = {"thread_id": found[0], "limit": limit + 1}
            if after is not None:
                params["stamp"], params["ident"] = raw.bind_date(after[0]), after[1]
            db_cursor.execute(raw.page[(order, after is not None)], params)
            rows = db_cursor.fetchall()
        finally:
            db_cursor.close()
    finally:
        connection.close()
    date = raw.cached_date
    thread = ThreadRow(int(found[0]), str(found[1]), str(found[2]), str(found[3]))
    comments = [
        (
            CommentRow(
                row[0],
                row[1],
                row[2],
                bool(row[3]),
                row[4],
                row[5],
                date(row[6]),
                None if row[7] is None else date(row[7]),
            ),
            row[8],
        )
        for row in rows
    ]
    return _page(thread, comments, order, limit, int(found[4] or 0))


def _page(
    thread: ThreadRow,
    comments: list[tuple[CommentRow, object]],
    order: Order,
    limit: int,
    total: int,
) -> ThreadPage:
    """The page from its rows (each comment with its root's id)."""
    roots = sorted(
        (c for c, _ in comments if c.parent_id is None),
        key=lambda c: (c.created_at, c.id),
        reverse=order == "newest",
    )
    more = len(roots) > limit
    roots = roots[:limit]
    kept = {c.id for c in roots}
    replies = sorted(
        (c for c, root in comments if c.parent_id is not None and root in kept),
        key=lambda c: (c.created_at, c.id),
    )
    next_cursor = cursors.encode(roots[-1].created_at, roots[-1].id) if more and roots else None
    nodes = _tree(roots, replies)
    return ThreadPage(thread, [n for n in nodes if n.visible], next_cursor, total)


def _tree(roots: Sequence[CommentRow], replies: Sequence[CommentRow]) -> list[Node]:
    nodes: dict[int, Node] = {c.id: Node(c) for c in roots}
    for reply in replies:
        nodes[reply.id] = Node(reply)
    for reply in replies:
        parent = nodes.get(reply.parent_id or -1)
        if parent is not None:
            parent.replies.append(nodes[reply.id])
    return [nodes[c.id] for c in roots]


def counts(session: Session, site_key: str, thread_keys: Sequence[str]) -> dict[str, int]:
    result = dict.fromkeys(thread_keys, 0)
    rows = (
        session.connection()
        .execute(_COUNTS, {"site": site_key, "keys": sorted(set(thread_keys))})
        .all()
        if thread_keys
        else []
    )
    for key, count in rows:
        result[str(key)] = int(count)
    if not rows:
        _site_id(session, site_key)  # all zero: make sure the site exists
    return result


def own_waiting(
    session: Session, site_key: str, thread_key: str, ids: set[int]
) -> tuple[list[CommentView], list[int]]:
    """Of the comments `ids` (proved by the author's view tokens) on this thread: those still
    awaiting a moderator, oldest first, and the ids of those already decided."""
    from sqlalchemy import select

    from palabre.storage.models import Comment, Site, Thread

    if not ids:
        return [], []
    rows = session.scalars(
        select(Comment)
        .join(Thread, Thread.id == Comment.thread_id)
        .join(Site, Site.id == Thread.site_id)
        .where(Comment.id.in_(sorted(ids)), Site.key == site_key, Thread.key == thread_key)
        .order_by(Comment.created_at, Comment.id)
    ).all()
    waiting: list[CommentView] = [c for c in rows if c.status in WAITING]
    decided = [c.id for c in rows if c.status not in WAITING]
    return waiting, decided
