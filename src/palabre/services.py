"""The one place that builds palabre's parts from the settings: the database (migrated, with
the same busy timeout everywhere), the secret key (resolved once), the charter source (which
charter is active), the moderation engine built from it, the comments service and the notifications.
The web app (`web.app.create_app`), the worker and every CLI command start here.

The parts are built when first asked for: a CLI command that only reads the database never
loads the moderation engine nor the task queue."""

from __future__ import annotations

import secrets
import threading
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from palabre.events import EventBus
from palabre.moderation.engine import ModerationEngine
from palabre.moderation.findings import CheckContext
from palabre.moderation.verdict import Verdict
from palabre.settings import Settings
from palabre.storage.db import Database
from palabre.storage.migrate import upgrade

if TYPE_CHECKING:
    from huey import Huey

    from palabre.comments.service import CommentService
    from palabre.notifications.setup import Notifications
    from palabre.review.charters import CharterSource

# The one migration target: the last migration shipped (a single line of revisions).
MIGRATION_TARGET = "head"


def open_database(settings: Settings, *, migrate: bool = True) -> Database:
    """The database of these settings, migrated to `MIGRATION_TARGET` unless `migrate` is False
    (a tool that reads what is there, or one that migrates itself)."""
    database = Database(
        settings.resolved_database_url, busy_timeout_ms=settings.sqlite_busy_timeout_ms
    )
    if migrate:
        try:
            upgrade(database.engine, MIGRATION_TARGET)
        except BaseException:
            database.dispose()
            raise
    return database


def resolve_secret_key(settings: Settings) -> Settings:
    """The settings with their secret key resolved: the configured one, else the one kept in
    `data_dir/secret.key`, created there the first time (the only place that writes it)."""
    if settings.secret_key:
        return settings
    path = settings.data_path / "secret.key"
    if not path.exists():
        settings.data_path.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(48), encoding="utf-8")
        path.chmod(0o600)
    return settings.replace(secret_key=path.read_text(encoding="utf-8").strip())


class NoEngine:
    """The web process's stand-in when moderation runs in worker processes: nothing here may
    run the engine (the comments service only queues, `/api/check` asks a worker)."""

    def check(self, text: str, context: CheckContext | None = None) -> Verdict:
        raise RuntimeError("moderation runs in the worker processes (moderation_in_worker)")


def charter_engine(source: CharterSource) -> ModerationEngine:
    """The engine for the configured charter file (or the shipped default), following the
    charter version saved from the dashboard, if any (issue 5): both read from `source`."""
    from palabre.moderation.charter_engine import build_engine, default_engine
    from palabre.review.charters import CharterAwareModerator

    fallback = build_engine(source.file_charter()) if source.charter_path else default_engine()
    return CharterAwareModerator(source, fallback)


def charter_source(settings: Settings, db: Database) -> CharterSource:
    from palabre.review.charters import CharterSource

    return CharterSource(db, settings.charter_path)


@dataclass
class Services:
    """palabre's parts, built from one `Settings` (see `build`)."""

    settings: Settings
    db: Database
    events: EventBus = field(default_factory=EventBus)
    huey: Huey | None = None
    given_moderator: ModerationEngine | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @cached_property
    def charter_source(self) -> CharterSource:
        """Which charter is active (saved from the dashboard, else the configured file)."""
        return charter_source(self.settings, self.db)

    @cached_property
    def engine(self) -> ModerationEngine:
        """The moderation engine itself (loaded on first use: lingua's models are heavy)."""
        return self.given_moderator or charter_engine(self.charter_source)

    @cached_property
    def moderator(self) -> ModerationEngine:
        """What this process checks with: the engine, or `NoEngine` in a web process when
        moderation runs in the worker processes."""
        if self.given_moderator is not None:
            return self.given_moderator
        return NoEngine() if self.settings.moderation_in_worker else self.engine

    @cached_property
    def notifications(self) -> Notifications:
        from palabre.legal.mail import attach_statement_mail
        from palabre.notifications.setup import install

        notifications = install(self.settings, self.db, self.events, self.huey)
        attach_statement_mail(notifications.tasks, self.settings)
        return notifications

    @cached_property
    def comments(self) -> CommentService:
        from palabre.comments.service import CommentService

        return CommentService(self.db, self.moderator, self.settings, self.events)

    def close(self) -> None:
        self.db.dispose()


def build(
    settings: Settings,
    *,
    db: Database | None = None,
    moderator: ModerationEngine | None = None,
    events: EventBus | None = None,
    huey: Huey | None = None,
    migrate: bool = True,
) -> Services:
    """palabre's parts for these settings: secret key resolved, database opened and migrated
    (or `db`, migrated too). The other parts are built when first used."""
    resolved = resolve_secret_key(settings)
    if db is None:
        database = open_database(resolved, migrate=migrate)
    else:
        database = db
        if migrate:
            upgrade(database.engine, MIGRATION_TARGET)
    return Services(resolved, database, events or EventBus(), huey, moderator)
