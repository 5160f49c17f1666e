"""The demo: both seed articles loaded through moderation, reply links kept, pages served."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from palabre.demo.loader import load_demo
from palabre.demo.pages import install as install_demo_pages
from palabre.demo.seeds import load_seeds
from palabre.moderation.charter import default_charter
from palabre.moderation.charter_parse import parse_charter
from palabre.review.charters import active_version, history
from palabre.settings import Settings
from palabre.storage.db import Database
from palabre.storage.models import Comment, Decision
from palabre.web.app import create_app


@pytest.fixture
def demo_client(settings: Settings, db: Database) -> Iterator[TestClient]:
    app = create_app(settings, db=db)
    install_demo_pages(app)
    load_demo(app.state.palabre.comments)
    with TestClient(app, base_url="http://palabre.test") as client:
        yield client


def test_all_seed_comments_are_moderated_and_reply_links_kept(
    demo_client: TestClient, db: Database
) -> None:
    expected = sum(len(a.comments) for a in load_seeds())
    with db.session() as session:
        comments = session.scalars(select(Comment).order_by(Comment.id)).all()
        decided = {d.comment_id for d in session.scalars(select(Decision))}
    assert len(comments) == expected == 16
    assert {c.id for c in comments} == decided
    assert all(c.status in {"published", "held", "rejected"} for c in comments)
    replies = [c for c in comments if c.parent_id is not None]
    assert len(replies) == 1
    parent = next(c for c in comments if c.id == replies[0].parent_id)
    assert parent.text.startswith("Faut vraiment être un tweetos")


def test_loading_twice_adds_nothing(demo_client: TestClient, db: Database) -> None:
    load_demo(demo_client.app.state.palabre.comments)  # type: ignore[attr-defined]
    with db.session() as session:
        assert len(session.scalars(select(Comment.id)).all()) == 16


def test_demo_pages_embed_the_widget(demo_client: TestClient) -> None:
    index = demo_client.get("/demo/")
    assert index.status_code == 200
    assert "/demo/seed-000" in index.text and "/demo/seed-003" in index.text
    page = demo_client.get("/demo/seed-003")
    assert "La rencontre Trump-Poutine" in page.text
    assert "Aucun message à caractère raciste ou contrevenant à la loi" in page.text
    assert 'data-palabre-thread="demo/seed-003"' in page.text
    assert demo_client.get("/demo/seed-999").status_code == 404


def test_published_seed_comments_are_readable_through_the_api(demo_client: TestClient) -> None:
    page = demo_client.get("/api/comments", params={"thread": "demo/seed-000"}).json()
    assert page["thread"]["title"] == "Sommet Trump-Poutine à Anchorage"
    assert page["total"] >= 3


def test_palabre_demo_prints_the_urls_and_a_working_moderator_login(tmp_path: object) -> None:
    from pathlib import Path

    from typer.testing import CliRunner

    from palabre.cli.main import app as cli
    from palabre.review.accounts import authenticate

    assert isinstance(tmp_path, Path)
    args = ["demo", "--no-serve", "--data-dir", str(tmp_path / "demo"), "--port", "8123"]
    first = CliRunner().invoke(cli, args)
    assert first.exit_code == 0, first.output
    for url in (
        "http://127.0.0.1:8123/demo/",
        "http://127.0.0.1:8123/demo/seed-000",
        "http://127.0.0.1:8123/demo/seed-003",
        "http://127.0.0.1:8123/moderation/",
    ):
        assert url in first.output
    assert "3553823: reject" in first.output
    line = next(x for x in first.output.splitlines() if "Modération" in x)
    email, password = line.split("(")[1].rstrip(")").split(" / ")
    second = CliRunner().invoke(cli, args)
    assert f"{email} / {password}" in second.output  # same login on every run
    assert "décisions" not in second.output  # nothing loaded twice
    from datetime import UTC, datetime, timedelta

    from palabre.review.accounts import Throttle

    database = Database(f"sqlite:///{tmp_path / 'demo' / 'palabre.sqlite3'}")
    with database.session() as session:
        account = authenticate(
            session,
            email,
            password,
            "127.0.0.1",
            datetime.now(UTC),
            Throttle(5, timedelta(minutes=15)),
        )
        stored = active_version(session)
        versions = len(history(session))
    database.dispose()
    assert account is not None and account.role == "admin"
    # the demo site keeps the seed site's charter as its own stored version, saved once;
    # the shipped default stays neutral
    assert stored is not None and versions == 1
    demo = parse_charter(stored.source, source="démo")
    seed = next(a.charter for a in load_seeds() if a.charter)
    assert demo.preamble == seed["preamble"]
    assert seed["moderators_need_not_justify"] in demo.notes
    neutral = default_charter()
    assert neutral.preamble != demo.preamble and "E&R" not in neutral.preamble
    assert not any("justifier" in note or "Egalité" in note for note in neutral.notes)
    assert [c.id for c in demo.clauses] == [c.id for c in neutral.clauses]


def test_the_demo_index_speaks_to_readers_not_developers(demo_client: TestClient) -> None:
    index = demo_client.get("/demo/").text
    visible = re.sub(r"<[^>]+>", " ", re.sub(r"<(script|style)\b.*?</\1>", " ", index, flags=re.S))
    assert "Sommet Trump-Poutine à Anchorage" in visible
    assert not re.search(r"seed|\(\s*seed", visible, re.IGNORECASE), visible


def test_a_production_app_serves_no_demo_pages(settings: Settings, db: Database) -> None:
    with TestClient(create_app(settings, db=db), base_url="http://palabre.test") as client:
        for path in ("/", "/demo/", "/demo/seed-000", "/demo/courriels"):
            assert client.get(path).status_code == 404, path
        assert client.get("/widget.js").status_code == 200


def test_palabre_demo_serves_its_pages_from_the_root(tmp_path: object) -> None:
    from pathlib import Path

    from palabre.demo.site import build_demo

    assert isinstance(tmp_path, Path)
    demo = build_demo(data_dir=str(tmp_path / "demo"), public_url="http://127.0.0.1:8124")
    try:
        with TestClient(demo.app, base_url="http://palabre.test") as client:
            for path in ("/", "/demo/", "/demo/seed-000", "/demo/courriels"):
                assert client.get(path).status_code == 200, path
    finally:
        demo.close()
