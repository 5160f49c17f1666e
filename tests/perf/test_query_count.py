"""No N+1: reading a thread page and counting many threads take a fixed number of SQL statements,
whatever the number of comments or threads (SQLite and PostgreSQL)."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from palabre.storage.db import Database
from read_path_testing import seed_thread, statements

# A page: the thread with its count, then the page's roots with their replies. Counts: one.
# Counted on the DB-API connections (read_path_testing.statements): exactly these, no fewer.
MAX_PAGE_STATEMENTS = 2
MAX_COUNTS_STATEMENTS = 1


def page_statements(client: TestClient, db: Database, key: str, **params: str) -> tuple[int, Any]:
    with statements(db) as seen:
        response = client.get("/api/comments", params={"thread": key, "limit": "100", **params})
    assert response.status_code == 200, response.text
    return len(seen), response.json()


def test_thread_page_takes_the_same_statements_for_5_and_50_roots(
    client: TestClient, db: Database
) -> None:
    seed_thread(db, "petit", roots=5, replies=20)
    seed_thread(db, "grand", roots=50, replies=200)
    small, small_page = page_statements(client, db, "petit")
    large, large_page = page_statements(client, db, "grand")
    assert len(small_page["comments"]) == 5
    assert len(large_page["comments"]) == 50
    nested = sum(len(c["replies"]) for c in large_page["comments"])
    assert nested > 50, "replies are loaded with the page"
    assert small == large == MAX_PAGE_STATEMENTS


def test_a_page_reached_by_cursor_takes_the_same_statements(
    client: TestClient, db: Database
) -> None:
    seed_thread(db, "grand", roots=50, replies=200)
    first, page = page_statements(client, db, "grand", limit="20")
    assert page["next_cursor"]
    second, _ = page_statements(client, db, "grand", limit="20", cursor=page["next_cursor"])
    assert first == second == MAX_PAGE_STATEMENTS


def test_counts_take_the_same_statements_for_5_and_50_threads(
    client: TestClient, db: Database
) -> None:
    keys = [f"fil-{i}" for i in range(50)]
    for i, key in enumerate(keys):
        seed_thread(db, key, roots=1 + i % 3, replies=i % 4)
    measured = []
    for wanted in (keys[:5], keys):
        with statements(db) as seen:
            response = client.get("/api/counts", params={"thread": wanted})
        assert response.status_code == 200, response.text
        assert set(response.json()["counts"]) == set(wanted)
        measured.append(len(seen))
    assert measured[0] == measured[1] == MAX_COUNTS_STATEMENTS
