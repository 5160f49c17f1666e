"""Webhooks: signed POSTs to a real receiver on loopback, a retry after a 500, the delivery log,
and the `palabre webhook` commands."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from typer.testing import CliRunner

from notifications.notify_support import Consumer, Receiver
from palabre.cli.main import app as cli
from palabre.errors import PalabreError
from palabre.notifications import webhooks
from palabre.settings import Settings
from palabre.storage.db import Database
from palabre.storage.models import WebhookDelivery, WebhookEndpoint


@pytest.fixture
def receiver() -> object:
    server = Receiver()
    server.start()
    yield server
    server.stop()


def _endpoint(db: Database, url: str, events: list[str] | None = None) -> tuple[int, str]:
    with db.session() as session:
        endpoint = webhooks.add_endpoint(session, "default", url, events, datetime.now(UTC))
        return endpoint.id, endpoint.secret


def test_signed_events_with_a_retry_after_500(
    app_client: TestClient, consumer: Consumer, receiver: Receiver, db: Database
) -> None:
    endpoint_id, secret = _endpoint(db, receiver.url)
    receiver.statuses = [500]  # the first delivery fails, huey retries it
    response = app_client.post(
        "/api/comments",
        json={
            "thread": "https://journal.example/w",
            "text": "Un commentaire publié.",
            "author": "Léa",
        },
    )
    comment_id = response.json()["comment"]["id"]
    receiver.wait(2)
    first, second = receiver.received[:2]
    assert first[1] == second[1]  # the same event, delivered again
    headers, body = second
    assert webhooks.verify(secret, headers["X-Palabre-Signature"], body)
    assert not webhooks.verify("whsec_autre", headers["X-Palabre-Signature"], body)
    assert not webhooks.verify(secret, headers["X-Palabre-Signature"], body + b" ")
    event = json.loads(body)
    assert event["type"] == "comment.published" == headers["X-Palabre-Event"]
    assert event["data"]["comment"]["id"] == comment_id
    assert event["data"]["comment"]["author"] == "Léa"
    consumer.drain()
    with db.session() as session:
        log = session.scalars(
            select(WebhookDelivery)
            .where(WebhookDelivery.endpoint_id == endpoint_id)
            .order_by(WebhookDelivery.id)
        ).all()
        assert [(d.attempt, d.status_code) for d in log] == [(1, 500), (2, 200)]
        assert log[0].error == "HTTP 500" and log[1].error == ""


def test_held_rejected_and_reported_events(
    app_client: TestClient,
    consumer: Consumer,
    receiver: Receiver,
    db: Database,
    notify_settings: Settings,
) -> None:
    _endpoint(db, receiver.url)
    thread = "https://journal.example/x"
    app_client.post("/api/comments", json={"thread": thread, "text": "À RETENIR."})
    app_client.post("/api/comments", json={"thread": thread, "text": "À REJETER."})
    published = app_client.post("/api/comments", json={"thread": thread, "text": "Publié."})
    app_client.post(
        f"/api/comments/{published.json()['comment']['id']}/reports", json={"reason": "spam"}
    )
    receiver.wait(4)
    types = sorted(json.loads(body)["type"] for _, body in receiver.received)
    assert types == ["comment.held", "comment.published", "comment.rejected", "comment.reported"]
    reported = next(json.loads(b) for _, b in receiver.received if b"reported" in b)
    assert reported["data"]["report"]["reason"] == "spam"


def test_only_chosen_events_and_url_validation(
    app_client: TestClient, consumer: Consumer, receiver: Receiver, db: Database
) -> None:
    _endpoint(db, receiver.url, ["comment.held"])
    app_client.post("/api/comments", json={"thread": "https://journal.example/y", "text": "Ok."})
    consumer.drain()
    assert receiver.received == []
    for bad in ("ftp://example.org/h", "javascript:alert(1)", "http://", "example.org/h"):
        with pytest.raises(PalabreError) as error:
            webhooks.validate_url(bad)
        assert error.value.code == "url_webhook_invalide"


def test_webhook_cli_add_list_test(
    settings: Settings, receiver: Receiver, db: Database, tmp_path: Path
) -> None:
    config = tmp_path / "palabre.toml"
    config.write_text(
        f'data_dir = "{settings.data_dir}"\ndatabase_url = "{settings.database_url}"\n'
        'secret_key = "k"\n',
        encoding="utf-8",
    )
    runner = CliRunner()
    from palabre.storage.migrate import upgrade
    from palabre.web.app import prepare_default_site

    upgrade(db.engine)
    prepare_default_site(db, settings, "http://palabre.test")
    added = runner.invoke(cli, ["webhook", "add", "default", receiver.url, "-c", str(config)])
    assert added.exit_code == 0, added.output
    assert "Secret de signature\u00a0: whsec_" in added.output
    bad = runner.invoke(cli, ["webhook", "add", "default", "ftp://x", "-c", str(config)])
    assert bad.exit_code == 2 and "http:// ou https://" in bad.output
    listed = runner.invoke(cli, ["webhook", "list", "-c", str(config)])
    assert receiver.url in listed.output
    with db.session() as session:
        endpoint = session.scalars(select(WebhookEndpoint)).one()
        endpoint_id, secret = endpoint.id, endpoint.secret
    tested = runner.invoke(cli, ["webhook", "test", str(endpoint_id), "-c", str(config)])
    assert tested.exit_code == 0 and "Réponse 200" in tested.output
    headers, body = receiver.received[0]
    assert json.loads(body)["type"] == "ping"
    assert webhooks.verify(secret, headers["X-Palabre-Signature"], body)
