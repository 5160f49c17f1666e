"""The read cache (web/read_cache.py): a repeated thread page or count is served without SQL, and
any commit — through the API, or by another process straight into the database — is seen by
the very next read (SQLite and PostgreSQL)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from palabre.settings import Settings
from palabre.storage.db import Database
from palabre.web.app import create_app
from read_path_testing import seed_thread, statements

ORIGIN = "https://journal.example"  # allowed by the test settings


def read(
    client: TestClient, db: Database, path: str, **headers: str
) -> tuple[int, dict[str, Any], dict[str, str]]:
    params = {"thread": "fil"} if path == "/api/comments" else {"thread": ["fil", "autre"]}
    with statements(db) as seen:
        response = client.get(path, params=params, headers=headers)
    body: dict[str, Any] = response.json() if response.status_code == 200 else {}
    return len(seen), body, dict(response.headers)


def test_a_repeated_read_runs_no_sql_and_answers_the_same(client: TestClient, db: Database) -> None:
    seed_thread(db, "fil", roots=3, replies=4)
    for path in ("/api/comments", "/api/counts"):
        first, body, headers = read(client, db, path)
        again, same_body, same_headers = read(client, db, path)
        assert first >= 1
        assert again == 0, f"{path} served from the cache"
        assert same_body == body
        assert same_headers == headers
        assert headers["etag"] and headers["x-content-type-options"] == "nosniff"


def test_a_post_through_the_api_is_seen_by_the_next_read(client: TestClient, db: Database) -> None:
    seed_thread(db, "fil", roots=2, replies=0)
    _, before, _ = read(client, db, "/api/counts")
    _, page, _ = read(client, db, "/api/comments")
    response = client.post("/api/comments", json={"thread": "fil", "text": "Un avis de plus."})
    assert response.status_code == 201, response.text
    sql, after, _ = read(client, db, "/api/counts")
    assert sql >= 1
    assert after["counts"]["fil"] == before["counts"]["fil"] + 1
    _, new_page, _ = read(client, db, "/api/comments")
    assert len(new_page["comments"]) == len(page["comments"]) + 1


def test_a_commit_by_another_process_is_seen_by_the_next_read(
    client: TestClient, db: Database, settings: Settings
) -> None:
    seed_thread(db, "fil", roots=3, replies=0)
    _, before, _ = read(client, db, "/api/counts")
    assert read(client, db, "/api/counts")[0] == 0
    script = textwrap.dedent(f"""
        from sqlalchemy import text
        from palabre.storage.db import Database
        db = Database({settings.resolved_database_url!r})
        with db.session() as s:
            s.execute(text("UPDATE comments SET status = 'rejected' WHERE id = "
                           "(SELECT min(id) FROM comments WHERE status = 'published')"))
        db.dispose()
    """)
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60)
    sql, after, _ = read(client, db, "/api/counts")
    assert sql >= 1
    assert after["counts"]["fil"] == before["counts"]["fil"] - 1


def test_a_matching_etag_gets_a_304_from_the_cache(client: TestClient, db: Database) -> None:
    seed_thread(db, "fil", roots=2, replies=1)
    _, _, headers = read(client, db, "/api/comments")
    with statements(db) as seen:
        response = client.get(
            "/api/comments", params={"thread": "fil"}, headers={"If-None-Match": headers["etag"]}
        )
    assert response.status_code == 304
    assert response.content == b""
    assert seen == []
    assert response.headers["etag"] == headers["etag"]
    assert "content-type" not in response.headers


def test_the_cors_answer_follows_the_origin_of_each_request(
    client: TestClient, db: Database
) -> None:
    seed_thread(db, "fil", roots=1, replies=0)
    allowed = read(client, db, "/api/counts", Origin=ORIGIN)[2]
    foreign = read(client, db, "/api/counts", Origin="https://ailleurs.example")[2]
    assert allowed.get("access-control-allow-origin") == ORIGIN
    assert "access-control-allow-origin" not in foreign
    sql, _, allowed_again = read(client, db, "/api/counts", Origin=ORIGIN)
    assert sql == 0 and allowed_again.get("access-control-allow-origin") == ORIGIN


def test_errors_are_not_cached(client: TestClient, db: Database) -> None:
    for _ in range(2):
        with statements(db) as seen:
            response = client.get("/api/comments", params={"thread": "fil", "site": "inconnu"})
        assert response.status_code == 404
        assert seen, "an error is built again every time"


def test_no_cache_when_disabled(settings: Settings, db: Database) -> None:
    app = create_app(settings.replace(read_cache_entries=0), db=db)
    with TestClient(app, base_url="http://palabre.test") as plain:
        seed_thread(db, "fil", roots=1, replies=0)
        assert read(plain, db, "/api/counts")[0] >= 1
        assert read(plain, db, "/api/counts")[0] >= 1


def test_the_cache_keeps_at_most_its_capacity(settings: Settings, db: Database) -> None:
    from palabre.web.read_cache import ReadCache

    app = create_app(settings.replace(read_cache_entries=3), db=db)
    with TestClient(app, base_url="http://palabre.test") as small:
        for i in range(6):
            assert small.get("/api/counts", params={"thread": f"fil-{i}"}).status_code == 200
        layer = app.middleware_stack
        while layer is not None and not isinstance(layer, ReadCache):
            layer = getattr(layer, "app", None)
        assert isinstance(layer, ReadCache)
        assert len(layer.entries) == 3


def test_a_stamp_that_cannot_be_read_turns_the_cache_off(tmp_path: Path) -> None:
    from palabre.storage.change_stamp import SQLiteStamp

    stamp = SQLiteStamp(str(tmp_path / "absent" / "palabre.sqlite3"))
    assert stamp.read() is None
    (tmp_path / "absent").mkdir()
    first = stamp.read()  # reconnects once the file can be opened
    assert first is not None and stamp.read() == first
