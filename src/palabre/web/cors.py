"""CORS for the sites' own origins only, read from the database with a short cache."""

from __future__ import annotations

import time
from collections.abc import Callable

from starlette.datastructures import Headers
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

_ALLOW_HEADERS = "Content-Type, X-Palabre-Token, X-Palabre-Browser, Accept-Language"
_ALLOW_METHODS = "GET, POST, PATCH, DELETE, OPTIONS"


class SiteCors:
    def __init__(self, app: ASGIApp, origins: Callable[[], set[str]], ttl: float = 30.0) -> None:
        self.app = app
        self._load = origins
        self._ttl = ttl
        self._cached: set[str] = set()
        self._loaded_at = -1e9

    def allowed(self, origin: str) -> bool:
        now = time.monotonic()
        if now - self._loaded_at > self._ttl:
            self._cached = {o.lower().rstrip("/") for o in self._load()}
            self._loaded_at = now
        return origin.lower().rstrip("/") in self._cached

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        origin = None
        if scope["path"].startswith("/api/"):
            for name, value in scope["headers"]:
                if name == b"origin":  # the first one, as `Headers.get` takes it
                    origin = value.decode("latin-1")
                    break
        if not origin or not self.allowed(origin):
            await self.app(scope, receive, send)
            return
        if scope["method"] == "OPTIONS" and "access-control-request-method" in Headers(scope=scope):
            response = PlainTextResponse(
                "",
                status_code=204,
                headers={
                    "Access-Control-Allow-Origin": origin,
                    "Access-Control-Allow-Methods": _ALLOW_METHODS,
                    "Access-Control-Allow-Headers": _ALLOW_HEADERS,
                    "Access-Control-Max-Age": "600",
                    "Vary": "Origin",
                },
            )
            await response(scope, receive, send)
            return

        async def with_cors(message: Message) -> None:
            if message["type"] == "http.response.start":
                extra = [(b"access-control-allow-origin", origin.encode()), (b"vary", b"Origin")]
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        await self.app(scope, receive, with_cors)
