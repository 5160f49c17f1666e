"""Memory, cold start and cost per request of palabre's web processes, with moderation in the
request (the one-process default) and in its own `palabre worker` processes
(`moderation_in_worker`), in one run on this machine; and the bare stack's limit.

Usage: .venv/bin/python bench/light_workers.py [--posts 40] [--reads 400]

Each server runs alone with one web process (`palabre serve`), on a fresh SQLite base seeded with
a 20-comment thread (bench/dataset.py). Measured, per configuration:

- cold start: process start → first 200 on the 20-comment thread;
- RSS of the web process after its warm-up and after the posts; RSS of the moderation worker;
- CPU per request, from /proc (the servers' own time, not the client's): GET of the thread with
  the read cache (the same URL again and again) and without it (a new thread key each time,
  so nothing is served from cache), and POST of a 60–90-character comment, web side and worker
  side; requests are sent one at a time over one keep-alive connection, so the figure is a
  cost, not a throughput;
- the time from a worker's start to its first decision (it loads the engine).

The bare stack (uvicorn + Starlette, one route returning the same bytes as palabre's thread)
is measured the same way: palabre's CPU per read is printed as a fraction of it.
Results: a table on stdout and bench/results/light-workers-latest.json."""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import quote

import seed
from dataset import EPOCH, Generator
from servers import Server, code_state, free_port, uvicorn_argv

BENCH = Path(__file__).resolve().parent
RESULTS = BENCH / "results"
T20 = "/2026/01/vingt-commentaires/"
OPENINGS = (
    "Merci pour cet article",
    "Je ne suis pas d'accord avec vous",
    "Article très clair",
    "Bonne analyse de la situation",
    "Je partage cet avis",
)
ENDINGS = (
    "sur ce sujet difficile.",
    "et bien documenté.",
    "malgré quelques raccourcis.",
    "qui mérite d'être lu.",
    "pour une fois.",
)


def seeded(work: Path) -> str:
    url = f"sqlite:///{work / 'palabre.sqlite3'}"
    gen = Generator(random.Random(8))
    gen.published_only = True
    seed.palabre_load(url, [T20], gen.thread(0, 20, EPOCH, timedelta(days=2)))
    return url


def palabre_env(work: Path, port: int, in_worker: bool) -> dict[str, str]:
    """The environment of a bench `palabre` process: its own SQLite base in `work`, no Redis,
    no access log, no rate limit or flood guard in the way of the measured requests."""
    return {
        "PALABRE_DATA_DIR": str(work),
        "PALABRE_DATABASE_URL": "",
        "PALABRE_SECRET_KEY": "bench-secret-not-for-production",
        "PALABRE_PUBLIC_URL": f"http://127.0.0.1:{port}",
        "PALABRE_HOST": "127.0.0.1",
        "PALABRE_PORT": str(port),
        "PALABRE_REDIS_URL": "",
        "PALABRE_ACCESS_LOG": "false",
        "PALABRE_MODERATION_IN_WORKER": "true" if in_worker else "false",
        "PALABRE_RATE_LIMIT_POSTS_IP": "1000000/minute",
        "PALABRE_RATE_LIMIT_POSTS_AUTHOR": "1000000/minute",
        "PALABRE_RATE_LIMIT_POSTS_THREAD": "1000000/minute",
        "PALABRE_FLOOD_MAX_POSTS": "0",
    }


def palabre(work: Path, name: str, in_worker: bool, *args: str) -> Server:
    port = free_port()
    env = palabre_env(work, port, in_worker)
    argv = [sys.executable, "-m", "palabre", *(args or ("serve",))]
    return Server(name, argv, env, port, f"/api/comments?thread={quote(T20)}", work / f"{name}.log")


def bare(work: Path, body: bytes) -> Server:
    port = free_port()
    (work / "bare.json").write_bytes(body)
    argv = uvicorn_argv("bare_factory:bare", port, "--no-access-log")
    return Server(
        "bare",
        argv,
        {"BENCH_BARE_BODY": str(work / "bare.json")},
        port,
        f"/api/comments?thread={quote(T20)}",
        work / "bare.log",
    )


def get(conn: http.client.HTTPConnection, path: str) -> bytes:
    conn.request("GET", path)
    res = conn.getresponse()
    body = res.read()
    assert res.status == 200, (res.status, body[:200])
    return body


def post(conn: http.client.HTTPConnection, i: int) -> dict[str, object]:
    text = f"{OPENINGS[i % 5]} {ENDINGS[(i // 5) % 5]} Avis numéro {i}."
    body = json.dumps({"thread": T20, "text": text, "email": f"lecteur{i}@example.org"})
    conn.request(
        "POST",
        "/api/comments",
        body,
        {"Content-Type": "application/json", "X-Forwarded-For": f"10.1.{i % 250}.7"},
    )
    res = conn.getresponse()
    data = res.read()
    assert res.status == 201, (res.status, data[:300])
    answer: dict[str, object] = json.loads(data)
    return answer


def cpu_per_request(server: Server, n: int, send: object) -> float:
    """Server CPU (ms) per request over `n` requests sent one at a time."""
    assert callable(send)
    server.settle(30)
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    before = server.cpu_seconds()
    for i in range(n):
        send(conn, i)
    conn.close()
    return round(1000 * (server.cpu_seconds() - before) / n, 2)


