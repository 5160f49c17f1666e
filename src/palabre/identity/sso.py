"""SSO through the host site: it signs `{"sub", "name", "email"?, "exp"}` with the site's secret
(HS256); palabre checks the signature, the expiry and the site, and marks the comment verified."""

from __future__ import annotations

import secrets
from datetime import datetime

import jwt
from sqlalchemy.orm import Session

from palabre.comments.authors import VerifiedIdentity
from palabre.comments.sites import get_site
from palabre.errors import PalabreError
from palabre.storage.models import SsoSecret

ALGORITHM = "HS256"
LEEWAY_SECONDS = 30


def set_secret(session: Session, site_key: str, now: datetime, secret: str | None = None) -> str:
    """Store (or replace) a site's SSO secret; returns it. At least 32 characters."""
    site = get_site(session, site_key)
    value = secret or secrets.token_urlsafe(32)
    if len(value) < 32:
        raise ValueError("the SSO secret must be at least 32 characters")
    row = session.get(SsoSecret, site.id)
    if row is None:
        session.add(SsoSecret(site_id=site.id, secret=value, created_at=now))
    else:
        row.secret, row.created_at = value, now
    return value


def verify(session: Session, site_key: str, token: str) -> VerifiedIdentity:
    site = get_site(session, site_key)
    row = session.get(SsoSecret, site.id)
    if row is None:
        raise PalabreError("sso_non_configure", params={"site": site_key[:64]}, field="sso")
    try:
        claims = jwt.decode(
            token,
            row.secret,
            algorithms=[ALGORITHM],
            leeway=LEEWAY_SECONDS,
            options={"require": ["sub", "exp"]},
        )
    except jwt.ExpiredSignatureError:
        raise PalabreError("sso_expire", field="sso") from None
    except jwt.InvalidTokenError:
        raise PalabreError("sso_invalide", field="sso") from None
    sub, name, email = claims.get("sub"), claims.get("name"), claims.get("email")
    if not isinstance(sub, str) or not sub or len(sub) > 200:
        raise PalabreError("sso_invalide", field="sso")
    if not isinstance(name, str) or not name.strip():
        name = sub
    return VerifiedIdentity(sub, name.strip()[:80], email if isinstance(email, str) else None)
