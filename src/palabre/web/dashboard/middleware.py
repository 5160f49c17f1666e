"""On dashboard pages: a strict CSP (no inline script or style), no framing, no caching, and the
session cookie written back when the session changed."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from palabre.web.dashboard.session import STATE_KEY, DashboardSession, SessionCodec

PREFIX = "/moderation"
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'"
)
_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-frame-options", b"DENY"),
    (b"cache-control", b"no-store"),
    (b"pragma", b"no-cache"),
    (b"referrer-policy", b"same-origin"),
    (b"x-content-type-options", b"nosniff"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class DashboardMiddleware:
    def __init__(self, app: ASGIApp, codec: SessionCodec) -> None:
        self.app = app
        self.codec = codec

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not str(scope["path"]).startswith(PREFIX):
            await self.app(scope, receive, send)
            return
        state = scope.setdefault("state", {})

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (n, v)
                    for n, v in message.get("headers", [])
                    if n.lower() not in {h for h, _ in _HEADERS}
                ]
                headers.extend(_HEADERS)
                session = state.get(STATE_KEY)
                if isinstance(session, DashboardSession) and session.dirty:
                    headers.append((b"set-cookie", self.codec.header(session).encode()))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)
