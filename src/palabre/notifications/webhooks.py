"""Webhooks: per-site endpoints, HMAC-SHA256 signed POSTs (`X-Palabre-Signature: t=…,v1=…`
over « timestamp.body », as Stripe does), one delivery log row per attempt."""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from palabre import __version__
from palabre.comments.sites import get_site
from palabre.errors import PalabreError
from palabre.status import CommentStatus
from palabre.storage.db import Database
from palabre.storage.models import Comment, Site, Thread, WebhookDelivery, WebhookEndpoint

EVENTS = ("comment.published", "comment.held", "comment.rejected", "comment.reported")
STATUS_EVENTS: dict[str, str] = {
    CommentStatus.PUBLISHED: "comment.published",
    CommentStatus.HELD: "comment.held",
    CommentStatus.REJECTED: "comment.rejected",
}
SIGNATURE_HEADER = "X-Palabre-Signature"


def validate_url(url: str) -> str:
    parts = urlsplit(url.strip())
    if parts.scheme not in {"http", "https"} or not parts.hostname or len(url) > 2000:
        raise PalabreError("url_webhook_invalide", field="url")
    return url.strip()


def add_endpoint(
    session: Session, site_key: str, url: str, events: list[str] | None, now: datetime
) -> WebhookEndpoint:
    site = get_site(session, site_key)
    chosen = [e for e in (events or EVENTS) if e in EVENTS] or list(EVENTS)
    endpoint = WebhookEndpoint(
        site_id=site.id,
        url=validate_url(url),
        events=chosen,
        secret="whsec_" + secrets.token_urlsafe(32),
        active=True,
        created_at=now,
    )
    session.add(endpoint)
    session.flush()
    return endpoint


def sign(secret: str, timestamp: int, body: bytes) -> str:
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={mac.hexdigest()}"


def verify(
    secret: str, header: str, body: bytes, tolerance: int = 300, now: float | None = None
) -> bool:
    """What a receiver does: recompute the MAC, compare in constant time, refuse old ones."""
    try:
        parts = dict(p.split("=", 1) for p in header.split(","))
        timestamp = int(parts["t"])
    except (KeyError, ValueError):
        return False
    if abs((now or time.time()) - timestamp) > tolerance:
        return False
    expected = sign(secret, timestamp, body).split("v1=", 1)[1]
    return hmac.compare_digest(expected, parts.get("v1", ""))


def endpoints_for(session: Session, site_id: int, event: str) -> list[WebhookEndpoint]:
    rows = session.scalars(
        select(WebhookEndpoint)
        .where(WebhookEndpoint.site_id == site_id, WebhookEndpoint.active.is_(True))
        .order_by(WebhookEndpoint.id)
    ).all()
    return [e for e in rows if event in e.events]


# Whether any webhook is registered (built once: asked after every decision).
_ANY_ENDPOINT: Final = select(WebhookEndpoint.id).limit(1)


def any_endpoint(db: Database) -> bool:
    """One statement on a Core connection (no ORM session: asked after each decision)."""
    with db.engine.connect() as connection:
        return connection.execute(_ANY_ENDPOINT).first() is not None


def comment_payload(
    session: Session, comment_id: int, event: str, extra: dict[str, Any] | None = None
) -> tuple[int, dict[str, Any]] | None:
    """(site id, JSON body) of an event about a comment; None when the comment is gone."""
    comment = session.get(Comment, comment_id)
    if comment is None:
        return None
    thread = session.get(Thread, comment.thread_id)
    assert thread is not None
    site = session.get(Site, thread.site_id)
    assert site is not None
    data: dict[str, Any] = {
        "comment": {
            "id": comment.id,
            "parent": comment.parent_id,
            "status": comment.status,
            "author": comment.author_name,
            "verified": comment.author_verified,
            "text": comment.text,
            "html": comment.html,
            "created_at": comment.created_at.isoformat().replace("+00:00", "Z"),
        },
        "thread": {"key": thread.key, "title": thread.title, "url": thread.url},
        "site": site.key,
        **(extra or {}),
    }
    body = {
        "id": "evt_" + secrets.token_hex(12),
        "type": event,
        "created": int(time.time()),
        "data": data,
    }
    return site.id, body


@dataclass(frozen=True, slots=True)
class Attempt:
    status_code: int | None
    duration_ms: int
    error: str

    @property
    def ok(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def post(url: str, secret: str, event: str, event_id: str, body: bytes, timeout: float) -> Attempt:
    headers = {
        "Content-Type": "application/json",
        "User-Agent": f"palabre-webhooks/{__version__}",
        "X-Palabre-Event": event,
        "X-Palabre-Delivery": event_id,
        SIGNATURE_HEADER: sign(secret, int(time.time()), body),
    }
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    opener = urllib.request.build_opener(_NoRedirect)
    start = time.monotonic()
    status: int | None = None
    error = ""
    try:
        with opener.open(request, timeout=timeout) as response:
            status = int(response.status)
    except urllib.error.HTTPError as exc:
        status, error = exc.code, f"HTTP {exc.code}"
    except (urllib.error.URLError, OSError) as exc:
        error = f"{exc.__class__.__name__}: {exc}"[:500]
    return Attempt(status, int((time.monotonic() - start) * 1000), error)


def deliver(
    session: Session,
    endpoint: WebhookEndpoint,
    event: str,
    body: dict[str, Any],
    attempt: int,
    timeout: float,
    now: datetime,
) -> Attempt:
    """POST once and log the attempt."""
    raw = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
    result = post(endpoint.url, endpoint.secret, event, str(body.get("id", "")), raw, timeout)
    session.add(
        WebhookDelivery(
            endpoint_id=endpoint.id,
            event_id=str(body.get("id", ""))[:64],
            event=event,
            attempt=attempt,
            status_code=result.status_code,
            duration_ms=result.duration_ms,
            error=result.error,
            created_at=now,
        )
    )
    return result
