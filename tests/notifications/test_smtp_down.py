"""SMTP down: the post still succeeds at once; the mail task retries until the server is back."""

from __future__ import annotations

import time

from fastapi.testclient import TestClient

from notifications.conftest import MODERATOR
from notifications.notify_support import Consumer, KeywordModerator, SmtpServer, free_port
from palabre.settings import Settings
from palabre.storage.db import Database
from palabre.web.app import create_app


def test_post_succeeds_and_mail_arrives_after_retries(settings: Settings, db: Database) -> None:
    port = free_port()  # nothing listens there yet
    down = settings.replace(
        smtp_host="127.0.0.1",
        smtp_port=port,
        smtp_security="none",
        moderator_emails=MODERATOR,
        task_retries=5,
        task_retry_delay=1,
    )
    app = create_app(down, KeywordModerator(), db=db)
    huey = app.state.notifications.huey
    consumer = Consumer(huey)
    consumer.start()
    smtp = SmtpServer(port)
    try:
        with TestClient(app, base_url="http://palabre.test") as client:
            response = client.post(
                "/api/comments",
                json={
                    "thread": "https://journal.example/a",
                    "text": "Texte à RETENIR, SMTP en panne.",
                },
            )
            # the post is stored and acknowledged although SMTP is down (mail is a task)
            assert response.status_code == 201
            deadline = time.monotonic() + 10
            while huey.scheduled_count() == 0:  # the first attempt failed, a retry is scheduled
                assert time.monotonic() < deadline, "no retry was scheduled"
                time.sleep(0.05)
            smtp.start()
            [mail] = smtp.inbox.wait_for(lambda m: m["To"] == MODERATOR, timeout=20)
            assert "RETENIR" in str(mail.get_body(preferencelist=("plain",)))
    finally:
        consumer.stop()
        smtp.stop()
