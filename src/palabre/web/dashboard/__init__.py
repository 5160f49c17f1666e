"""The moderator dashboard under /moderation/: server-rendered pages, a little vanilla JS."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from fastapi import APIRouter, FastAPI
from fastapi.responses import Response
from itsdangerous import URLSafeTimedSerializer

from palabre.errors import PalabreError
from palabre.settings import Settings
from palabre.web.dashboard.core import PREFIX, Dashboard, DashboardRoute
from palabre.web.dashboard.middleware import DashboardMiddleware
from palabre.web.dashboard.session import SessionCodec

_STATIC = {
    "dashboard.css": "text/css; charset=utf-8",
    "dashboard.js": "application/javascript; charset=utf-8",
}
static_router = APIRouter(prefix=PREFIX, route_class=DashboardRoute, include_in_schema=False)


@lru_cache(maxsize=4)
def _static(name: str) -> bytes:
    return (resources.files("palabre.web.dashboard") / "static" / name).read_bytes()


@static_router.get("/static/{name}")
def static(name: str) -> Response:
    if name not in _STATIC:
        raise PalabreError("introuvable")
    return Response(_static(name), media_type=_STATIC[name])


def install(app: FastAPI, settings: Settings) -> None:
    """Routes, session cookie and security headers of the dashboard."""
    from palabre.web.dashboard import (
        routes_audit,
        routes_auth,
        routes_bans,
        routes_charter,
        routes_legal,
        routes_queue,
        routes_stats,
        routes_transparency,
    )

    secret = settings.resolved_secret_key
    secure = settings.public_url.startswith("https://")
    codec = SessionCodec(secret, settings.dashboard_session_hours * 3600, secure)
    app.state.palabre_dashboard = Dashboard(
        codec,
        URLSafeTimedSerializer(secret, salt="palabre.dashboard.undo"),
        settings.undo_seconds,
    )
    for router in (
        routes_auth.router,
        routes_queue.router,
        routes_charter.router,
        routes_stats.router,
        routes_audit.router,
        routes_bans.router,
        routes_legal.router,
        routes_transparency.router,
        static_router,
    ):
        app.include_router(router)
    app.add_middleware(DashboardMiddleware, codec=codec)
