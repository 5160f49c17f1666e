"""The domain tables. SQLite by default, PostgreSQL through `database_url`; the schema is built by
the numbered migrations in `storage/migrations/versions`, never by `create_all`."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from palabre.storage.base import Base as Base
from palabre.storage.base import IdType as IdType
from palabre.storage.base import UTCDateTime as UTCDateTime

MAX_ID = 2**63 - 1  # the largest identifier any backend stores


class Site(Base):
    __tablename__ = "sites"

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    origins: Mapped[list[Any]] = mapped_column(JSON, default=list)
    auto_create_threads: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # Migration 0007 (None: the setting of the same name applies).
    moderation_mode: Mapped[str | None] = mapped_column(String(8), nullable=True)
    close_after_days: Mapped[int | None] = mapped_column(Integer, nullable=True)
    quota_per_day: Mapped[int | None] = mapped_column(Integer, nullable=True)
    quota_max_length: Mapped[int | None] = mapped_column(Integer, nullable=True)


class Thread(Base):
    __tablename__ = "threads"
    __table_args__ = (UniqueConstraint("site_id", "key", name="uq_threads_site_key"),)

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(1000))
    title: Mapped[str] = mapped_column(String(500), default="")
    url: Mapped[str] = mapped_column(String(2000), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # Migration 0007: this article's own moderation mode (None: the site's), closed comments.
    moderation_mode: Mapped[str | None] = mapped_column(String(8), nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)

    site: Mapped[Site] = relationship()


class Comment(Base):
    __tablename__ = "comments"
    __table_args__ = (
        Index("ix_comments_thread_root_page", "thread_id", "status", "parent_id", "created_at"),
        Index("ix_comments_root", "root_id"),
        # The thread page: a thread's top-level comments in date order (partial index).
        Index(
            "ix_comments_thread_roots",
            "thread_id",
            "created_at",
            "id",
            postgresql_where=text("parent_id IS NULL"),
            sqlite_where=text("parent_id IS NULL"),
        ),
        Index("ix_comments_status_created", "status", "created_at"),
        Index("ix_comments_author_key_created", "author_key", "created_at"),
        UniqueConstraint("thread_id", "import_source", "external_id", name="uq_comments_import"),
    )

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    thread_id: Mapped[int] = mapped_column(ForeignKey("threads.id", ondelete="CASCADE"))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("comments.id"), nullable=True)
    root_id: Mapped[int | None] = mapped_column(IdType, nullable=True)
    author_name: Mapped[str | None] = mapped_column(String(80), nullable=True)
    author_email: Mapped[str | None] = mapped_column(String(254), nullable=True)
    author_key: Mapped[str | None] = mapped_column(String(64), nullable=True)
    # Every key the author was known by when posting (migration 0006), so a ban reaches them all.
    ip_key: Mapped[str | None] = mapped_column(String(64), nullable=True)
    browser_key: Mapped[str | None] = mapped_column(String(64), nullable=True)
    text: Mapped[str] = mapped_column(Text)
    html: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    edited_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    report_count: Mapped[int] = mapped_column(Integer, default=0)
    edit_nonce: Mapped[str] = mapped_column(String(32))
    # Signed in through the host site (SSO, migration 0004).
    author_verified: Mapped[bool] = mapped_column(Boolean, default=False)
    author_external_id: Mapped[str | None] = mapped_column(String(200), nullable=True)
    # Where an imported comment came from (migration 0003): a second import adds nothing.
    import_source: Mapped[str | None] = mapped_column(String(32), nullable=True)
    external_id: Mapped[str | None] = mapped_column(String(200), nullable=True)

    thread: Mapped[Thread] = relationship()


class Decision(Base):
    """A moderation decision with its reasons, as the engine (or a moderator) made it."""

    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    comment_id: Mapped[int] = mapped_column(
        ForeignKey("comments.id", ondelete="CASCADE"), index=True
    )
    decision: Mapped[str] = mapped_column(String(16))
    reasons: Mapped[list[Any]] = mapped_column(JSON, default=list)
    scores: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    corrections: Mapped[list[Any]] = mapped_column(JSON, default=list)
    language: Mapped[str] = mapped_column(String(8), default="")
    engine_version: Mapped[str] = mapped_column(String(64), default="")
    charter_version: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # Migration 0007: the moderation mode in force, and what the engine proposed (the decision
    # may differ: in `pre` mode every comment waits for a person).
    mode: Mapped[str] = mapped_column(String(8), default="")
    proposed: Mapped[str] = mapped_column(String(16), default="")


class ModerationAction(Base):
    """The audit trail: every status change, by the system or a person."""

    __tablename__ = "moderation_actions"

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    comment_id: Mapped[int] = mapped_column(
        ForeignKey("comments.id", ondelete="CASCADE"), index=True
    )
    actor: Mapped[str] = mapped_column(String(120))
    action: Mapped[str] = mapped_column(String(32))
    from_status: Mapped[str | None] = mapped_column(String(16), nullable=True)
    to_status: Mapped[str] = mapped_column(String(16))
    clauses: Mapped[list[Any]] = mapped_column(JSON, default=list)
    note: Mapped[str] = mapped_column(Text, default="")
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)


class Report(Base):
    """A reader's « Alerter »."""

    __tablename__ = "reports"

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    comment_id: Mapped[int] = mapped_column(
        ForeignKey("comments.id", ondelete="CASCADE"), index=True
    )
    reason: Mapped[str] = mapped_column(String(32))
    details: Mapped[str] = mapped_column(Text, default="")
    reporter_key: Mapped[str | None] = mapped_column(String(64), nullable=True)  # IP fingerprint
    # The reporter's other keys (migration 0006): a report counts once per reporter.
    reporter_browser: Mapped[str | None] = mapped_column(String(64), nullable=True)
    reporter_email: Mapped[str | None] = mapped_column(String(64), nullable=True)
    status: Mapped[str] = mapped_column(String(16), default="open")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Subscription(Base):
    """« Suivre les commentaires » of one article (or replies to one comment)."""

    __tablename__ = "subscriptions"
    __table_args__ = (UniqueConstraint("thread_id", "email", name="uq_subscriptions_thread_email"),)

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    thread_id: Mapped[int] = mapped_column(ForeignKey("threads.id", ondelete="CASCADE"))
    email: Mapped[str] = mapped_column(String(254))
    mode: Mapped[str] = mapped_column(String(16), default="immediate")
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # Migration 0004: the subscriber's language and the last digest sent.
    locale: Mapped[str] = mapped_column(String(8), default="fr")
    last_digest_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


