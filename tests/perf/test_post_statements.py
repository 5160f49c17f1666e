"""What one reader's post asks of the database, with moderation in the worker processes (the web
side only stores the comment as pending and queues its id): a fixed, small number of statements
(SQLite and PostgreSQL), counted on the DB-API connections. docs/benchmarks.md, issue 21."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update

from palabre.settings import Settings
from palabre.status import CommentStatus
from palabre.storage.db import Database
from palabre.storage.models import Comment
from palabre.web.app import create_app
from palabre_testing import CLEAN, THREAD
from read_path_testing import statements

# The site with the thread (one LEFT JOIN); the ban check (every key and the e-mail in one
# statement); the author's recent posts (flood: the site's own count only for an author already
# at the limit, tests/security/test_flood.py); the INSERT; a root's own root_id. (No closing
# date nor per-article quota is set here: each would add one; a thread's first post adds its
# INSERT and one more read.)
POST_STATEMENTS = 5


@pytest.fixture
def worker_client(settings: Settings, db: Database) -> Iterator[TestClient]:
    app = create_app(settings.replace(moderation_in_worker=True), db=db)
    with TestClient(app, base_url="http://palabre.test") as client:
        yield client


def test_a_post_takes_a_fixed_number_of_statements(worker_client: TestClient, db: Database) -> None:
    first = worker_client.post("/api/comments", json={"thread": THREAD, "text": CLEAN})
    assert first.status_code == 201, first.text
    counted = []
    for i in range(3):
        with statements(db) as seen:
            response = worker_client.post(
                "/api/comments",
                json={"thread": THREAD, "text": f"{CLEAN} ({i})", "email": f"l{i}@example.org"},
            )
        assert response.status_code == 201, response.text
        assert response.json()["moderation"]["decision"] == "pending"
        counted.append(len(seen))
    assert counted == [POST_STATEMENTS] * 3


def test_the_answer_to_a_post_is_the_stored_row(worker_client: TestClient, db: Database) -> None:
    """The post writes its row with a Core INSERT and answers from the values it wrote: they
    must be what the database gives back (the author's own view of the pending comment)."""
    root = worker_client.post(
        "/api/comments",
        json={"thread": THREAD, "text": f"**{CLEAN}**", "author": "Ana", "email": "a@example.org"},
    ).json()
    with db.session() as session:  # as a moderation worker would
        session.execute(update(Comment).values(status=CommentStatus.PUBLISHED))
    reply = worker_client.post(
        "/api/comments",
        json={"thread": THREAD, "text": CLEAN, "parent": root["comment"]["id"], "author": "Bo"},
    )
    assert reply.status_code == 201, reply.text
    for posted in (root, reply.json()):
        comment = posted["comment"]
        stored = worker_client.get(
            f"/api/comments/{comment['id']}/decision", params={"token": posted["view_token"]}
        ).json()["comment"]
        assert comment == {**stored, "status": "pending"}
    assert "<strong>" in root["comment"]["html"]
    with db.session() as session:
        rows = session.execute(select(Comment.id, Comment.root_id).order_by(Comment.id)).all()
    assert [tuple(r) for r in rows] == [(root["comment"]["id"],) * 2, (rows[1][0], rows[0][0])]
