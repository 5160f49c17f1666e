"""The per-author flood limit (`flood_max_posts` in `flood_window_minutes`, raised by one per
`flood_traffic_step` posts on the site): an author at the limit is asked to wait, a busy site
lets its authors post more. The site's traffic is counted only for an author already at the
fixed limit (docs/benchmarks.md, issue 21): these tests fail if that shortcut changes who is
refused. Moderation runs in the workers here (no engine in the test process)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from palabre.settings import Settings
from palabre.storage.db import Database
from palabre.web.app import create_app
from palabre_testing import CLEAN_TEXTS, THREAD
from read_path_testing import statements


def _client(settings: Settings, db: Database, step: int) -> TestClient:
    limited = settings.replace(
        moderation_in_worker=True, flood_max_posts=3, flood_traffic_step=step
    )
    return TestClient(create_app(limited, db=db), base_url="http://palabre.test")


@pytest.fixture
def fixed(settings: Settings, db: Database) -> Iterator[TestClient]:
    with _client(settings, db, step=0) as client:
        yield client


@pytest.fixture
def growing(settings: Settings, db: Database) -> Iterator[TestClient]:
    with _client(settings, db, step=10) as client:
        yield client


def _post(client: TestClient, reader: str, i: int) -> tuple[int, str]:
    body = {"thread": THREAD, "text": f"{CLEAN_TEXTS[i % len(CLEAN_TEXTS)]} ({reader} {i})"}
    response = client.post("/api/comments", json={**body, "reader": reader})
    code = response.json()["error"]["code"] if response.status_code >= 400 else ""
    return response.status_code, code


def _posts_until_refused(client: TestClient, reader: str, most: int = 12) -> int:
    for i in range(most):
        status, code = _post(client, reader, i)
        if status == 429:
            assert code == "trop_de_messages"
            return i
        assert status == 201
    return most


def test_an_author_at_the_limit_is_asked_to_wait(fixed: TestClient) -> None:
    assert _posts_until_refused(fixed, "lecteur-a") == 3
    refused = fixed.post(
        "/api/comments", json={"thread": THREAD, "text": "Encore.", "reader": "lecteur-a"}
    )
    assert refused.status_code == 429
    assert refused.json()["error"]["code"] == "trop_de_messages"
    assert int(refused.headers["retry-after"]) in {540, 600}  # the oldest leaves in ≤ 10 min
    assert _posts_until_refused(fixed, "lecteur-b") == 3  # another author is not affected


def test_a_busy_site_raises_the_limit(growing: TestClient) -> None:
    for i in range(20):  # 20 posts by others: the limit grows from 3 to 3 + 20 // 10
        assert _post(growing, f"autre-{i}", i) == (201, "")
    # 4th post: 23 on the site, limit 5; 5th: 24, limit 5; 6th: 25, limit 5 → refused
    assert _posts_until_refused(growing, "lecteur-a") == 5


def test_a_quiet_site_keeps_the_fixed_limit(growing: TestClient) -> None:
    for i in range(5):  # 5 + 3 posts on the site: fewer than one step, the limit stays 3
        assert _post(growing, f"autre-{i}", i) == (201, "")
    assert _posts_until_refused(growing, "lecteur-a") == 3


def test_the_site_is_counted_only_for_an_author_at_the_limit(
    growing: TestClient, db: Database
) -> None:
    def site_counts(reader: str, i: int) -> int:
        with statements(db) as seen:
            _post(growing, reader, i)
        return sum("count(" in s.lower() for s in seen)

    assert [site_counts("lecteur-a", i) for i in range(4)] == [0, 0, 0, 1]
