"""Faults: a locked database, a decision that cannot be written, a full disk. The reader gets a
clear answer, what was acknowledged is kept, nothing is half-stored."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event, func, select

from palabre.moderation.charter_engine import default_engine
from palabre.moderation.findings import CheckContext
from palabre.moderation.verdict import Verdict
from palabre.settings import Settings
from palabre.storage.db import Database
from palabre.storage.models import Comment, Decision
from palabre.web.app import create_app
from palabre_testing import CLEAN_TEXTS, THREAD


@pytest.fixture
def sqlite_settings(tmp_path: Path) -> Settings:
    from palabre.settings import load_settings

    return load_settings(
        environ={},
        data_dir=str(tmp_path / "data"),
        secret_key="k" * 32,
        sqlite_busy_timeout_ms=100,
        pending_sweep_seconds=0,
        rate_limit_posts_ip="",
        rate_limit_posts_thread="",
    )


def _db_file(settings: Settings) -> str:
    return str(settings.data_path / "palabre.sqlite3")


def _count(db: Database, model: type[Comment] | type[Decision]) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count(model.id))) or 0)


class LockingModerator:
    """The real engine, while another writer grabs the database during the check."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.blocker: sqlite3.Connection | None = None

    def check(self, text: str, context: CheckContext | None = None) -> Verdict:
        verdict = default_engine().check(text, context)
        self.blocker = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self.blocker.execute("BEGIN EXCLUSIVE")
        return verdict

    def release(self) -> None:
        assert self.blocker is not None
        self.blocker.execute("ROLLBACK")
        self.blocker.close()


def test_locked_database_answers_503_and_stores_nothing(sqlite_settings: Settings) -> None:
    app = create_app(sqlite_settings)
    db: Database = app.state.palabre.db
    with TestClient(app) as client:
        blocker = sqlite3.connect(_db_file(sqlite_settings), isolation_level=None)
        blocker.execute("BEGIN EXCLUSIVE")
        refused = client.post("/api/comments", json={"thread": THREAD, "text": CLEAN_TEXTS[0]})
        blocker.execute("ROLLBACK")
        blocker.close()
        assert refused.status_code == 503
        assert refused.json()["error"]["code"] == "base_indisponible"
        assert refused.headers["retry-after"] == "5"
        assert _count(db, Comment) == 0
        ok = client.post("/api/comments", json={"thread": THREAD, "text": CLEAN_TEXTS[0]})
        assert ok.status_code == 201


def test_decision_that_cannot_be_written_is_resumed_exactly_once(
    sqlite_settings: Settings,
) -> None:
    moderator = LockingModerator(_db_file(sqlite_settings))
    app = create_app(sqlite_settings, moderator)
    db: Database = app.state.palabre.db
    with TestClient(app) as client:
        response = client.post("/api/comments", json={"thread": THREAD, "text": CLEAN_TEXTS[1]})
        moderator.release()
    assert response.status_code == 201
    body = response.json()
    assert body["moderation"]["decision"] == "hold"
    assert body["comment"]["status"] == "pending"
    assert (_count(db, Comment), _count(db, Decision)) == (1, 0)
    service = app.state.palabre.comments
    service.moderator = default_engine()
    assert service.moderate_pending() == 1
    assert service.moderate_pending() == 0
    with db.session() as session:
        stored = session.scalars(select(Comment)).one()
    assert stored.status == "published"
    assert _count(db, Decision) == 1


def test_full_disk_answers_507_and_keeps_what_was_stored(sqlite_settings: Settings) -> None:
    app = create_app(sqlite_settings)
    db: Database = app.state.palabre.db
    with TestClient(app) as client:
        assert (
            client.post(
                "/api/comments", json={"thread": THREAD, "text": CLEAN_TEXTS[2]}
            ).status_code
            == 201
        )
        with db.engine.connect() as conn:
            pages = int(conn.exec_driver_sql("PRAGMA page_count").scalar() or 0)

        def cap(dbapi_connection: object, _record: object) -> None:
            dbapi_connection.execute(f"PRAGMA max_page_count={pages}")  # type: ignore[attr-defined]

        event.listen(db.engine, "connect", cap)
        db.engine.dispose()
        big = "Un long témoignage détaillé sur la situation. " * 100
        refused = client.post("/api/comments", json={"thread": THREAD, "text": big})
        assert refused.status_code == 507, refused.text
        assert refused.json()["error"]["code"] == "stockage_plein"
        event.remove(db.engine, "connect", cap)
        db.engine.dispose()
    assert _count(db, Comment) == 1
