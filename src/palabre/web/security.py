"""Security headers on every response. The API and the widget assets may be used by the sites'
pages; nothing of palabre may be framed except the demo pages by themselves."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

_COMMON = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"strict-origin-when-cross-origin"),
]
_API = [
    (b"content-security-policy", b"default-src 'none'; frame-ancestors 'none'"),
    (b"x-frame-options", b"DENY"),
    (b"cache-control", b"no-store"),
]
_ASSET = [(b"cross-origin-resource-policy", b"cross-origin")]
_PAGE = [
    (
        b"content-security-policy",
        b"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
        b"script-src 'self'; connect-src 'self'; frame-ancestors 'self'; base-uri 'none'; "
        b"form-action 'self'",
    ),
    (b"x-frame-options", b"SAMEORIGIN"),
]

_COMMON_API = _COMMON + _API
_COMMON_ASSET = _COMMON + _ASSET
_COMMON_PAGE = _COMMON + _PAGE


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        if path.startswith("/api/docs"):
            wanted = _COMMON
        elif path.startswith("/api/"):
            wanted = _COMMON_API
        elif path.endswith(".js") or path.startswith("/static/"):
            wanted = _COMMON_ASSET
        elif path.startswith("/moderation"):
            wanted = _COMMON  # the dashboard sets its own, stricter policy
        else:
            wanted = _COMMON_PAGE

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                added = [(n, v) for n, v in wanted if n not in present]
                message["headers"] = list(message.get("headers", [])) + added
            await send(message)

        await self.app(scope, receive, send_with_headers)
