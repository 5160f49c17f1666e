"""Many readers post the first comments of new articles at the same moment, against a real
server on loopback: no error, and every acknowledged comment is stored exactly once."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from sqlalchemy import func, select

from live_server_testing import live_server
from palabre.settings import Settings
from palabre.storage.db import Database
from palabre.storage.models import Comment, Thread
from palabre.web.app import create_app

pytestmark = pytest.mark.slow
THREADS = 10
POSTS = 50


def test_concurrent_first_comments_on_new_threads_are_all_stored_once(
    settings: Settings, db: Database
) -> None:
    # one client posting 50 times: the per-author flood limit is not what this test measures
    app = create_app(settings.replace(pending_sweep_seconds=0, flood_max_posts=1000), db=db)
    start = threading.Barrier(POSTS)

    def first_post(base: str, i: int) -> tuple[int, int | None, str]:
        body = {
            "thread": f"https://journal.example/nouveau-{i % THREADS}",
            "text": f"Premier avis n° {i} : l'article est clair et bien sourcé.",
            "thread_title": f"Article {i % THREADS}",
        }
        with httpx.Client(base_url=base, timeout=60) as client:
            start.wait(timeout=60)
            response = client.post("/api/comments", json=body)
        ident = response.json()["comment"]["id"] if response.status_code == 201 else None
        return response.status_code, ident, response.text[:200]

    with live_server(app) as base, ThreadPoolExecutor(POSTS) as pool:
        results = list(pool.map(lambda i: first_post(base, i), range(POSTS)))

    errors = [(status, text) for status, _, text in results if status != 201]
    assert errors == []
    acknowledged = [ident for _, ident, _ in results if ident is not None]
    with db.session() as session:
        stored = session.scalars(select(Comment.id)).all()
        per_thread = dict(
            session.execute(
                select(Thread.key, func.count(Comment.id))
                .join(Comment, Comment.thread_id == Thread.id)
                .group_by(Thread.key)
            ).all()
        )
        thread_rows = session.scalar(select(func.count(Thread.id)))
    assert sorted(stored) == sorted(acknowledged)  # each acknowledged comment, stored once
    assert thread_rows == THREADS
    assert set(per_thread.values()) == {POSTS // THREADS}
