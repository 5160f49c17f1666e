"""The SSO token a post carries (body `sso`, or header `X-Palabre-SSO`), checked per site."""

from __future__ import annotations

from typing import TYPE_CHECKING

from palabre.identity.sso import VerifiedIdentity, verify

if TYPE_CHECKING:
    from palabre.web.context import AppContext


def sso_identity(ctx: AppContext, site: str, token: str | None) -> VerifiedIdentity | None:
    if not token:
        return None
    with ctx.db.session() as session:
        return verify(session, site, token)
