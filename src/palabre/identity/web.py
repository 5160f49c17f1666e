"""The SSO token a post carries (body `sso`, or header `X-Palabre-SSO`), checked per site."""

from __future__ import annotations

from palabre.comments.authors import VerifiedIdentity
from palabre.identity.sso import verify
from palabre.storage.db import Database


def sso_identity(db: Database, site: str, token: str | None) -> VerifiedIdentity | None:
    if not token:
        return None
    with db.session() as session:
        return verify(session, site, token)
