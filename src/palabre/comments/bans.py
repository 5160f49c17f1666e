"""The ban check the comment service makes before it stores a reader's comment. A ban matches
any key the author was known by when banned (hashed e-mail, IP fingerprint, browser token) or
their e-mail, so leaving the e-mail out does not dodge it. Moderators add and lift bans through
`palabre.review.bans`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from sqlalchemy import BindParameter, bindparam, or_, select
from sqlalchemy.orm import Session

from palabre.errors import PalabreError
from palabre.storage.models_review import Ban

# Every key a post carries (hashed e-mail, IP fingerprint, browser token, author key): each is
# bound in a slot of its own, a missing one as NULL, which matches nothing (`IN (NULL)` and
# `= NULL` are never true). Built and compiled once: an expanding IN list would be rendered
# again on every post.
KEY_SLOTS = 4
_KEYS: Final[list[BindParameter[Any]]] = [bindparam(f"key{i}") for i in range(KEY_SLOTS)]
# Which ban applies and until when (no ORM object: run on the session's connection).
_ACTIVE_BAN = (
    select(Ban.id, Ban.expires_at)
    .where(
        Ban.site_id == bindparam("site_id"),
        or_(
            Ban.author_key.in_(_KEYS),
            Ban.ip_key.in_(_KEYS),
            Ban.browser_key.in_(_KEYS),
            Ban.author_email == bindparam("email"),
        ),
        Ban.lifted_at.is_(None),
        or_(Ban.expires_at.is_(None), Ban.expires_at > bindparam("now")),
    )
    .order_by(Ban.expires_at.is_(None).desc(), Ban.expires_at.desc())
    .limit(1)
)


@dataclass(frozen=True, slots=True)
class ActiveBan:
    id: int
    expires_at: datetime | None  # None: for good


def active_ban(
    session: Session, site_id: int, keys: Iterable[str | None], email: str | None, now: datetime
) -> ActiveBan | None:
    key_list = list(dict.fromkeys(k for k in keys if k))
    if not key_list and not email:
        return None
    if len(key_list) > KEY_SLOTS:
        raise ValueError(f"at most {KEY_SLOTS} keys, got {len(key_list)}")
    params: dict[str, object] = {f"key{i}": None for i in range(KEY_SLOTS)}
    params.update({f"key{i}": key for i, key in enumerate(key_list)})
    params.update(site_id=site_id, email=email.strip().lower() if email else None, now=now)
    row = session.connection().execute(_ACTIVE_BAN, params).first()
    return None if row is None else ActiveBan(row[0], row[1])


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
