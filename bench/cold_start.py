"""Cold start of one web process (`palabre serve`, `moderation_in_worker`, no engine), for
several versions of the code, interleaved: process start → first 200 on the 20-comment thread,
wall time and the process's CPU (from /proc, 10 ms ticks). Same base as bench/light_workers.py.

Usage: .venv/bin/python bench/cold_start.py SRC [SRC ...] [--rounds 7]

Each SRC is a `src` folder (e.g. main's from `git archive main | tar -x -C /tmp/base`, then
`/tmp/base/src`); in each round every SRC starts once, in an order that alternates from round to
round, on a fresh copy of one seeded SQLite base, so that the load of a shared machine falls on
all of them alike. Bytecode is compiled beforehand (as an installed package has it). Prints one
JSON line per run and a summary (median and minimum per SRC)."""

from __future__ import annotations

import argparse
import compileall
import json
import random
import shutil
import statistics
import sys
import tempfile
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote

import seed
from dataset import EPOCH, Generator
from servers import Server, free_port

T20 = "/2026/01/vingt-commentaires/"


def server(src: Path, work: Path, name: str) -> Server:
    port = free_port()
    env = {
        "PYTHONPATH": str(src),
        "PALABRE_DATA_DIR": str(work),
        "PALABRE_DATABASE_URL": "",
        "PALABRE_SECRET_KEY": "bench-secret-not-for-production",
        "PALABRE_PUBLIC_URL": f"http://127.0.0.1:{port}",
        "PALABRE_HOST": "127.0.0.1",
        "PALABRE_PORT": str(port),
        "PALABRE_REDIS_URL": "",
        "PALABRE_ACCESS_LOG": "false",
        "PALABRE_MODERATION_IN_WORKER": "true",
    }
    argv = [sys.executable, "-m", "palabre", "serve"]
    return Server(name, argv, env, port, f"/api/comments?thread={quote(T20)}", work / "web.log")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("src", nargs="+", type=Path)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    sources = [path.resolve() for path in args.src]
    for src in sources:
        compileall.compile_dir(str(src), quiet=1)
    root = Path(tempfile.mkdtemp(prefix="palabre-cold-"))
    try:
        seeded = root / "seed"
        seeded.mkdir()
        gen = Generator(random.Random(8))
        gen.published_only = True
        url = f"sqlite:///{seeded / 'palabre.sqlite3'}"
        seed.palabre_load(url, [T20], gen.thread(0, 20, EPOCH, timedelta(days=2)))
        runs: dict[str, list[tuple[float, float]]] = {str(src): [] for src in sources}
        for n in range(args.rounds):
            order = sources if n % 2 == 0 else sources[::-1]
            for i, src in enumerate(order):
                work = root / f"run-{n}-{i}"
                shutil.copytree(seeded, work)
                web = server(src, work, f"web-{n}-{i}")
                try:
                    wall = web.start(timeout=120)
                    cpu = web.cpu_seconds()
                finally:
                    web.stop()
                runs[str(src)].append((wall, cpu))
                print(json.dumps({"src": str(src), "wall_s": round(wall, 3), "cpu_s": cpu}))
        summary = {
            src: {
                "wall_s_median": round(statistics.median(w for w, _ in done), 3),
                "wall_s_min": round(min(w for w, _ in done), 3),
                "cpu_s_median": round(statistics.median(c for _, c in done), 3),
                "cpu_s_min": round(min(c for _, c in done), 3),
            }
            for src, done in runs.items()
        }
        print(json.dumps(summary, indent=2))
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
