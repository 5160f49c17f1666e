"""Who wrote a comment, as the comments service stores it. The host site may vouch for its
reader (SSO, `palabre.identity`): the comment is then marked verified, with the site's own id."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class VerifiedIdentity:
    external_id: str
    name: str
    email: str | None
