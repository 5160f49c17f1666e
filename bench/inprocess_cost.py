"""CPU per request of palabre's ASGI app called directly (no server, no socket): finer than
bench/light_workers.py, whose CPU figures come from /proc in 10 ms ticks.

Usage: PYTHONPATH=SRC .venv/bin/python bench/inprocess_cost.py [--rounds 7] [--posts 0]

SRC is the `src` folder of the code to measure (this script only drives it), e.g. main's from
`git archive main | tar -x -C /tmp/base`. Same base as light_workers.py (a 20-comment thread,
SQLite, `moderation_in_worker`), same uncached URLs (`limit` varies, and a distinct unused
parameter makes every one a cache miss). Prints one JSON line: the median and the minimum over
the rounds of `time.process_time` per request (ms) for the uncached and the cached GET, and
with `--posts N` the POST, by quarter of the posts (12 ms apart, as over HTTP; the CPU of
the whole quarter, pauses included)."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

import seed
from dataset import EPOCH, Generator
from light_workers import T20, palabre_env


def seed_in_process(work: Path) -> None:
    """The bench's 20-comment thread in a SQLite base in `work`, and this process's environment
    set as a bench `palabre` process's (light_workers.palabre_env: moderation in the workers,
    quotas lifted)."""
    url = f"sqlite:///{work / 'palabre.sqlite3'}"
    gen = Generator(random.Random(8))
    gen.published_only = True
    seed.palabre_load(url, [T20], gen.thread(0, 20, EPOCH, timedelta(days=2)))
    os.environ.update(palabre_env(work, 9, in_worker=True))


def app_on(work: Path) -> Any:
    seed_in_process(work)
    from palabre.web.asgi import build

    return build()


def caller(app: Any) -> Callable[..., Awaitable[int]]:
    async def call(method: str, path: str, body: bytes = b"", *headers: tuple[bytes, bytes]) -> int:
        p, _, q = path.partition("?")
        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": method,
            "scheme": "http",
            "path": p,
            "raw_path": p.encode(),
            "query_string": q.encode(),
            "root_path": "",
            "headers": [
                (b"host", b"127.0.0.1:9"),
                *headers,
                (b"content-length", str(len(body)).encode()),
            ],
            "client": ("10.1.1.7", 5000),
            "server": ("127.0.0.1", 9),
        }
        sent = False
        status = 0

        async def receive() -> dict[str, Any]:
            nonlocal sent
            if sent:
                await asyncio.sleep(3600)
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        async def send(message: dict[str, Any]) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]

        await app(scope, receive, send)
        return status

    return call


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--posts", type=int, default=0)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="palabre-inprocess-"))
    try:
        report = measure(caller(app_on(work)), args.rounds, args.posts)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    import palabre

    report["code"] = str(Path(palabre.__file__).parent)
    print(json.dumps(report))


def measure(call: Callable[..., Awaitable[int]], rounds: int, posts: int) -> dict[str, object]:
    loop = asyncio.new_event_loop()
    path = f"/api/comments?thread={quote(T20)}"
    seen = [0]

    async def uncached(k: int) -> None:
        for _ in range(k):
            seen[0] += 1
            i = seen[0]
            assert await call("GET", f"{path}&limit={1 + i % 499}&order=oldest&n={i}") == 200

    async def cached(k: int) -> None:
        for _ in range(k):
            assert await call("GET", path) == 200

    def per_request(run: Callable[[int], Awaitable[None]], k: int) -> list[float]:
        loop.run_until_complete(run(50))
        out = []
        for _ in range(rounds):
            t = time.process_time()
            loop.run_until_complete(run(k))
            out.append((time.process_time() - t) / k * 1000)
        return out

    report: dict[str, object] = {}
    for name, run, k in (("get_uncached", uncached, 500), ("get_cached", cached, 2000)):
        times = per_request(run, k)
        report[f"{name}_ms_median"] = round(statistics.median(times), 4)
        report[f"{name}_ms_min"] = round(min(times), 4)
    if posts:
        report["post_ms_by_quarter"] = post_quarters(loop, call, posts)
    return report


def post_quarters(
    loop: asyncio.AbstractEventLoop, call: Callable[..., Awaitable[int]], posts: int
) -> list[float]:
    async def post(i: int) -> None:
        text = f"Merci pour cet article et bien documenté. Avis numéro {i}."
        body = json.dumps({"thread": T20, "text": text, "email": f"lecteur{i}@example.org"})
        content_type = (b"content-type", b"application/json")
        assert await call("POST", "/api/comments", body.encode(), content_type) == 201

    quarter = max(1, posts // 4)
    out = []
    for part in range(4):
        # The whole quarter, pauses included: work a library does in a thread of its own
        # between requests (limits' memory storage did) is the process's CPU too.
        t = time.process_time()
        for i in range(quarter):
            loop.run_until_complete(post(part * quarter + i))
            time.sleep(0.012)
        out.append(round((time.process_time() - t) / quarter * 1000, 3))
    return out


if __name__ == "__main__":
    main()
