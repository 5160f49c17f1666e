from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from notifications.notify_support import Consumer, KeywordModerator, SmtpServer
from palabre.settings import Settings
from palabre.storage.db import Database
from palabre.web.app import create_app

MODERATOR = "moderation@journal.example"


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    server = SmtpServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def notify_settings(settings: Settings, smtp: SmtpServer) -> Settings:
    return settings.replace(
        smtp_host="127.0.0.1",
        smtp_port=smtp.port,
        smtp_security="none",
        mail_from="Le Journal <commentaires@journal.example>",
        moderator_emails=MODERATOR,
        task_retries=4,
        task_retry_delay=1,
    )


@pytest.fixture
def app_client(notify_settings: Settings, db: Database) -> Iterator[TestClient]:
    app = create_app(notify_settings, KeywordModerator(), db=db)
    with TestClient(app, base_url="http://palabre.test") as client:
        yield client


@pytest.fixture
def consumer(app_client: TestClient) -> Iterator[Consumer]:
    worker = Consumer(app_client.app.state.notifications.huey)  # type: ignore[attr-defined]
    worker.start()
    yield worker
    worker.stop()
