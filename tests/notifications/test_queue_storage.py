"""The SQLite task queue (no `redis_url`): WAL with `synchronous=NORMAL`, like palabre's own
database, so an enqueue on the post path does not wait for an fsync; a queued task still
outlives the process that queued it (docs/benchmarks.md, issue 21)."""

from __future__ import annotations

from pathlib import Path

from palabre.notifications.tasks import build_huey
from palabre.settings import load_settings


def test_the_queue_commits_without_fsync_and_keeps_its_tasks(tmp_path: Path) -> None:
    settings = load_settings(environ={}, data_dir=str(tmp_path / "data"), redis_url="")
    web = build_huey(settings)
    connection = web.storage.conn
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert connection.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL

    done: list[int] = []

    def moderate_comment(comment_id: int) -> None:
        done.append(comment_id)

    web.task(name="moderate_comment")(moderate_comment)(7)
    web.storage.close()  # the web process goes away
    worker = build_huey(settings)
    worker.task(name="moderate_comment")(moderate_comment)
    assert worker.pending_count() == 1
    worker.execute(worker.dequeue())
    assert done == [7]
