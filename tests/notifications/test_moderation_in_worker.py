"""`moderation_in_worker`: the request stores the comment as pending and returns at once; huey's
consumer runs the real engine; readers see the comment only once it is published."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from notifications.notify_support import Consumer
from palabre.settings import Settings
from palabre.storage.db import Database
from palabre.storage.models import Decision
from palabre.web.app import create_app
from palabre_testing import CLEAN_TEXTS, THREAD

INSULT = "Espèce de connard, tu n'es qu'un abruti et un bouffon."


@pytest.fixture
def worker_client(settings: Settings, db: Database) -> Iterator[TestClient]:
    app = create_app(settings.replace(moderation_in_worker=True, pending_sweep_seconds=0), db=db)
    with TestClient(app, base_url="http://palabre.test") as client:
        yield client


def test_the_worker_moderates_what_the_request_stored(
    worker_client: TestClient, db: Database
) -> None:
    posted = [worker_client.post("/api/comments", json={"thread": THREAD, "text": text}).json()
              for text in (CLEAN_TEXTS[0], INSULT)]
    assert [p["comment"]["status"] for p in posted] == ["pending", "pending"]
    assert all(p["moderation"]["decision"] == "hold" for p in posted)
    assert worker_client.get("/api/comments", params={"thread": THREAD}).json()["total"] == 0

    worker = Consumer(worker_client.app.state.notifications.huey)  # type: ignore[attr-defined]
    worker.start()
    try:
        worker.drain()
    finally:
        worker.stop()

    page = worker_client.get("/api/comments", params={"thread": THREAD}).json()
    assert [c["id"] for c in page["comments"]] == [posted[0]["comment"]["id"]]
    with db.session() as session:
        assert session.scalar(select(func.count(Decision.id))) == 2
        decisions = dict(session.execute(select(Decision.comment_id, Decision.decision)).all())
    assert decisions[posted[1]["comment"]["id"]] == "reject"
