"""Moderation in its own processes, with real processes: `palabre serve` (web, no engine) and
`palabre worker` (the engine) over one SQLite base and one SQLite task queue.

- the web process never imports the engine when `moderation_in_worker` is set, not even for
  the dashboard's charter preview (a worker computes it);
- a comment posted while every moderation worker is down is moderated when one comes back,
  whether it waited in the queue or never reached it (the queue lost: the worker's sweep)."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

# What the engine brings: none of it may be loaded by a web process in worker mode.
ENGINE_MODULES = (
    "palabre.moderation.charter_engine",
    "palabre.moderation.detectors",
    "palabre.moderation.model",
    "palabre.moderation.quality.grammalecte_checker",
    "lingua",
    "grammalecte",
    "numpy",
)

PROBE = """
import json, re, sys
from datetime import UTC, datetime
from fastapi.testclient import TestClient
from palabre.review.accounts import create_account
from palabre.settings import load_settings
from palabre.web.app import create_app

in_worker = sys.argv[2] == "1"
# No worker runs here: the charter preview gives up at once in worker mode (503).
settings = load_settings(data_dir=sys.argv[1], moderation_in_worker=in_worker,
                         secret_key="k" * 32, check_timeout_seconds=0.05)
app = create_app(settings)
with app.state.services.db.session() as session:
    create_account(session, "admin@example.org", "mot-de-passe-admin", "admin", [],
                   datetime.now(UTC))
csrf = re.compile(r'name="csrf" value="([^"]+)"')
with TestClient(app) as client:
    posted = client.post("/api/comments", json={"thread": "t", "text": "Bonjour, bel article."})
    assert posted.status_code == 201, posted.text
    page = client.get("/api/comments", params={"thread": "t"})
    assert page.status_code == 200
    login = client.post("/moderation/login", follow_redirects=False, data={
        "csrf": csrf.search(client.get("/moderation/login").text)[1],
        "email": "admin@example.org", "password": "mot-de-passe-admin", "next": "/moderation/"})
    assert login.status_code == 303, login.text
    edit = client.get("/moderation/charter/edit").text
    source = re.search(r"<textarea[^>]*>(.*?)</textarea>", edit, re.S)[1]
    import html
    preview = client.post("/moderation/charter/preview", data={
        "csrf": csrf.search(edit)[1], "source": html.unescape(source)})
    assert preview.status_code == (503 if in_worker else 200), preview.text[:300]
print(json.dumps(sorted(sys.modules)))
"""


def loaded_modules(tmp_path: Path, in_worker: bool) -> set[str]:
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            PROBE,
            str(tmp_path / ("w" if in_worker else "i")),
            "1" if in_worker else "0",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    ).stdout
    return set(json.loads(out.strip().splitlines()[-1]))


def engine_parts(modules: set[str]) -> set[str]:
    return {m for m in modules if any(m == e or m.startswith(e + ".") for e in ENGINE_MODULES)}


@pytest.mark.slow
def test_the_web_process_never_imports_the_engine(tmp_path: Path) -> None:
    assert engine_parts(loaded_modules(tmp_path, in_worker=True)) == set()
    # the same probe sees the engine when it runs in the web process (the one-process default)
    assert "palabre.moderation.charter_engine" in engine_parts(
        loaded_modules(tmp_path, in_worker=False)
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class Processes:
    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.running: list[subprocess.Popen[str]] = []

    def start(self, *args: str) -> subprocess.Popen[str]:
        proc = subprocess.Popen(
            [sys.executable, "-m", "palabre", *args],
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.running.append(proc)
        return proc

    def stop(self, proc: subprocess.Popen[str]) -> str:
        proc.send_signal(signal.SIGINT)
        try:
            output, _ = proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            output, _ = proc.communicate()
        return output

    def stop_all(self) -> None:
        for proc in self.running:
            if proc.poll() is None:
                self.stop(proc)


@pytest.fixture
def processes(tmp_path: Path) -> Iterator[Processes]:
    port = free_port()
    env = {
        **os.environ,
        "PALABRE_DATA_DIR": str(tmp_path / "data"),
        "PALABRE_SECRET_KEY": "secret-for-the-worker-process-test",
        "PALABRE_PORT": str(port),
        "PALABRE_HOST": "127.0.0.1",
        "PALABRE_PUBLIC_URL": f"http://127.0.0.1:{port}",
        "PALABRE_MODERATION_IN_WORKER": "true",
        "PALABRE_PENDING_SWEEP_SECONDS": "60",
    }
    procs = Processes(env)
    yield procs
    procs.stop_all()


def wait_until(what: str, ready: object, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not callable(ready) or not ready():
        assert time.monotonic() < deadline, f"timed out: {what}"
        time.sleep(0.2)


def decision_of(client: httpx.Client, posted: dict[str, Any]) -> str:
    res = client.get(
        f"/api/comments/{posted['comment']['id']}/decision",
        params={"token": str(posted["view_token"])},
    )
    res.raise_for_status()
    return str(res.json()["moderation"]["decision"])


@pytest.mark.slow
def test_a_comment_posted_while_every_worker_is_down_is_moderated_when_one_comes_back(
    processes: Processes,
) -> None:
    web = processes.start("serve")
    url = processes.env["PALABRE_PUBLIC_URL"]
    with httpx.Client(base_url=url, timeout=30) as client:

        def up() -> bool:
            try:
                return client.get("/api/health").status_code == 200
            except httpx.TransportError:
                assert web.poll() is None, web.stdout.read() if web.stdout else ""
                return False

        wait_until("the web process answers", up, 120)
        thread = "https://journal.example/article"
        queued_then_lost = client.post(
            "/api/comments",
            json={"thread": thread, "text": "Merci pour cet article, il est très clair."},
        ).json()
        # The queue loses what it held (Redis restarted without persistence, say): only the
        # workers' sweep of the database can find this one.
        from palabre.notifications.tasks import build_huey
        from palabre.settings import load_settings

        build_huey(load_settings(environ=processes.env)).flush()
        queued = client.post(
            "/api/comments",
            json={"thread": thread, "text": "Un article bien documenté, je le partage volontiers."},
        ).json()
        time.sleep(1)  # no worker: nothing moves
        assert [decision_of(client, p) for p in (queued_then_lost, queued)] == ["pending"] * 2
        assert client.get("/api/comments", params={"thread": thread}).json()["total"] == 0

        worker = processes.start("worker", "--workers", "1")
        wait_until(
            "the worker moderates both",
            lambda: all(decision_of(client, p) == "publish" for p in (queued_then_lost, queued)),
            180,
        )
        assert client.get("/api/comments", params={"thread": thread}).json()["total"] == 2
        processes.stop(worker)
    output = processes.stop(web)
    assert "Traceback" not in output, output
