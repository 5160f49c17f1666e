"""The ban check the comment service makes before it stores a reader's comment. A ban matches
any key the author was known by when banned (hashed e-mail, IP fingerprint, browser token) or
their e-mail, so leaving the e-mail out does not dodge it. Moderators add and lift bans through
`palabre.review.bans`."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from palabre.errors import PalabreError
from palabre.storage.models_review import Ban


def active_ban(
    session: Session, site_id: int, keys: Iterable[str | None], email: str | None, now: datetime
) -> Ban | None:
    matches: list[ColumnElement[bool]] = []
    key_list = [k for k in keys if k]
    if key_list:
        matches.extend(
            column.in_(key_list) for column in (Ban.author_key, Ban.ip_key, Ban.browser_key)
        )
    if email:
        matches.append(Ban.author_email == email.strip().lower())
    if not matches:
        return None
    return session.scalars(
        select(Ban)
        .where(
            Ban.site_id == site_id,
            or_(*matches),
            Ban.lifted_at.is_(None),
            or_(Ban.expires_at.is_(None), Ban.expires_at > now),
        )
        .order_by(Ban.expires_at.is_(None).desc(), Ban.expires_at.desc())
    ).first()


def raise_if_banned(
    session: Session, site_id: int, keys: Iterable[str | None], email: str | None, now: datetime
) -> None:
    ban = active_ban(session, site_id, keys, email, now)
    if ban is None:
        return
    if ban.expires_at is None:
        raise PalabreError("auteur_banni")
    until = ban.expires_at.strftime("%Y-%m-%d %H:%M UTC")
    raise PalabreError("auteur_suspendu", params={"until": until})
