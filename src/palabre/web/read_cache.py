"""Whole-response cache for the two public reads that every article view makes: a thread page
(`GET /api/comments`) and the counts (`GET /api/counts`).

It sits outside every other middleware, so a hit replays exactly what the full stack answered
(security and CORS headers included) without routing, validation, SQL or JSON. An entry is
valid only while the database's change stamp (storage/change_stamp.py) is the one read *before*
the response was built: any commit by any process (a new comment, an edit, a moderator's
decision, a site's origins) makes every entry a miss. A stamp read before the query can only
be older than the data, never newer, so the worst case is one extra miss.

The key is the path, the query string, and the two request headers these responses vary on
(`Origin` for CORS, `Accept-Language`). They read no cookie and no token. Only complete 200
responses up to `MAX_BODY` bytes are kept, at most `entries` of them (least recently used out).
A conditional request that matches the cached ETag gets the same body-less 304 as without the
cache."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from palabre.storage.change_stamp import ChangeStamp
from palabre.web.caching import etag_matches

CACHED_PATHS = frozenset({"/api/comments", "/api/counts"})
MAX_BODY = 512 * 1024
_VARY = (b"origin", b"accept-language")
_NOT_IN_304 = frozenset({b"content-length", b"content-type"})


@dataclass(frozen=True, slots=True)
class Entry:
    stamp: object
    headers: list[tuple[bytes, bytes]]
    body: bytes
    etag: bytes | None


class ReadCache:
    def __init__(self, app: ASGIApp, stamp: ChangeStamp, entries: int) -> None:
        self.app = app
        self.stamp = stamp
        self.capacity = entries
        self.entries: OrderedDict[tuple[object, ...], Entry] = OrderedDict()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] != "GET"
            or scope["path"] not in CACHED_PATHS
            or self.capacity <= 0
        ):
            await self.app(scope, receive, send)
            return
        request_headers: list[tuple[bytes, bytes]] = scope["headers"]
        varying = {name: value for name, value in request_headers if name in _VARY}
        key = (scope["path"], scope["query_string"], *(varying.get(name) for name in _VARY))
        stamp = self.stamp.read()
        if stamp is None:
            await self.app(scope, receive, send)
            return
        entry = self.entries.get(key)
        if entry is not None and entry.stamp == stamp:
            self.entries.move_to_end(key)
            await _replay(entry, request_headers, send)
            return
        await self._fill(key, stamp, scope, receive, send)

    async def _fill(
        self, key: tuple[object, ...], stamp: object, scope: Scope, receive: Receive, send: Send
    ) -> None:
        start: Message | None = None
        chunks: list[bytes] = []
        complete = False

        async def capture(message: Message) -> None:
            nonlocal start, complete
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body" and start is not None:
                chunks.append(message.get("body", b""))
                complete = not message.get("more_body", False)
            await send(message)

        await self.app(scope, receive, capture)
        if start is None or start["status"] != 200 or not complete:
            return
        body = b"".join(chunks)
        if len(body) > MAX_BODY:
            return
        headers = list(start.get("headers", []))
        etag = next((value for name, value in headers if name.lower() == b"etag"), None)
        self.entries[key] = Entry(stamp, headers, body, etag)
        self.entries.move_to_end(key)
        while len(self.entries) > self.capacity:
            self.entries.popitem(last=False)


async def _replay(entry: Entry, request_headers: list[tuple[bytes, bytes]], send: Send) -> None:
    if entry.etag is not None:
        wanted = b",".join(value for name, value in request_headers if name == b"if-none-match")
        if etag_matches(wanted.decode("latin-1"), entry.etag.decode("latin-1")):
            headers = [(n, v) for n, v in entry.headers if n.lower() not in _NOT_IN_304]
            await send({"type": "http.response.start", "status": 304, "headers": headers})
            await send({"type": "http.response.body", "body": b""})
            return
    await send({"type": "http.response.start", "status": 200, "headers": entry.headers})
    await send({"type": "http.response.body", "body": entry.body})
