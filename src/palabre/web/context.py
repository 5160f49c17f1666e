"""What request handlers reach: the settings, the database, the services."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request

from palabre.comments.service import CommentService
from palabre.comments.sites import get_site, origin_allowed
from palabre.errors import PalabreError
from palabre.moderation.engine import ModerationEngine
from palabre.review.charters import CharterSource
from palabre.settings import Settings
from palabre.storage.db import Database
from palabre.web.ratelimit import RateLimiter


@dataclass(frozen=True, slots=True)
class AppContext:
    settings: Settings
    db: Database
    comments: CommentService
    moderator: ModerationEngine
    own_origin: str
    limiter: RateLimiter
    charters: CharterSource

    def check_origin(self, request: Request, site_key: str) -> None:
        """Writes from a browser must come from one of the site's origins."""
        origin = request.headers.get("origin")
        if not origin:
            return
        with self.db.session() as session:
            site = get_site(session, site_key)
            if not origin_allowed(site, origin, self.own_origin):
                raise PalabreError("origine_refusee", params={"origin": origin[:100]})


def app_context(request: Request) -> AppContext:
    context: AppContext = request.app.state.palabre
    return context


async def current_context(request: Request) -> AppContext:
    """The same, as an async dependency: FastAPI resolves it on the event loop rather than in a
    worker thread (for the read endpoints that run on the loop)."""
    return app_context(request)


def client_ip(request: Request) -> str | None:
    return request.client.host if request.client else None