# -- notifications and identity (migration 0004) ------------------------------------------------


class EmailOptOut(Base):
    """An address that asked for no more e-mails of one kind (e.g. reply notifications)."""

    __tablename__ = "email_optouts"

    email: Mapped[str] = mapped_column(String(254), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class UsedLink(Base):
    """Single-use signed links (moderation from an e-mail): the id of each link once used."""

    __tablename__ = "used_links"

    jti: Mapped[str] = mapped_column(String(64), primary_key=True)
    used_at: Mapped[datetime] = mapped_column(UTCDateTime())


class SsoSecret(Base):
    """The secret a host site signs its readers' SSO tokens (JWT HS256) with."""

    __tablename__ = "sso_secrets"

    site_id: Mapped[int] = mapped_column(
        ForeignKey("sites.id", ondelete="CASCADE"), primary_key=True
    )
    secret: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class WebhookEndpoint(Base):
    __tablename__ = "webhook_endpoints"

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"), index=True)
    url: Mapped[str] = mapped_column(String(2000))
    secret: Mapped[str] = mapped_column(String(100))
    events: Mapped[list[Any]] = mapped_column(JSON, default=list)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class WebhookDelivery(Base):
    """One attempt to deliver one event to one endpoint."""

    __tablename__ = "webhook_deliveries"

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    endpoint_id: Mapped[int] = mapped_column(
        ForeignKey("webhook_endpoints.id", ondelete="CASCADE"), index=True
    )
    event_id: Mapped[str] = mapped_column(String(64))
    event: Mapped[str] = mapped_column(String(32))
    attempt: Mapped[int] = mapped_column(Integer)
    status_code: Mapped[int | None] = mapped_column(Integer, nullable=True)
    duration_ms: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
