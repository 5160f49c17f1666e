"""GDPR export/erase/purge and backup/restore round trips, through the CLI, on both backends."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from typer.testing import CliRunner

from palabre.cli.main import app as cli
from palabre.comments.privacy import purge_ip_fingerprints
from palabre.settings import Settings
from palabre.storage.db import Database
from palabre.storage.models import Comment, ModerationAction
from palabre_testing import CLEAN_TEXTS, THREAD


def _env(settings: Settings) -> dict[str, str]:
    return {
        "PALABRE_DATABASE_URL": settings.resolved_database_url,
        "PALABRE_DATA_DIR": str(settings.data_path),
        "PALABRE_SECRET_KEY": "test-secret-key-not-for-production",
    }


def _post(client: TestClient, text: str, **extra: object) -> int:
    response = client.post("/api/comments", json={"thread": THREAD, "text": text, **extra})
    assert response.status_code == 201, response.text
    return int(response.json()["comment"]["id"])


def test_gdpr_export_then_erase_keeps_the_thread_readable(
    client: TestClient, settings: Settings, db: Database
) -> None:
    email = "Claire@Example.org"
    first = _post(client, CLEAN_TEXTS[0], email=email, author="Claire")
    _post(client, CLEAN_TEXTS[1], email=email, author="Claire")
    reply = _post(client, CLEAN_TEXTS[2], parent=first, author="Marc")
    runner = CliRunner()
    exported = runner.invoke(cli, ["gdpr", "export", email], env=_env(settings))
    assert exported.exit_code == 0, exported.output
    data = json.loads(exported.output)
    assert [c["text"] for c in data["comments"]] == list(CLEAN_TEXTS[:2])
    erased = runner.invoke(cli, ["gdpr", "erase", email, "--yes"], env=_env(settings))
    assert "2 commentaire(s) effacé(s)" in erased.output
    page = client.get("/api/comments", params={"thread": THREAD}).json()
    [top] = [c for c in page["comments"] if c["id"] == first]
    assert top["deleted"] and top["author"] is None and top["replies"][0]["id"] == reply
    with db.session() as session:
        assert (
            session.scalar(
                select(func.count(Comment.id)).where(Comment.author_email == email.lower())
            )
            == 0
        )
        actions = session.scalars(
            select(ModerationAction.action).where(ModerationAction.actor == "RGPD")
        ).all()
    assert actions == ["gdpr_erase", "gdpr_erase"]
    again = runner.invoke(cli, ["gdpr", "export", email], env=_env(settings))
    assert json.loads(again.output)["comments"] == []


def test_ip_fingerprints_are_forgotten_after_the_retention_period(
    client: TestClient, db: Database
) -> None:
    old = _post(client, CLEAN_TEXTS[0])
    recent = _post(client, CLEAN_TEXTS[1])
    with db.session() as session:
        stored = session.get(Comment, old)
        assert stored is not None and stored.author_key
        stored.created_at = datetime.now(UTC) - timedelta(days=40)
    with db.session() as session:
        assert purge_ip_fingerprints(session, datetime.now(UTC), 30) == 1
    with db.session() as session:
        assert session.get(Comment, old).author_key is None  # type: ignore[union-attr]
        assert session.get(Comment, recent).author_key  # type: ignore[union-attr]


def test_backup_and_restore_round_trip(
    client: TestClient, settings: Settings, db: Database, tmp_path: Path
) -> None:
    kept = _post(client, CLEAN_TEXTS[0])
    target = tmp_path / "sauvegarde.bak"
    runner = CliRunner()
    done = runner.invoke(cli, ["backup", str(target)], env=_env(settings))
    assert done.exit_code == 0, done.output
    lost = _post(client, CLEAN_TEXTS[1])
    db.dispose()
    restored = runner.invoke(cli, ["restore", str(target), "--yes"], env=_env(settings))
    assert restored.exit_code == 0, restored.output
    with db.session() as session:
        ids = set(session.scalars(select(Comment.id)).all())
    assert kept in ids and lost not in ids


def test_restore_refuses_a_file_that_is_not_a_backup(
    client: TestClient, settings: Settings, tmp_path: Path
) -> None:
    bogus = tmp_path / "bogus.bak"
    bogus.write_bytes(b"this is not a database" * 100)
    result = CliRunner().invoke(cli, ["restore", str(bogus), "--yes"], env=_env(settings))
    assert result.exit_code == 1
    assert "Erreur" in result.output
