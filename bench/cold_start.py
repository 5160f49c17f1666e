"""Cold start and read cost of one web process (`palabre serve`, `moderation_in_worker`, no
engine), for several versions of the code, interleaved: process start → first 200 on the
20-comment thread (wall time, and the process's CPU from /proc in 10 ms ticks), then the
server's CPU per GET of that thread over HTTP, uncached (a distinct `limit` each time, as in
bench/light_workers.py) and cached (the same URL), one request at a time on one keep-alive
connection; and in each round the bare stack's CPU per GET of the same bytes (the limit,
bench/bare_factory.py). Same base as bench/light_workers.py.

Usage: .venv/bin/python bench/cold_start.py SRC [SRC ...] [--rounds 7] [--reads 2000]

Each SRC is a `src` folder (e.g. main's from `git archive main | tar -x -C /tmp/base`, then
`/tmp/base/src`); in each round every SRC starts once, in an order that alternates from round to
round, on a fresh copy of one seeded SQLite base, so that the load of a shared machine falls on
all of them alike. Bytecode is compiled beforehand (as an installed package has it). Prints one
JSON line per run and a summary (median and minimum per SRC)."""

from __future__ import annotations

import argparse
import compileall
import http.client
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
from light_workers import cpu_per_request, get, palabre_env
from servers import Server, free_port, uvicorn_argv

T20 = "/2026/01/vingt-commentaires/"


def server(src: Path, work: Path, name: str) -> Server:
    port = free_port()
    env = {"PYTHONPATH": str(src), **palabre_env(work, port, in_worker=True)}
    argv = [sys.executable, "-m", "palabre", "serve"]
    return Server(name, argv, env, port, f"/api/comments?thread={quote(T20)}", work / "web.log")


def reads(server: Server, n: int) -> dict[str, float]:
    """As light_workers.reads, with an unused parameter that keeps every uncached URL distinct
    however many there are (`limit` alone repeats after 499)."""
    path = f"/api/comments?thread={quote(T20)}"
    cached = cpu_per_request(server, n, lambda c, i: get(c, path))
    uncached = cpu_per_request(
        server, n, lambda c, i: get(c, f"{path}&limit={1 + i % 499}&order=oldest&n={i}")
    )
    return {"get_cached_cpu_ms": cached, "get_uncached_cpu_ms": uncached}


def get_once(web: Server) -> bytes:
    conn = http.client.HTTPConnection("127.0.0.1", web.port, timeout=60)
    try:
        return get(conn, f"/api/comments?thread={quote(T20)}")
    finally:
        conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("src", nargs="+", type=Path)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--reads", type=int, default=2000, help="GETs per measure (0: none)")
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
        runs: dict[str, list[dict[str, float]]] = {str(src): [] for src in [*sources, "bare"]}
        body = b""
        for n in range(args.rounds):
            order = sources if n % 2 == 0 else sources[::-1]
            for i, src in enumerate(order):
                work = root / f"run-{n}-{i}"
                shutil.copytree(seeded, work)
                web = server(src, work, f"web-{n}-{i}")
                try:
                    run = {"wall_s": web.start(timeout=120), "cpu_s": web.cpu_seconds()}
                    if args.reads:
                        body = get_once(web)
                        run.update(reads(web, args.reads))
                finally:
                    web.stop()
                runs[str(src)].append(run)
                print(json.dumps({"src": str(src), **run}), flush=True)
            if args.reads:
                (root / "bare.json").write_bytes(body)
                port = free_port()
                argv = uvicorn_argv("bare_factory:bare", port, "--no-access-log")
                env = {"BENCH_BARE_BODY": str(root / "bare.json")}
                ready = f"/api/comments?thread={quote(T20)}"
                limit = Server("bare", argv, env, port, ready, root / "bare.log")
                try:
                    limit.start(timeout=60)
                    run = {"get_cached_cpu_ms": reads(limit, args.reads)["get_cached_cpu_ms"]}
                finally:
                    limit.stop()
                runs["bare"].append(run)
                print(json.dumps({"src": "bare", **run}), flush=True)
        summary = {
            src: {
                f"{key}_{how}": round(pick(value[key] for value in done), 3)
                for key in done[0]
                for how, pick in (("median", statistics.median), ("min", min))
            }
            for src, done in runs.items()
            if done
        }
        print(json.dumps(summary, indent=2))
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
