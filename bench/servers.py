"""Start a server in its own process group, time its cold start, read its memory and CPU from
/proc (master and workers together), stop it. Linux only."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent

TICKS = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def uvicorn_argv(
    factory: str, port: int, *options: str, workers: int | None = None, program: str = ""
) -> list[str]:
    """The command line of a bench app served by uvicorn (`factory` is « module:function » in
    bench/), quiet, on 127.0.0.1:`port`; `program` is a uvicorn executable, else this
    interpreter's module."""
    start = [program] if program else [sys.executable, "-m", "uvicorn"]
    argv = [*start, "--factory", "--app-dir", str(BENCH), factory, "--host", "127.0.0.1"]
    argv += ["--port", str(port)]
    if workers is not None:
        argv += ["--workers", str(workers)]
    return [*argv, "--log-level", "warning", *options]


@dataclass
class Server:
    name: str
    argv: list[str]
    env: dict[str, str]
    port: int
    ready_path: str  # a GET that answers 200 once the app is ready
    log: Path
    process: subprocess.Popen[bytes] | None = None
    cold_start_s: float = 0.0
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 90.0) -> float:
        """Process start → first 200 on `ready_path`, in seconds."""
        out = self.log.open("ab")
        started = time.perf_counter()
        self.process = subprocess.Popen(
            self.argv,
            env={**os.environ, **self.env},
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = started + timeout
        while time.perf_counter() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"{self.name} exited ({self.process.returncode}), see {self.log}"
                )
            try:
                with urllib.request.urlopen(self.base + self.ready_path, timeout=2) as response:
                    if response.status == 200:
                        self.cold_start_s = time.perf_counter() - started
                        return self.cold_start_s
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.02)
        self.stop()
        raise RuntimeError(f"{self.name} not ready after {timeout:.0f} s, see {self.log}")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)  # the group this object created
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=5)

    def pids(self) -> list[int]:
        assert self.process is not None
        return process_tree(self.process.pid)

    def rss_mib(self) -> dict[str, float]:
        """Resident memory of the master and of each worker (MiB)."""
        sizes = [_rss(pid) for pid in self.pids()]
        sizes = [s for s in sizes if s > 0]
        return {
            "total_mib": round(sum(sizes), 1),
            "processes": len(sizes),
            "largest_mib": round(max(sizes, default=0.0), 1),
        }

    def settle(self, timeout: float = 120.0) -> float:
        """Wait until the server is idle (queued requests of the last run served): less than 5 %
        of one core over 0.5 s. Returns the seconds waited."""
        started = time.perf_counter()
        while time.perf_counter() - started < timeout:
            before = self.cpu_seconds()
            time.sleep(0.5)
            if self.cpu_seconds() - before < 0.025:
                break
        return time.perf_counter() - started

    def cpu_seconds(self) -> float:
        return sum(_cpu(pid) for pid in self.pids())


def process_tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def _rss(pid: int) -> float:
    try:
        pages = int(Path(f"/proc/{pid}/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0.0
    return pages * PAGE / 2**20


def _cpu(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime


def code_state(root: Path) -> dict[str, object]:
    """Which code was measured: the commit, whether src/ had uncommitted changes, and the hash of
    the read path (others may be editing the tree while a benchmark runs)."""
    import hashlib

    def git(*args: str) -> str:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True)
        return done.stdout.strip()

    read_path = root / "src" / "palabre" / "comments" / "queries.py"
    return {
        "commit": git("rev-parse", "--short", "HEAD"),
        "src_changes": [
            line.split(None, 1)[-1] for line in git("status", "--porcelain", "src").splitlines()
        ],
        "queries_py_sha1": hashlib.sha1(read_path.read_bytes()).hexdigest()[:12]
        if read_path.exists()
        else None,
    }


@dataclass
class Background:
    """A process that serves no HTTP (a `palabre worker`): started, measured, stopped like a
    server, in its own process group."""

    name: str
    argv: list[str]
    env: dict[str, str]
    log: Path
    process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            self.argv,
            env={**os.environ, **self.env},
            stdout=self.log.open("ab"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGINT)  # huey's consumer stops cleanly on SIGINT
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=5)

    def cpu_seconds(self) -> float:
        assert self.process is not None
        return sum(_cpu(pid) for pid in process_tree(self.process.pid))

    def rss_mib(self) -> float:
        assert self.process is not None
        return round(sum(_rss(pid) for pid in process_tree(self.process.pid)), 1)

    def settle(self, timeout: float = 120.0) -> None:
        """Until idle: less than 5 % of one core over 0.5 s (its queue drained)."""
        started = time.perf_counter()
        while time.perf_counter() - started < timeout:
            before = self.cpu_seconds()
            time.sleep(0.5)
            if self.cpu_seconds() - before < 0.025:
                return
