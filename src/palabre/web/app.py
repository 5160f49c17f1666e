"""The application factory."""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from datetime import timedelta

from fastapi import FastAPI
from huey import Huey
from sqlalchemy import select

from palabre import __version__
from palabre.comments.service import CommentService
from palabre.comments.sites import ensure_site, origin_of
from palabre.events import EventBus
from palabre.moderation.charter import Charter
from palabre.moderation.engine import ModerationEngine
from palabre.review import charters
from palabre.review.charters import Preview
from palabre.services import NoEngine as NoEngine  # re-exported: tests and callers
from palabre.services import build
from palabre.settings import Settings
from palabre.storage.change_stamp import stamp_for
from palabre.storage.db import Database
from palabre.storage.models import Site
from palabre.web import api_docs, dashboard, errors, pages
from palabre.web.api import comments as comments_api
from palabre.web.api import feeds as feeds_api
from palabre.web.api import legal as legal_api
from palabre.web.api import meta as meta_api
from palabre.web.api import moderation_links as moderation_links_api
from palabre.web.api import subscriptions as subscriptions_api
from palabre.web.body_guard import BodyGuard
from palabre.web.context import AppContext
from palabre.web.cors import SiteCors
from palabre.web.fast_read import FastThreadRead
from palabre.web.input_guard import InputGuard
from palabre.web.ratelimit import ConcurrencyGate, RateLimiter
from palabre.web.read_cache import ReadCache
from palabre.web.security import SecurityHeaders

log = logging.getLogger(__name__)

#: The dashboard's charter preview: (current, proposed, recent comments) -> what would change.
CharterPreview = Callable[[Charter, Charter, Sequence[tuple[int, str, str]]], Preview]


def create_app(
    settings: Settings,
    moderator: ModerationEngine | None = None,
    *,
    db: Database | None = None,
    events: EventBus | None = None,
    huey: Huey | None = None,
) -> FastAPI:
    """Build the app: migrate the database, make sure the default site exists, wire routes.
    Its parts come from `palabre.services.build` (the same builder as the CLI's)."""
    services = build(settings, db=db, moderator=moderator, events=events, huey=huey)
    settings, database = services.settings, services.db
    own_origin = origin_of(settings.public_url)
    prepare_default_site(database, settings, own_origin)
    in_worker = settings.moderation_in_worker
    moderator = services.moderator
    notifications = services.notifications
    service = services.comments
    check_text: Callable[[str], dict[str, object]] = InProcessCheck(moderator)
    preview_charter: CharterPreview = charters.preview
    if in_worker:  # the engine runs in `palabre worker` processes, never here
        from palabre.comments import background
        from palabre.review.charter_preview import PREVIEW_WAIT_CHECKS, register_preview

        queue = background.register(
            notifications.huey, check_timeout=settings.check_timeout_seconds
        )
        service.defer = queue.defer
        check_text = queue.check
        preview_charter = register_preview(
            notifications.huey, PREVIEW_WAIT_CHECKS * settings.check_timeout_seconds
        )
    app = FastAPI(
        lifespan=sweeper_lifespan(service, 0 if in_worker else settings.pending_sweep_seconds),
        title="palabre",
        version=__version__,
        description="API publique de palabre : commentaires, fils, signalements, vérification.",
        openapi_url="/api/openapi.json",
        docs_url=None,  # served offline by palabre.web.api_docs
        redoc_url=None,
    )
    app.state.palabre = AppContext(
        settings,
        database,
        service,
        moderator,
        own_origin,
        RateLimiter(settings),
        services.charter_source,
    )
    app.state.notifications = notifications
    app.state.services = services
    app.state.check_gate = ConcurrencyGate(settings.check_concurrency)
    app.state.check_text = check_text
    app.state.preview_charter = preview_charter
    errors.install(app)
    app.include_router(comments_api.router)
    app.include_router(meta_api.router)
    app.include_router(subscriptions_api.router)
    app.include_router(feeds_api.router)
    app.include_router(legal_api.router)
    app.include_router(moderation_links_api.router)
    app.include_router(pages.router)
    app.include_router(api_docs.router)
    dashboard.install(app, settings)

    @app.get("/api/health", tags=["fils"], summary="État du service")
    def health() -> dict[str, object]:
        return {"status": "ok", "version": __version__, "database": database.backend}

    # Just inside CORS, the guards and the security headers, outside the dashboard middleware
    # and the router: the ordinary thread read (web/fast_read.py).
    app.add_middleware(FastThreadRead, context=app.state.palabre)
    app.add_middleware(SiteCors, origins=lambda: _all_origins(database))
    app.add_middleware(InputGuard)  # inside BodyGuard: sees the whole body at once
    app.add_middleware(BodyGuard, max_bytes=settings.max_body_bytes)
    app.add_middleware(SecurityHeaders)
    stamp = stamp_for(database.engine)
    if stamp is not None and settings.read_cache_entries > 0:
        # Added last, so outermost: a hit skips every other layer (web/read_cache.py).
        app.add_middleware(ReadCache, stamp=stamp, entries=settings.read_cache_entries)
    resumed = 0 if in_worker else service.moderate_pending()  # workers sweep their own
    if resumed:
        log.info("moderated %d comments left pending", resumed)
    return app


class InProcessCheck:
    """`/api/check` in the one-process default: the engine of this process."""

    def __init__(self, moderator: ModerationEngine) -> None:
        self.moderator = moderator

    def __call__(self, text: str) -> dict[str, object]:
        return self.moderator.check(text).as_dict()


def sweeper_lifespan(
    service: CommentService, interval: int
) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    """A background thread that moderates comments left pending (e.g. the decision could not be
    written because the database was locked)."""

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        stop = threading.Event()

        def sweep() -> None:
            while not stop.wait(interval):
                try:
                    service.moderate_pending(older_than=timedelta(seconds=interval))
                except Exception:
                    log.exception("pending sweep failed")

        worker = threading.Thread(target=sweep, name="palabre-sweeper", daemon=True)
        if interval > 0:
            worker.start()
        try:
            yield
        finally:
            stop.set()

    return lifespan


def prepare_default_site(db: Database, settings: Settings, own_origin: str) -> None:
    from datetime import UTC, datetime

    origins = [o.strip().rstrip("/") for o in settings.allowed_origins.split(",") if o.strip()]
    with db.session() as session:
        ensure_site(
            session,
            "default",
            "Site par défaut",
            [own_origin, *origins],
            datetime.now(UTC),
            settings.auto_create_threads,
        )


def _all_origins(db: Database) -> set[str]:
    with db.session() as session:
        rows = session.scalars(select(Site.origins)).all()
    return {origin for origins in rows for origin in origins}