def reads(server: Server, n: int) -> dict[str, float]:
    path = f"/api/comments?thread={quote(T20)}"
    cached = cpu_per_request(server, n, lambda c, i: get(c, path))
    uncached = cpu_per_request(
        server, n, lambda c, i: get(c, f"{path}&limit={1 + i % 499}&order=oldest")
    )
    return {"get_cached_cpu_ms": cached, "get_uncached_cpu_ms": uncached}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=40)
    parser.add_argument("--reads", type=int, default=400)
    parser.add_argument("--work", type=Path, default=BENCH / ".data" / "light")
    args = parser.parse_args()
    report: dict[str, object] = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": " ".join(["bench/light_workers.py", *sys.argv[1:]]),
        "code": code_state(BENCH.parent),
    }
    for mode, in_worker in (("inline", False), ("worker", True)):
        work = args.work / mode
        subprocess.run(["rm", "-rf", str(work)], check=True)
        work.mkdir(parents=True)
        seeded(work)
        web = palabre(work, f"web-{mode}", in_worker)
        worker = palabre(work, f"worker-{mode}", in_worker, "worker", "--workers", "1")
        row: dict[str, object] = {}
        try:
            row["cold_start_s"] = round(web.start(timeout=180), 2)
            row["cold_start_cpu_s"] = round(web.cpu_seconds(), 2)
            conn = http.client.HTTPConnection("127.0.0.1", web.port, timeout=60)
            body = get(conn, f"/api/comments?thread={quote(T20)}")
            for i in range(3):  # warm-up: the first post loads the engine in inline mode
                post(conn, 10_000 + i)
            conn.close()
            row["web_rss_after_warm_up_mib"] = web.rss_mib()["largest_mib"]
            row.update(reads(web, args.reads))
            if in_worker:
                worker.process = subprocess.Popen(
                    worker.argv,
                    env={**os.environ, **worker.env},
                    stdout=worker.log.open("ab"),
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
                row["worker_first_decision_s"] = first_decision(web, worker)
            row["post_web_cpu_ms"] = cpu_per_request(web, args.posts, post)
            if in_worker:
                before = worker.cpu_seconds()
                wait_decided(work)
                worker.settle(60)
                row["post_worker_cpu_ms"] = round(
                    1000 * (worker.cpu_seconds() - before) / args.posts, 2
                )
                row["worker_rss_mib"] = worker.rss_mib()["total_mib"]
            row["web_rss_after_posts_mib"] = web.rss_mib()["largest_mib"]
        finally:
            web.stop()
            worker.stop()
        report[mode] = row
        print(mode, row, flush=True)
    limit = bare(args.work / "inline", body)
    try:
        limit.start()
        report["bare"] = {
            "cold_start_s": round(limit.cold_start_s, 2),
            "cold_start_cpu_s": round(limit.cpu_seconds(), 2),
            "rss_mib": limit.rss_mib()["largest_mib"],
            **{
                k.replace("get_cached", "get"): v
                for k, v in reads(limit, args.reads).items()
                if k == "get_cached_cpu_ms"
            },
        }
    finally:
        limit.stop()
    print("bare", report["bare"])
    show(report)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "light-workers-latest.json").write_text(
        json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )


def first_decision(web: Server, worker: Server) -> float:
    """Worker start → the decision on a comment posted just before, in seconds."""
    started = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", web.port, timeout=60)
    posted = post(conn, 20_000)
    comment = posted["comment"]
    assert isinstance(comment, dict)
    path = f"/api/comments/{comment['id']}/decision?token={posted['view_token']}"
    while json.loads(get(conn, path))["moderation"]["decision"] == "pending":
        assert time.perf_counter() - started < 300, "no decision from the worker"
        time.sleep(0.05)
    conn.close()
    return round(time.perf_counter() - started, 2)


def wait_decided(work: Path) -> None:
    """Until no comment is pending (the worker has decided on every post)."""
    import sqlite3

    deadline = time.perf_counter() + 300
    with sqlite3.connect(work / "palabre.sqlite3") as db:
        while db.execute("SELECT count(*) FROM comments WHERE status = 'pending'").fetchone()[0]:
            assert time.perf_counter() < deadline, "the worker left comments pending"
            time.sleep(0.2)


def show(report: dict[str, object]) -> None:
    inline, worker, limit = (report[k] for k in ("inline", "worker", "bare"))
    assert isinstance(inline, dict) and isinstance(worker, dict) and isinstance(limit, dict)
    print("\n| | en ligne (défaut) | processus de modération à part |")
    print("|---|---|---|")
    for key, label in (
        ("cold_start_s", "démarrage à froid → 1er 200 (s)"),
        ("cold_start_cpu_s", "… dont CPU du processus (s)"),
        ("web_rss_after_warm_up_mib", "RSS processus web après chauffe (Mio)"),
        ("web_rss_after_posts_mib", "RSS processus web après les POST (Mio)"),
        ("worker_rss_mib", "RSS processus de modération (Mio)"),
        ("worker_first_decision_s", "démarrage du worker → 1re décision (s)"),
        ("post_web_cpu_ms", "POST : CPU côté web (ms)"),
        ("post_worker_cpu_ms", "POST : CPU côté modération (ms)"),
        ("get_cached_cpu_ms", "GET fil de 20, cache : CPU (ms)"),
        ("get_uncached_cpu_ms", "GET fil de 20, sans cache : CPU (ms)"),
    ):
        print(f"| {label} | {inline.get(key, '—')} | {worker.get(key, '—')} |")
    b = float(limit["get_cpu_ms"])
    print(
        f"\nPile nue (uvicorn + Starlette, mêmes octets) : {b} ms CPU par GET, "
        f"RSS {limit['rss_mib']} Mio, démarrage {limit['cold_start_s']} s "
        f"({limit['cold_start_cpu_s']} s CPU)"
    )
    for key, label in (("get_cached_cpu_ms", "avec cache"), ("get_uncached_cpu_ms", "sans cache")):
        print(
            f"palabre {label} : {b / float(worker[key]):.0%} de la limite "
            f"({worker[key]} ms contre {b} ms)"
        )


if __name__ == "__main__":
    main()
