"""A publisher's duties (migration 0007): statements of reasons (DSA art. 17), appeals
(art. 20) and notices of illegal content (art. 16)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from palabre.storage.base import Base, IdType, UTCDateTime


class Statement(Base):
    """What the author of a held, rejected or removed comment is told: generated from the
    charter and the decision, never from a moderator's note."""

    __tablename__ = "statements"

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    comment_id: Mapped[int] = mapped_column(
        ForeignKey("comments.id", ondelete="CASCADE"), index=True
    )
    action_id: Mapped[int | None] = mapped_column(
        ForeignKey("moderation_actions.id", ondelete="SET NULL"), nullable=True
    )
    decision: Mapped[str] = mapped_column(String(16))  # hold, reject, delete
    automated: Mapped[bool] = mapped_column(Boolean)
    mode: Mapped[str] = mapped_column(String(8), default="")
    # [{"clause": id, "text": clause text, "words": [...]}]
    grounds: Mapped[list[Any]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)


class Appeal(Base):
    """An author contests a decision (internal complaint): a person decides."""

    __tablename__ = "appeals"
    __table_args__ = (Index("ix_appeals_status_created", "status", "created_at"),)

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    comment_id: Mapped[int] = mapped_column(
        ForeignKey("comments.id", ondelete="CASCADE"), index=True
    )
    statement_id: Mapped[int] = mapped_column(ForeignKey("statements.id", ondelete="CASCADE"))
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16))  # open, upheld, reversed
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    decided_by: Mapped[str | None] = mapped_column(String(120), nullable=True)


class Notice(Base):
    """« Signaler un contenu illicite »: a notice with its category, explanation, location,
    the notifier's name and e-mail and their good-faith statement, and a deadline."""

    __tablename__ = "notices"
    __table_args__ = (Index("ix_notices_status_due", "status", "due_at"),)

    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    comment_id: Mapped[int | None] = mapped_column(
        ForeignKey("comments.id", ondelete="SET NULL"), nullable=True
    )
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"))
    category: Mapped[str] = mapped_column(String(32))
    explanation: Mapped[str] = mapped_column(Text)
    location: Mapped[str] = mapped_column(String(2000))
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(254))
    good_faith: Mapped[bool] = mapped_column(Boolean)
    status: Mapped[str] = mapped_column(String(16))  # open, decided
    outcome: Mapped[str | None] = mapped_column(String(16), nullable=True)  # removed, kept
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime())
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    decided_by: Mapped[str | None] = mapped_column(String(120), nullable=True)
