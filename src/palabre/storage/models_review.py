"""Dashboard tables: moderator accounts and their sites, login attempts (throttling), author
bans, and the charter versions saved from the dashboard. Built by migration 0002."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from palabre.storage.base import Base, IdType, UTCDateTime


class Account(Base):
    """A person who moderates: role `moderateur` (bound to sites) or `admin` (every site)."""

    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))
    locale: Mapped[str] = mapped_column(String(8), default="")
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class AccountSite(Base):
    """The sites a moderator may act on."""

    __tablename__ = "account_sites"

    account_id: Mapped[int] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True
    )
    site_id: Mapped[int] = mapped_column(
        ForeignKey("sites.id", ondelete="CASCADE"), primary_key=True
    )


class LoginAttempt(Base):
    """One try at the login form; failures within the window throttle account + IP."""

    __tablename__ = "login_attempts"
    __table_args__ = (
        Index("ix_login_attempts_email_ip_created", "email", "ip", "created_at"),
        Index("ix_login_attempts_email_created", "email", "created_at"),
    )

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    email: Mapped[str] = mapped_column(String(254))
    ip: Mapped[str] = mapped_column(String(64))  # keyed fingerprint, never the raw address
    succeeded: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class DashboardSession(Base):
    """A logged-in dashboard session (migration 0006): the cookie is only worth something while
    its row exists, so logout, a password change or disabling the account end it."""

    __tablename__ = "dashboard_sessions"

    sid_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[int] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Ban(Base):
    """An author who may not post on a site, until `expires_at` (None: for good) or lifted."""

    __tablename__ = "bans"
    __table_args__ = (
        Index("ix_bans_site_key", "site_id", "author_key"),
        Index("ix_bans_site_email", "site_id", "author_email"),
        Index("ix_bans_site_ip", "site_id", "ip_key"),
        Index("ix_bans_site_browser", "site_id", "browser_key"),
    )

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"))
    author_key: Mapped[str | None] = mapped_column(String(64), nullable=True)
    author_email: Mapped[str | None] = mapped_column(String(254), nullable=True)
    # The author's other keys when banned from a comment (migration 0006).
    ip_key: Mapped[str | None] = mapped_column(String(64), nullable=True)
    browser_key: Mapped[str | None] = mapped_column(String(64), nullable=True)
    comment_id: Mapped[int | None] = mapped_column(
        ForeignKey("comments.id", ondelete="SET NULL"), nullable=True
    )
    note: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    lifted_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    lifted_by: Mapped[str | None] = mapped_column(String(120), nullable=True)


class CharterVersion(Base):
    """A charter saved from the dashboard. The highest `number` is the active charter; older
    versions are kept so old decisions keep their meaning."""

    __tablename__ = "charter_versions"

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    number: Mapped[int] = mapped_column(Integer, unique=True)
    label: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
