"""ASGI middleware: refuse, with our envelope, requests carrying characters no field may hold —
a NUL (PostgreSQL cannot store it in text) or a lone UTF-16 surrogate (not encodable in UTF-8)
— in the path, the query string or a JSON or form body, before any handler sees them."""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import unquote_to_bytes

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from palabre.errors import PalabreError
from palabre.web.body_guard import refuse

FORBIDDEN = re.compile("[\x00\ud800-\udfff]")
_WITH_BODY = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def has_forbidden(value: Any) -> bool:
    """Whether a decoded JSON value holds a forbidden character in any string or key."""
    if isinstance(value, str):
        return FORBIDDEN.search(value) is not None
    if isinstance(value, dict):
        return any(has_forbidden(k) or has_forbidden(v) for k, v in value.items())
    if isinstance(value, list):
        return any(has_forbidden(v) for v in value)
    return False


def _nul_in_url(scope: Scope) -> bool:
    """A NUL in the path or the query string, raw or percent-encoded (`%00` is the only
    escape that decodes to one)."""
    raw_path = bytes(scope.get("raw_path") or str(scope.get("path", "")).encode("utf-8", "replace"))
    query = bytes(scope.get("query_string", b""))
    return b"\x00" in raw_path or b"%00" in raw_path or b"\x00" in query or b"%00" in query


def _body_forbidden(content_type: bytes, body: bytes) -> bool:
    kind = content_type.split(b";")[0].strip().lower()
    if kind == b"application/json" or kind.endswith(b"+json"):
        try:
            return has_forbidden(json.loads(body))
        except ValueError:
            return False  # not JSON: the handler answers `json_invalide`
    if kind == b"application/x-www-form-urlencoded":
        return b"\x00" in unquote_to_bytes(body.replace(b"+", b" "))
    return False


def _locale(scope: Scope) -> str:
    headers = dict(scope["headers"])
    return "en" if headers.get(b"accept-language", b"").lower().startswith(b"en") else "fr"


class InputGuard:
    """Sits inside `BodyGuard`, which has already read the whole body into one message."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if _nul_in_url(scope):
            await refuse(send, PalabreError("caractere_interdit"), _locale(scope))
            return
        if scope["method"] not in _WITH_BODY:
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        locale = "en" if headers.get(b"accept-language", b"").lower().startswith(b"en") else "fr"
        content_type = headers.get(b"content-type", b"")
        if not content_type:
            await self.app(scope, receive, send)
            return
        message = await receive()
        body = message.get("body", b"") if message["type"] == "http.request" else b""
        if _body_forbidden(content_type, body):
            await refuse(send, PalabreError("caractere_interdit"), locale)
            return
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return message

        await self.app(scope, replay, send)
