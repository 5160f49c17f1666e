"""`palabre digest` sends the daily digest through SMTP (for cron), without a worker."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import select
from typer.testing import CliRunner

from notifications.notify_support import SmtpServer, body_text
from palabre.cli.main import app as cli
from palabre.settings import Settings
from palabre.storage.db import Database
from palabre.storage.models import Subscription, Thread


def test_digest_command(
    app_client: TestClient,
    smtp: SmtpServer,
    notify_settings: Settings,
    db: Database,
    tmp_path: Path,
) -> None:
    app_client.post(
        "/api/comments",
        json={
            "thread": "https://journal.example/d",
            "thread_title": "Le climat",
            "text": "Un avis pour le résumé du jour.",
            "author": "Noé",
        },
    )
    with db.session() as session:
        thread = session.scalars(select(Thread)).one()
        session.add(
            Subscription(
                thread_id=thread.id,
                email="r@example.org",
                mode="digest",
                token="t" * 32,
                locale="fr",
                created_at=datetime.now(UTC) - timedelta(days=2),
                confirmed_at=datetime.now(UTC) - timedelta(days=2),
            )
        )
    s = notify_settings
    config = tmp_path / "palabre.toml"
    config.write_text(
        f'data_dir = "{s.data_dir}"\ndatabase_url = "{s.database_url}"\n'
        f'secret_key = "{s.secret_key}"\nsmtp_host = "127.0.0.1"\nsmtp_port = {s.smtp_port}\n'
        'smtp_security = "none"\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["digest", "-c", str(config)])
    assert result.exit_code == 0 and "1 résumé(s) envoyé(s)." in result.output, result.output
    [mail] = smtp.inbox.wait_for(lambda m: m["To"] == "r@example.org")
    assert "Noé" in body_text(mail)
    again = CliRunner().invoke(cli, ["digest", "-c", str(config)])
    assert "0 résumé(s)" in again.output
