"""Background tasks on huey: SQLite in data_dir by default, Redis when `redis_url` is set.
Every task retries with exponential back-off (`task_retries`, `task_retry_delay` doubled each
time). Request handlers and event subscribers only enqueue; `palabre worker` runs them."""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from huey import Huey, RedisHuey, SqliteHuey, crontab
from huey.storage import SqliteStorage
from sqlalchemy.orm import Session

from palabre.comments.tokens import ViewTokens
from palabre.notifications import compose, webhooks
from palabre.notifications.links import Links
from palabre.notifications.mail import Email, SmtpSender
from palabre.settings import Settings
from palabre.status import RESTRICTING, CommentStatus
from palabre.storage.db import Database
from palabre.storage.models import Subscription, WebhookEndpoint

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]


def build_huey(settings: Settings, *, immediate: bool = False) -> Huey:
    if settings.redis_url:
        return RedisHuey("palabre", url=settings.redis_url, immediate=immediate)
    settings.data_path.mkdir(parents=True, exist_ok=True)
    return SqliteHuey(
        "palabre",
        filename=str(settings.data_path / "tasks.sqlite3"),
        immediate=immediate,
        storage_class=QueueStorage,
    )


class QueueStorage(SqliteStorage):  # type: ignore[misc]  # huey is untyped
    """huey's SQLite queue (WAL) with the durability of palabre's own database file
    (storage/db.py): `synchronous=NORMAL`, so a commit no longer waits for an fsync. A task
    written just before a power cut may be lost, like the comment it names; a comment left
    pending is moderated by the workers' sweep all the same (comments/background.py). Each
    enqueue on the post path: 0.12-0.14 → 0.03 ms of CPU, 0.23-0.25 → 0.035 ms holding the
    queue's write lock (docs/benchmarks.md, issue 21)."""

    def _create_connection(self) -> sqlite3.Connection:
        connection: sqlite3.Connection = super()._create_connection()
        connection.execute("PRAGMA synchronous=NORMAL")
        return connection


def moderator_addresses(settings: Settings) -> list[str]:
    return [a.strip() for a in settings.moderator_emails.split(",") if a.strip()]


#: (session, comment id, statement URL for a comment id) -> the e-mail, or None.
StatusMailer = Callable[[Session, int, Callable[[int], str]], Email | None]


class Tasks:
    """The task functions, registered on one huey instance, bound to settings and a database."""

    def __init__(
        self, huey: Huey, settings: Settings, db: Database, clock: Clock | None = None
    ) -> None:
        self.huey = huey
        self.settings = settings
        self.db = db
        self.clock: Clock = clock or (lambda: datetime.now(UTC))
        self.links = Links(settings.resolved_secret_key, settings.public_url)
        self.view_tokens = ViewTokens(settings.resolved_secret_key)
        #: Mails composed by a part above notifications when a comment's status changes
        #: (registered by the composition root: the web app, the worker command).
        self.status_mailers: list[StatusMailer] = []
        self.sender = SmtpSender(settings)
        retry = {
            "retries": settings.task_retries,
            "retry_delay": settings.task_retry_delay,
            "retry_backoff": 2,
        }
        self.send_mail = huey.task(name="send_mail", **retry)(self._send_mail)
        self.on_published = huey.task(name="on_published", **retry)(self._on_published)
        self.on_status = huey.task(name="on_status", **retry)(self._on_status)
        self.on_reported = huey.task(name="on_reported", **retry)(self._on_reported)
        self.deliver_webhook = huey.task(name="deliver_webhook", context=True, **retry)(
            self._deliver_webhook
        )
        self.digest = huey.periodic_task(
            crontab(minute="0", hour=str(settings.digest_hour)), name="digest"
        )(self.enqueue_digest)

    # -- tasks ---------------------------------------------------------------------------------

    def _send_mail(self, data: dict[str, object]) -> None:
        self.sender.send(Email.from_dict(data))

    def _on_published(self, comment_id: int, mail: bool = True) -> None:
        if mail and self.sender.enabled:
            with self.db.session() as session:
                emails = compose.published_emails(
                    session, self.links, comment_id, self.settings.locale
                )
            for email in emails:
                self.send_mail(email.as_dict())
        self._fan_out_webhooks(comment_id, "comment.published", None)

    def _on_status(self, comment_id: int, status: str) -> None:
        if status == CommentStatus.HELD and self.sender.enabled:
            with self.db.session() as session:
                emails = compose.held_emails(
                    session,
                    self.links,
                    comment_id,
                    moderator_addresses(self.settings),
                    self.settings.locale,
                    self.settings.moderation_link_hours,
                )
            for email in emails:
                self.send_mail(email.as_dict())
        if status in RESTRICTING and self.sender.enabled:
            self._mail_statement(comment_id)
        if status in webhooks.STATUS_EVENTS:
            self._fan_out_webhooks(comment_id, webhooks.STATUS_EVENTS[status], None)

    def _mail_statement(self, comment_id: int) -> None:
        """The e-mails that parts above this one attach to a status change (the statement of
        reasons of `palabre.legal`, DSA art. 17), sent where they apply."""
        for mailer in self.status_mailers:
            with self.db.session() as session:
                email = mailer(session, comment_id, self.statement_url)
            if email is not None:
                self.send_mail(email.as_dict())

    def statement_url(self, comment_id: int) -> str:
        """The author's link to the statement of reasons of a comment."""
        base = str(self.settings.public_url).rstrip("/")
        return f"{base}/motifs/{comment_id}?jeton={self.view_tokens.issue(comment_id)}"

    def _on_reported(self, comment_id: int, report_id: int, reason: str) -> None:
        self._fan_out_webhooks(
            comment_id, "comment.reported", {"report": {"id": report_id, "reason": reason}}
        )

    def _fan_out_webhooks(self, comment_id: int, event: str, extra: dict[str, Any] | None) -> None:
        with self.db.session() as session:
            found = webhooks.comment_payload(session, comment_id, event, extra)
            if found is None:
                return
            site_id, body = found
            targets = [e.id for e in webhooks.endpoints_for(session, site_id, event)]
        raw = json.dumps(body, ensure_ascii=False)
        for endpoint_id in targets:
            self.deliver_webhook(endpoint_id, event, raw)

    def _deliver_webhook(self, endpoint_id: int, event: str, raw: str, task: Any = None) -> None:
        attempt = 1 + self.settings.task_retries - (task.retries if task else 0)
        with self.db.session() as session:
            endpoint = session.get(WebhookEndpoint, endpoint_id)
            if endpoint is None or not endpoint.active:
                return
            result = webhooks.deliver(
                session,
                endpoint,
                event,
                json.loads(raw),
                attempt,
                float(self.settings.webhook_timeout),
                self.clock(),
            )
        if not result.ok:  # raise after the log row committed, so huey retries
            raise RuntimeError(f"webhook {endpoint_id}: {result.error or result.status_code}")

    # -- the daily digest ------------------------------------------------------------------------

    def enqueue_digest(self) -> int:
        """The periodic task: queue each digest, mark it sent (the mail task retries)."""
        return self.run_digest(lambda email: self.send_mail(email.as_dict()))

    def run_digest(self, send: Callable[[Email], object]) -> int:
        """Build the digests of the last 24 h and hand each to `send`. Returns how many."""
        now = self.clock()
        with self.db.session() as session:
            digests = compose.digest_emails(session, self.links, now)
        for subscription_id, email in digests:
            send(email)
            with self.db.session() as session:
                sub = session.get(Subscription, subscription_id)
                if sub is not None:
                    sub.last_digest_at = now
        return len(digests)
