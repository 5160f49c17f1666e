"""GDPR: what palabre holds about an e-mail address, erasure that keeps threads readable, and
the retention of IP fingerprints."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, case, or_, select, update
from sqlalchemy.orm import Session

from palabre.comments.service import delete_audited
from palabre.storage.models import Comment, Report, Subscription, Thread


def export_person(session: Session, email: str) -> dict[str, Any]:
    email = email.strip().lower()
    rows = session.execute(
        select(Comment, Thread)
        .join(Thread, Thread.id == Comment.thread_id)
        .where(Comment.author_email == email)
        .order_by(Comment.created_at)
    ).all()
    subscriptions = session.execute(
        select(Subscription, Thread)
        .join(Thread, Thread.id == Subscription.thread_id)
        .where(Subscription.email == email)
    ).all()
    return {
        "email": email,
        "comments": [
            {
                "id": c.id,
                "thread": t.key,
                "thread_title": t.title,
                "author": c.author_name,
                "text": c.text,
                "status": c.status,
                "created_at": c.created_at.isoformat(),
                "edited_at": c.edited_at.isoformat() if c.edited_at else None,
            }
            for c, t in rows
        ],
        "subscriptions": [
            {
                "thread": t.key,
                "mode": s.mode,
                "confirmed_at": s.confirmed_at.isoformat() if s.confirmed_at else None,
            }
            for s, t in subscriptions
        ],
    }


def erase_person(session: Session, email: str, now: datetime) -> int:
    """Tombstone every comment of that address and drop its subscriptions. Returns how many
    comments were erased; each erasure is audited."""
    email = email.strip().lower()
    comments = session.scalars(select(Comment).where(Comment.author_email == email)).all()
    for comment in comments:
        delete_audited(
            session, comment, "RGPD", "gdpr_erase", "effacement à la demande de la personne", now
        )
        comment.author_key = comment.ip_key = comment.browser_key = None
    for subscription in session.scalars(select(Subscription).where(Subscription.email == email)):
        session.delete(subscription)
    return len(comments)


def purge_ip_fingerprints(session: Session, now: datetime, retention_days: int) -> int:
    """Forget IP fingerprints older than the retention period (every comment carries one since
    migration 0006, those without an e-mail also as author key; reports always do). Returns
    how many comments and reports were touched."""
    cutoff = now - timedelta(days=retention_days)
    comments = session.execute(
        update(Comment)
        .where(
            Comment.created_at < cutoff,
            or_(
                Comment.ip_key.is_not(None),
                and_(Comment.author_email.is_(None), Comment.author_key.is_not(None)),
            ),
        )
        .values(
            ip_key=None,
            author_key=case((Comment.author_email.is_(None), None), else_=Comment.author_key),
        )
    )
    reports = session.execute(
        update(Report)
        .where(Report.reporter_key.is_not(None), Report.created_at < cutoff)
        .values(reporter_key=None)
    )
    return int(comments.rowcount or 0) + int(reports.rowcount or 0)  # type: ignore[attr-defined]
