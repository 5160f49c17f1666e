"""Article controls through the public API, on SQLite and PostgreSQL: closing by hand and N
days after the first comment, per-author limits per article (count per day, length), shown
in French before the reader types; and `palabre site set|article`."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import select, update
from typer.testing import CliRunner

from palabre.cli.main import app as cli
from palabre.storage.db import Database
from palabre.storage.models import Comment, Site, Thread
from palabre_testing import CLEAN_TEXTS, THREAD


def _rules(db: Database, **values: int | str | None) -> None:
    with db.session() as session:
        session.execute(update(Site).where(Site.key == "default").values(**values))


def _post(client: TestClient, text: str, reader: str = "lecteur-1", thread: str = THREAD) -> int:
    response = client.post("/api/comments", json={"thread": thread, "text": text, "reader": reader})
    return response.status_code if response.status_code != 201 else 201


def test_three_comments_of_500_characters_per_article_per_day(
    client: TestClient, db: Database
) -> None:
    _rules(db, quota_per_day=3, quota_max_length=500)
    controls = client.get("/api/threads/controls", params={"thread": THREAD}).json()
    assert controls["notice"] == (
        "Au plus 3 commentaires de 500 caractères par jour sur cet article."
    )
    assert (controls["per_day"], controls["max_length"], controls["closed"]) == (3, 500, False)
    long = client.post("/api/comments", json={"thread": THREAD, "text": "a" * 501})
    assert long.json()["error"]["code"] == "texte_trop_long_article"
    assert (
        "500\u00a0caractères" in long.json()["error"]["message"]
        or "500 caractères" in long.json()["error"]["message"]
    )
    assert [_post(client, t) for t in CLEAN_TEXTS[:3]] == [201, 201, 201]
    fourth = client.post(
        "/api/comments", json={"thread": THREAD, "text": CLEAN_TEXTS[3], "reader": "lecteur-1"}
    )
    assert fourth.status_code == 429
    assert fourth.json()["error"]["code"] == "quota_article"
    assert _post(client, CLEAN_TEXTS[3], reader="lecteur-2") == 201  # another author
    assert _post(client, CLEAN_TEXTS[4], thread=THREAD + "-b") == 201  # another article
    with db.session() as session:  # a day later, the author may write again
        session.execute(
            update(Comment).values(created_at=datetime.now(UTC) - timedelta(days=1, minutes=1))
        )
    assert _post(client, CLEAN_TEXTS[5]) == 201


def test_an_article_closed_by_hand_refuses_comments(client: TestClient, db: Database) -> None:
    assert _post(client, CLEAN_TEXTS[0]) == 201
    with db.session() as session:
        session.execute(update(Thread).values(closed_at=datetime.now(UTC) - timedelta(seconds=1)))
    response = client.post("/api/comments", json={"thread": THREAD, "text": CLEAN_TEXTS[1]})
    assert (response.status_code, response.json()["error"]["code"]) == (403, "commentaires_fermes")
    controls = client.get("/api/threads/controls", params={"thread": THREAD, "lang": "en"})
    assert controls.json()["notice"] == "Comments are closed on this article."
    assert client.get("/api/comments", params={"thread": THREAD}).json()["total"] == 1


def test_an_article_closes_n_days_after_its_first_comment(client: TestClient, db: Database) -> None:
    _rules(db, close_after_days=7)
    assert _post(client, CLEAN_TEXTS[0]) == 201
    opened = client.get("/api/threads/controls", params={"thread": THREAD}).json()
    assert not opened["closed"] and opened["closes_at"]
    assert opened["notice"].startswith("Les commentaires fermeront le ")
    with db.session() as session:
        session.execute(update(Comment).values(created_at=datetime.now(UTC) - timedelta(days=7)))
    closed = client.get("/api/threads/controls", params={"thread": THREAD}).json()
    assert closed["closed"] and closed["notice"] == "Les commentaires sont fermés sur cet article."
    assert _post(client, CLEAN_TEXTS[1], reader="lecteur-9") == 403


def test_cli_sets_site_and_article_rules(tmp_path: Path) -> None:
    env = {"PALABRE_DATA_DIR": str(tmp_path / "data")}
    runner = CliRunner()
    assert (
        runner.invoke(
            cli, ["site", "add", "journal", "-o", "https://journal.example"], env=env
        ).exit_code
        == 0
    )
    done = runner.invoke(
        cli,
        [
            "site",
            "set",
            "journal",
            "--mode",
            "post",
            "--quota",
            "3",
            "--quota-length",
            "500",
            "--close-after",
            "30",
        ],
        env=env,
    )
    assert done.exit_code == 0, done.output
    assert "mode post" in done.output and "limite 3/jour" in done.output
    bad = runner.invoke(cli, ["site", "set", "journal", "--mode", "laxiste"], env=env)
    assert bad.exit_code != 0
    db = Database(f"sqlite:///{tmp_path / 'data' / 'palabre.sqlite3'}")
    try:
        with db.session() as session:
            site = session.scalars(select(Site).where(Site.key == "journal")).one()
            assert (
                site.moderation_mode,
                site.quota_per_day,
                site.quota_max_length,
                site.close_after_days,
            ) == ("post", 3, 500, 30)
            session.add(
                Thread(site_id=site.id, key="a-1", title="", url="", created_at=datetime.now(UTC))
            )
        closed = runner.invoke(
            cli, ["site", "article", "journal", "a-1", "--close", "--mode", "pre"], env=env
        )
        assert closed.exit_code == 0 and "fermé, mode pre" in closed.output
        reopened = runner.invoke(cli, ["site", "article", "journal", "a-1", "--open"], env=env)
        assert "ouvert" in reopened.output
    finally:
        db.dispose()
