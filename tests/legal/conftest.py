"""The app in-process with a scripted engine, a real SMTP server (aiosmtpd), huey's consumer in
threads and an admin account: the legal duties end to end, on SQLite and PostgreSQL."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from dashboard.conftest import cheap_hasher
from legal.legal_support import ScriptedEngine
from notifications.notify_support import Consumer, SmtpServer
from palabre.review.accounts import create_account
from palabre.settings import Settings
from palabre.storage.db import Database
from palabre.web.app import create_app

ADMIN = ("admin@journal.example", "mot-de-passe-admin")
_CSRF = re.compile(r'name="csrf" value="([^"]+)"')


@pytest.fixture(autouse=True)
def _fast_passwords(monkeypatch: pytest.MonkeyPatch) -> None:
    from palabre.review import passwords

    hasher = cheap_hasher()
    monkeypatch.setattr(passwords, "_hasher", lambda: hasher)
    monkeypatch.setattr(passwords, "dummy_hash", lambda: hasher.hash("dummy"))


@dataclass
class Legal:
    app: FastAPI
    client: TestClient
    db: Database
    smtp: SmtpServer
    consumer: Consumer

    def csrf(self, path: str) -> str:
        match = _CSRF.search(self.client.get(path).text)
        assert match, f"no CSRF token on {path}"
        return match[1]

    def login(self) -> str:
        response = self.client.post(
            "/moderation/login",
            data={
                "csrf": self.csrf("/moderation/login"),
                "email": ADMIN[0],
                "password": ADMIN[1],
                "next": "/moderation/queue/held",
            },
            follow_redirects=False,
        )
        assert response.status_code == 303, response.text
        return self.csrf("/moderation/queue/held")


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    server = SmtpServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def legal_settings(settings: Settings, smtp: SmtpServer) -> Settings:
    return settings.replace(
        smtp_host="127.0.0.1",
        smtp_port=smtp.port,
        smtp_security="none",
        mail_from="Le Journal <commentaires@journal.example>",
        task_retries=2,
        task_retry_delay=1,
    )


@pytest.fixture
def legal(legal_settings: Settings, db: Database, smtp: SmtpServer) -> Iterator[Legal]:
    app = create_app(legal_settings, ScriptedEngine(), db=db)
    with db.session() as session:
        create_account(session, *ADMIN, "admin", [], datetime.now(UTC))
    with TestClient(app, base_url="http://palabre.test") as client:
        consumer = Consumer(app.state.notifications.huey)
        consumer.start()
        try:
            yield Legal(app, client, db, smtp, consumer)
        finally:
            consumer.stop()
