"""`palabre worker` runs huey's consumer over the configured queue and stops on SIGINT."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest


@pytest.mark.slow
def test_worker_starts_and_stops(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "PALABRE_DATA_DIR": str(tmp_path / "data"),
        "PALABRE_SECRET_KEY": "k",
        "PALABRE_DIGEST_HOUR": "6",
    }
    palabre = Path(sys.executable).with_name("palabre")
    proc = subprocess.Popen(
        [str(palabre), "worker", "--workers", "1"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        assert proc.stdout is not None
        line = proc.stdout.readline()
        while "palabre worker" not in line:
            assert time.monotonic() < deadline and line, "the worker did not start"
            line = proc.stdout.readline()
        assert "file SQLite" in line
        time.sleep(1.5)
        assert proc.poll() is None  # running
        proc.send_signal(signal.SIGINT)
        output, _ = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, output
    assert (tmp_path / "data" / "tasks.sqlite3").exists()
