"""The moderation worker's wiring (`palabre worker` with `moderation_in_worker`): the comments
service, its engine, the charter saved from the dashboard and the notifications, put together
here, at the top, so that `comments.background` depends on none of them."""

from __future__ import annotations

import gc
import threading

from huey import Huey

from palabre.comments.background import QueuedModeration, register
from palabre.comments.service import CommentService
from palabre.events import EventBus
from palabre.moderation.engine import ModerationEngine
from palabre.notifications.subscriber import NotificationSubscriber
from palabre.notifications.tasks import Tasks
from palabre.review.charter_preview import PREVIEW_WAIT_CHECKS, register_preview
from palabre.settings import Settings
from palabre.storage.db import Database

# The check that loads what the engine loads lazily, as web/asgi.py's warm-up.
WARM_TEXT = "Bonjour à tous, merci pour cet article."


def freeze_loaded(moderator: ModerationEngine) -> None:
    """Load what the engine loads on its first check (Grammalecte, the models), then move
    everything alive to the garbage collector's permanent generation, as `palabre serve` does
    with the engine in the web process (web/asgi.py): a full collection no longer walks these
    long-lived objects (a trial: worst full collection 126 → 54 ms, see docs/benchmarks.md)."""
    moderator.check(WARM_TEXT)
    gc.collect()
    gc.freeze()


def install_worker(
    huey: Huey, settings: Settings, database: Database, tasks: Tasks
) -> QueuedModeration:
    """The worker also moderates comments when `moderation_in_worker` is set; its engine is
    loaded on the first task, and its decisions notify like the app's (and follow the
    moderation mode in force: the comments service records them through legal.modes)."""
    from palabre.services import charter_engine, charter_source

    built: list[CommentService] = []
    lock = threading.Lock()

    def service() -> CommentService:
        with lock:  # huey's threads: the engine is loaded once
            if not built:
                events = EventBus()
                events.subscribe(NotificationSubscriber(tasks))
                moderator = charter_engine(charter_source(settings, database))
                built.append(CommentService(database, moderator, settings, events))
                freeze_loaded(moderator)
            return built[0]

    # The dashboard's charter preview, computed here rather than in the web process.
    register_preview(huey, PREVIEW_WAIT_CHECKS * settings.check_timeout_seconds)
    return register(huey, service, sweep_after=settings.pending_sweep_seconds)
