"""Author bans and suspensions per site, as moderators add and lift them. The comment service
checks them before it stores a reader's comment (`palabre.comments.bans`)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from palabre.errors import PalabreError
from palabre.storage.models_review import Ban


def add_ban(
    session: Session,
    *,
    site_id: int,
    author_key: str | None,
    author_email: str | None,
    duration: timedelta | None,
    actor: str,
    note: str,
    now: datetime,
    comment_id: int | None = None,
    ip_key: str | None = None,
    browser_key: str | None = None,
) -> Ban:
    if not author_key and not author_email and not ip_key and not browser_key:
        raise PalabreError("auteur_non_identifiable")
    ban = Ban(
        site_id=site_id,
        author_key=author_key,
        ip_key=ip_key,
        browser_key=browser_key,
        author_email=author_email.strip().lower() if author_email else None,
        comment_id=comment_id,
        note=note[:2000],
        created_by=actor,
        created_at=now,
        expires_at=None if duration is None else now + duration,
    )
    session.add(ban)
    session.flush()
    return ban


def lift_ban(session: Session, ban_id: int, actor: str, now: datetime) -> Ban:
    ban = session.get(Ban, ban_id)
    if ban is None:
        raise PalabreError("introuvable")
    if ban.lifted_at is None:
        ban.lifted_at, ban.lifted_by = now, actor
    return ban


def current_bans(session: Session, site_ids: frozenset[int] | None, now: datetime) -> list[Ban]:
    query = select(Ban).where(
        Ban.lifted_at.is_(None), or_(Ban.expires_at.is_(None), Ban.expires_at > now)
    )
    if site_ids is not None:
        query = query.where(Ban.site_id.in_(site_ids))
    return list(session.scalars(query.order_by(Ban.created_at.desc()).limit(500)).all())
