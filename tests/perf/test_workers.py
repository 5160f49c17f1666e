"""`palabre serve --workers 2` on PostgreSQL, with its settings in a config file and the rate
limits shared through Redis: both workers start, comments are posted and read back, and a
quota counts the posts of all workers together."""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from palabre_testing import CLEAN_TEXTS

pytestmark = [pytest.mark.slow, pytest.mark.postgres]
REDIS = ("127.0.0.1", 6379)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _redis_reachable() -> bool:
    try:
        with socket.create_connection(REDIS, timeout=2):
            return True
    except OSError:
        return False


def _call(url: str, body: dict[str, object] | None = None) -> tuple[int, dict[str, object]]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


@pytest.fixture
def server(tmp_path: Path, pg_database_url: str) -> Iterator[str]:
    if not _redis_reachable():
        pytest.skip("Redis injoignable sur 127.0.0.1:6379")
    pytest.importorskip("redis", reason="module redis absent : redis_url inutilisable")
    port = _free_port()
    config = tmp_path / "palabre.toml"
    config.write_text(
        "\n".join(
            [
                f'database_url = "{pg_database_url}"',
                'redis_url = "redis://127.0.0.1:6379/0"',
                f'data_dir = "{tmp_path / "data"}"',
                'secret_key = "test-secret-key-not-for-production"',
                f'public_url = "http://127.0.0.1:{port}"',
                f"port = {port}",
                'rate_limit_posts_ip = "1000/minute"',
                'rate_limit_posts_author = "1000/minute"',
                'rate_limit_posts_thread = "3/minute"',
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    # Only the config file: no PALABRE_* variable may leak in from the test environment.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PALABRE_")}
    palabre = Path(sys.executable).with_name("palabre")
    log = (tmp_path / "server.log").open("wb")
    process = subprocess.Popen(
        [str(palabre), "serve", "--config", str(config), "--workers", "2"],
        env=env,
        cwd=tmp_path,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 240  # each worker loads the moderation engine first
        while time.monotonic() < deadline:
            output = (tmp_path / "server.log").read_text(errors="replace")
            assert process.poll() is None and "Traceback" not in output, output[-3000:]
            try:
                if _call(f"{base}/api/health")[0] == 200:
                    break
            except (urllib.error.URLError, ConnectionError):
                pass
            time.sleep(0.5)
        else:
            pytest.fail("palabre serve --workers 2 not ready in 240 s")
        yield base
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        log.close()


def test_two_workers_on_postgresql_post_read_and_share_the_rate_limit(server: str) -> None:
    status, health = _call(f"{server}/api/health")
    assert health["database"] == "postgresql"
    thread = f"https://journal.example/plusieurs-processus-{secrets.token_hex(4)}"
    ids = []
    for i, text in enumerate(CLEAN_TEXTS[:3]):
        status, body = _call(
            f"{server}/api/comments", {"thread": thread, "text": text, "email": f"l{i}@example.org"}
        )
        assert status == 201, body
        ids.append(body["comment"]["id"])  # type: ignore[index]
    # The thread's quota (3/minute) is counted in Redis, whichever worker took each post.
    status, body = _call(
        f"{server}/api/comments",
        {"thread": thread, "text": CLEAN_TEXTS[3], "email": "l9@example.org"},
    )
    assert status == 429, body
    for _ in range(10):  # keep-alive off: the requests spread over both workers
        status, page = _call(f"{server}/api/comments?thread={thread}")
        assert status == 200
        shown = {c["id"] for c in page["comments"]}  # type: ignore[attr-defined]
        assert shown == set(ids)
