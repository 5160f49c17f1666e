"""A real server under a bounded load is killed with SIGKILL mid-way and restarted: every
acknowledged comment is found, and every stored comment is moderated exactly once."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from palabre.storage.db import Database
from palabre.storage.models import Comment, Decision

pytestmark = pytest.mark.slow
LOAD = 60


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _start(data_dir: Path, port: int) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "PALABRE_DATA_DIR": str(data_dir),
        "PALABRE_PORT": str(port),
        "PALABRE_PUBLIC_URL": f"http://127.0.0.1:{port}",
        "PALABRE_RATE_LIMIT_POSTS_IP": "",
        "PALABRE_RATE_LIMIT_POSTS_THREAD": "",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "palabre", "serve"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=1).status_code == 200:
                return process
        except httpx.HTTPError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("server did not start")


@pytest.fixture
def data_dir(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path / "data"


def test_sigkill_mid_load_loses_nothing_acknowledged(data_dir: Path) -> None:
    port = _free_port()
    server = _start(data_dir, port)
    acknowledged: dict[int, str] = {}
    lock = threading.Lock()
    sent = 0

    def load(worker: int) -> None:
        nonlocal sent
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as client:
            for i in range(LOAD // 3):
                text = f"Avis numéro {worker}-{i} : l'article est clair et bien sourcé."
                try:
                    response = client.post("/api/comments", json={"thread": "t", "text": text})
                except httpx.HTTPError:
                    return
                with lock:
                    sent += 1
                    if response.status_code == 201:
                        acknowledged[response.json()["comment"]["id"]] = text

    workers = [threading.Thread(target=load, args=(w,)) for w in range(3)]
    for worker in workers:
        worker.start()
    while len(acknowledged) < LOAD // 3 and any(w.is_alive() for w in workers):
        time.sleep(0.01)
    server.send_signal(signal.SIGKILL)
    server.wait(timeout=10)
    for worker in workers:
        worker.join(timeout=30)
    assert 0 < len(acknowledged) < LOAD, "the kill must land mid-way"

    restarted = _start(data_dir, port)  # resumes pending moderation at start
    try:
        database = Database(f"sqlite:///{data_dir / 'palabre.sqlite3'}")
        with database.session() as session:
            stored = {c.id: c for c in session.scalars(select(Comment))}
            decisions = dict(
                session.execute(
                    select(Decision.comment_id, func.count(Decision.id)).group_by(
                        Decision.comment_id
                    )
                ).all()
            )
        database.dispose()
    finally:
        restarted.send_signal(signal.SIGTERM)
        restarted.wait(timeout=30)
    lost = [cid for cid in acknowledged if cid not in stored]
    assert lost == []
    assert all(stored[cid].text == text for cid, text in acknowledged.items())
    assert [c.id for c in stored.values() if c.status == "pending"] == []
    assert all(decisions.get(cid) == 1 for cid in stored), decisions
    print(
        f"\nrequests sent: {sent}, acknowledged: {len(acknowledged)}, stored: {len(stored)}, "
        f"lost: {len(lost)}"
    )
