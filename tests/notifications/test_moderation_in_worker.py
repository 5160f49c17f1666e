"""`moderation_in_worker`: the request stores the comment as pending and returns at once; a
moderation worker (its own huey instance on the same queue, with the real engine, as
`palabre worker` builds it) decides; the author asks for the decision; readers see the comment
only once it is published; the pre-submit check goes through the worker too."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from notifications.notify_support import Consumer
from palabre.cli.worker_wiring import install_worker
from palabre.notifications.tasks import Tasks, build_huey
from palabre.settings import Settings
from palabre.storage.db import Database
from palabre.storage.models import Decision
from palabre.web.app import NoEngine, create_app
from palabre_testing import CLEAN_TEXTS, THREAD

INSULT = "Espèce de connard, tu n'es qu'un abruti et un bouffon."


@pytest.fixture
def worker_settings(settings: Settings) -> Settings:
    return settings.replace(
        moderation_in_worker=True, pending_sweep_seconds=0, check_timeout_seconds=30
    )


@pytest.fixture
def worker_client(worker_settings: Settings, db: Database) -> Iterator[TestClient]:
    app = create_app(worker_settings, db=db)
    with TestClient(app, base_url="http://palabre.test") as client:
        yield client


@pytest.fixture
def moderation_worker(worker_settings: Settings, db: Database) -> Iterator[Consumer]:
    """A moderation worker on the same queue (SQLite file in data_dir), not yet started."""
    huey = build_huey(worker_settings)
    install_worker(huey, worker_settings, db, Tasks(huey, worker_settings, db))
    worker = Consumer(huey)
    yield worker
    worker.stop()


def decision(client: TestClient, posted: dict[str, Any]) -> dict[str, Any]:
    res = client.get(
        f"/api/comments/{posted['comment']['id']}/decision", params={"token": posted["view_token"]}
    )
    assert res.status_code == 200, res.text
    body: dict[str, Any] = res.json()
    return body


def test_the_web_side_has_no_engine(worker_client: TestClient) -> None:
    assert isinstance(worker_client.app.state.palabre.moderator, NoEngine)  # type: ignore[attr-defined]


def test_the_worker_moderates_what_the_request_stored(
    worker_client: TestClient, moderation_worker: Consumer, db: Database
) -> None:
    posted = [
        worker_client.post("/api/comments", json={"thread": THREAD, "text": text}).json()
        for text in (CLEAN_TEXTS[0], INSULT)
    ]
    assert [p["comment"]["status"] for p in posted] == ["pending", "pending"]
    assert all(p["moderation"]["decision"] == "pending" for p in posted)
    assert posted[0]["moderation"]["message"] == "Votre commentaire est en cours de vérification…"
    assert decision(worker_client, posted[0])["moderation"] == {
        "decision": "pending",
        "message": posted[0]["moderation"]["message"],
        "clauses": [],
    }
    assert worker_client.get("/api/comments", params={"thread": THREAD}).json()["total"] == 0

    moderation_worker.start()
    moderation_worker.drain(timeout=120)

    page = worker_client.get("/api/comments", params={"thread": THREAD}).json()
    assert [c["id"] for c in page["comments"]] == [posted[0]["comment"]["id"]]
    assert decision(worker_client, posted[0])["moderation"]["decision"] == "publish"
    refused = decision(worker_client, posted[1])
    assert refused["moderation"]["decision"] == "reject"
    assert refused["comment"]["status"] == "rejected"
    clauses = refused["moderation"]["clauses"]
    assert isinstance(clauses, list) and clauses
    assert any("connard" in c["words"] for c in clauses)
    with db.session() as session:
        assert session.scalar(select(func.count(Decision.id))) == 2
    # nothing left behind in the queue's result store (one row per comment would pile up)
    assert moderation_worker.huey.storage.result_store_size() == 0


def test_the_worker_freezes_its_loaded_engine(
    worker_client: TestClient, moderation_worker: Consumer
) -> None:
    """Once the worker has loaded its engine (first task), everything alive is in the garbage
    collector's permanent generation: full collections no longer walk the models."""
    gc.unfreeze()  # whatever an earlier test froze in this process
    try:
        assert gc.get_freeze_count() == 0
        posted = worker_client.post(
            "/api/comments", json={"thread": THREAD, "text": CLEAN_TEXTS[0]}
        )
        assert posted.status_code == 201, posted.text
        assert gc.get_freeze_count() == 0  # the web side loads and freezes nothing here
        moderation_worker.start()
        moderation_worker.drain(timeout=120)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_the_decision_needs_the_authors_view_token(worker_client: TestClient) -> None:
    one, other = (
        worker_client.post("/api/comments", json={"thread": THREAD, "text": t}).json()
        for t in CLEAN_TEXTS[:2]
    )
    res = worker_client.get(
        f"/api/comments/{one['comment']['id']}/decision", params={"token": other["view_token"]}
    )
    assert res.status_code == 404
    assert res.json()["error"]["code"] == "commentaire_inconnu"


def test_the_worker_follows_the_moderation_mode(settings: Settings, db: Database) -> None:
    """In `pre` mode a clean comment waits for a person, whoever runs the engine; the decision
    row records the mode and the engine's proposal (legal.modes.apply_verdict)."""
    pre = settings.replace(
        moderation_in_worker=True, pending_sweep_seconds=0, moderation_mode="pre"
    )
    app = create_app(pre, db=db)
    huey = build_huey(pre)
    install_worker(huey, pre, db, Tasks(huey, pre, db))
    worker = Consumer(huey)
    with TestClient(app, base_url="http://palabre.test") as client:
        posted = client.post(
            "/api/comments", json={"thread": THREAD, "text": CLEAN_TEXTS[1]}
        ).json()
        worker.start()
        try:
            worker.drain(timeout=120)
        finally:
            worker.stop()
        assert decision(client, posted)["moderation"]["decision"] == "hold"
    with db.session() as session:
        row = session.scalars(select(Decision)).one()
    assert (row.mode, row.proposed, row.decision) == ("pre", "publish", "hold")


def test_the_pre_submit_check_goes_through_the_worker(
    worker_client: TestClient, moderation_worker: Consumer
) -> None:
    moderation_worker.start()
    text = "Il faut que tu ailles la bas, ca ira."
    res = worker_client.post("/api/check", json={"text": text})
    assert res.status_code == 200, res.text
    found = {text[c["start"] : c["end"]] for c in res.json()["corrections"]}
    assert "ca" in found


def test_the_pre_submit_check_says_so_when_no_worker_answers(
    worker_settings: Settings, db: Database
) -> None:
    app = create_app(worker_settings.replace(check_timeout_seconds=1), db=db)
    with TestClient(app, base_url="http://palabre.test") as client:
        res = client.post("/api/check", json={"text": "Bonjour à tous, bel article."})
    assert res.status_code == 503
    assert res.json()["error"]["code"] == "verification_indisponible"
