"""The dashboard session: one signed cookie (HttpOnly, SameSite=Lax, Secure over https) holding
a random session id, the CSRF token and, once logged in, the account id. Logging in rotates
both the session id and the CSRF token."""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass, field
from typing import Any

from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.requests import Request

COOKIE = "palabre_moderation"
STATE_KEY = "palabre_dashboard_session"


@dataclass(slots=True)
class DashboardSession:
    sid: str
    csrf: str
    account_id: int | None = None
    dirty: bool = False
    cleared: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def fresh(cls) -> DashboardSession:
        return cls(secrets.token_urlsafe(18), secrets.token_urlsafe(24), None, dirty=True)

    def rotate(self, account_id: int | None) -> None:
        """New id and CSRF token (login, logout): a planted session cannot be reused."""
        self.sid = secrets.token_urlsafe(18)
        self.csrf = secrets.token_urlsafe(24)
        self.account_id = account_id
        self.dirty = True

    def csrf_ok(self, token: str | None) -> bool:
        return bool(token) and hmac.compare_digest(self.csrf.encode(), (token or "").encode())

    def payload(self) -> dict[str, Any]:
        return {"s": self.sid, "c": self.csrf, "a": self.account_id}


class SessionCodec:
    def __init__(self, secret: str, max_age_s: int, secure: bool) -> None:
        self._serializer = URLSafeTimedSerializer(secret, salt="palabre.dashboard.session")
        self.max_age_s = max_age_s
        self.secure = secure

    def load(self, raw: str | None) -> DashboardSession:
        if not raw:
            return DashboardSession.fresh()
        try:
            data = self._serializer.loads(raw, max_age=self.max_age_s)
        except BadSignature:
            return DashboardSession.fresh()
        if not isinstance(data, dict) or not isinstance(data.get("s"), str):
            return DashboardSession.fresh()
        account = data.get("a")
        return DashboardSession(
            str(data["s"]), str(data.get("c", "")), account if isinstance(account, int) else None
        )

    def header(self, session: DashboardSession) -> str:
        value = self._serializer.dumps(session.payload())
        parts = [
            f"{COOKIE}={value}",
            "Path=/moderation",
            "HttpOnly",
            "SameSite=Lax",
            f"Max-Age={self.max_age_s}",
        ]
        if self.secure:
            parts.append("Secure")
        return "; ".join(parts)


def dashboard_session(request: Request, codec: SessionCodec) -> DashboardSession:
    """The request's session, loaded once; the middleware writes it back when it changed."""
    state = request.scope.setdefault("state", {})
    session = state.get(STATE_KEY)
    if not isinstance(session, DashboardSession):
        session = codec.load(request.cookies.get(COOKIE))
        state[STATE_KEY] = session
    return session
