"""The ordinary thread read (`GET /api/comments?thread=…`, every article view) answered before
FastAPI's router: its two statements, the page's JSON written directly, the same status, headers
and body as the route (`palabre.web.api.comments.read_thread`) would give.

It sits right inside `SiteCors`, so every outer layer still runs as for any request: the read
cache (which stores what this answers), the security headers, the input guard, CORS. What it
skips is the dashboard middleware (nothing for `/api/`), the exception middleware, the router
and its dependency resolution: about a fifth of an uncached read's CPU in the process
(docs/benchmarks.md, issue 21, branch issue-21h-read).

Only a plain request takes it: a GET on exactly `/api/comments` with no root path, whose known
parameters each come once and are plainly valid (`plain_read_params`); unknown parameters are
ignored, as FastAPI ignores them. Anything else — another method, a repeated or doubtful
parameter, an unknown site, a bad cursor, a database error — goes to the route, whose answer
(the French error envelope, the logs) is the API's. Nothing is sent before the page is built,
so falling back is always possible. The read takes no cookie, token or rate limit."""

from __future__ import annotations

import hashlib
from urllib.parse import parse_qsl

from starlette.types import ASGIApp, Receive, Scope, Send

from palabre.comments.queries import Order, read_thread_page
from palabre.web.api.serialize import page_body
from palabre.web.caching import CACHE_CONTROL, etag_matches
from palabre.web.context import AppContext

PATH = "/api/comments"
_READ_PARAMS = frozenset({"thread", "site", "order", "limit", "cursor"})
_CACHE_CONTROL = CACHE_CONTROL.encode()
_VARY = b"Accept-Language, Origin"
_JSON = b"application/json"


def plain_read_params(query_string: bytes) -> tuple[str, str, Order, int | None, str | None] | None:
    """The read's parameters when FastAPI would take them as they are, else None. The query
    string is split as Starlette splits it for `request.query_params`."""
    query: dict[str, str] = {}
    for k, v in parse_qsl(query_string.decode("latin-1"), keep_blank_values=True):
        if k in _READ_PARAMS:
            if k in query:
                return None  # a repeated parameter: FastAPI's rules
            query[k] = v
    thread = query.get("thread")
    site = query.get("site", "default")
    order = query.get("order", "newest")
    limit = query.get("limit")
    cursor = query.get("cursor")
    if thread is None or not 1 <= len(thread) <= 1000 or len(site) > 64:
        return None
    if order not in ("newest", "oldest") or (cursor is not None and len(cursor) > 200):
        return None
    size: int | None = None
    if limit is not None:
        if not (limit.isascii() and limit.isdigit() and limit[0] != "0" and len(limit) <= 3):
            return None
        size = int(limit)
        if size > 500:
            return None
    return thread, site, "newest" if order == "newest" else "oldest", size, cursor


class FastThreadRead:
    def __init__(self, app: ASGIApp, context: AppContext) -> None:
        self.app = app
        self.context = context
        self.enabled = True  # off: every read goes to the route (tests compare both)
        self.answered = 0  # reads answered here (for the tests)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["path"] != PATH
            or scope["method"] != "GET"
            or scope.get("root_path")
            or not self.enabled
        ):
            await self.app(scope, receive, send)
            return
        params = plain_read_params(scope["query_string"])
        if params is None:
            await self.app(scope, receive, send)
            return
        thread, site, order, limit, cursor = params
        settings = self.context.settings
        size = min(limit or settings.page_size, settings.max_page_size)
        try:
            # On the event loop, as the route: two indexed statements of well under a
            # millisecond, less than handing the request to a worker thread.
            body = page_body(
                read_thread_page(self.context.db.engine, site, thread, order, size, cursor)
            )
        except Exception:
            # An unknown site, a bad cursor, the database away: the route answers (and logs)
            # it as the API does.
            await self.app(scope, receive, send)
            return
        etag = b'"' + hashlib.blake2b(body, digest_size=12).hexdigest().encode() + b'"'
        wanted = b""
        for name, value in scope["headers"]:
            if name == b"if-none-match":  # the first one, as `Headers.get` takes it
                wanted = value
                break
        # The headers in the order `caching.conditional_body`'s Response writes them.
        if wanted and etag_matches(wanted.decode("latin-1"), etag.decode()):
            self.answered += 1
            headers = [(b"etag", etag), (b"cache-control", _CACHE_CONTROL), (b"vary", _VARY)]
            await send({"type": "http.response.start", "status": 304, "headers": headers})
            await send({"type": "http.response.body", "body": b""})
            return
        self.answered += 1
        headers = [
            (b"etag", etag),
            (b"cache-control", _CACHE_CONTROL),
            (b"vary", _VARY),
            (b"content-length", str(len(body)).encode()),
            (b"content-type", _JSON),
        ]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body})
