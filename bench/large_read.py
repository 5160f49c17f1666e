"""Unloaded read latencies on the large database built by bench/generate.py, and the query plans.

Usage: .venv/bin/python bench/large_read.py [--backend sqlite|postgresql|both] [--requests 300]

For each backend: a real server (uvicorn, one process, the engine replaced by a no-op since
nothing is posted) answers one request at a time over a keep-alive connection, `--requests` times
per case, after 20 warm-up requests; p50/p99 are of those. Cases: page 1 of the 10,000-comment
thread, a deep page of it reached through the cursor (page 250 by default, found by following
next_cursor), page 1 of an ordinary thread, counts for 50 threads. The same cases are also timed
in-process on the query layer alone (`comments.queries`), without HTTP and JSON.

Then the SQL of each case is captured (SQLAlchemy `before_cursor_execute`) and explained
(SQLite: EXPLAIN QUERY PLAN; PostgreSQL: EXPLAIN (ANALYZE, BUFFERS)), and the indexes used
are checked. Results: bench/results/large-<UTC stamp>.json and large-latest.json."""

from __future__ import annotations

import argparse
import http.client
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from servers import Server, code_state, free_port, uvicorn_argv
from sqlalchemy import event

from palabre.comments.queries import counts, thread_page
from palabre.storage.db import Database

BENCH = Path(__file__).resolve().parent
LARGE = BENCH / ".data" / "large"
RESULTS = BENCH / "results"
EXPECTED_INDEXES = ("ix_comments_thread_root_page", "ix_comments_root", "ix_comments_thread_roots")
# The index proposed for migration 0005 (--proposed-index adds it for the run, then drops it).
PROPOSED_INDEX = (
    "CREATE INDEX IF NOT EXISTS ix_comments_thread_roots "
    "ON comments (thread_id, created_at, id) WHERE parent_id IS NULL"
)


def percentiles(samples_ms: list[float]) -> dict[str, float]:
    cuts = statistics.quantiles(samples_ms, n=100)
    return {
        "n": len(samples_ms),
        "p50_ms": round(cuts[49], 2),
        "p99_ms": round(cuts[98], 2),
        "max_ms": round(max(samples_ms), 2),
    }


def http_cases(info: dict[str, Any], cursor: str) -> dict[str, str]:
    big = quote(info["big_thread"])
    ordinary = quote(info["count_threads"][0])
    threads = "&".join(f"thread={quote(k)}" for k in info["count_threads"])
    return {
        "big_thread_page1": f"/api/comments?thread={big}",
        "big_thread_deep_page": f"/api/comments?thread={big}&cursor={quote(cursor)}",
        "big_thread_oldest_page1": f"/api/comments?thread={big}&order=oldest",
        "ordinary_thread_page1": f"/api/comments?thread={ordinary}",
        "counts_50": f"/api/counts?{threads}",
    }


def time_http(base: str, paths: dict[str, str], n: int) -> dict[str, dict[str, float]]:
    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    out = {}
    for name, path in paths.items():
        samples = []
        for i in range(n + 20):
            started = time.perf_counter()
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            assert response.status == 200, (name, response.status)
            if i >= 20:
                samples.append((time.perf_counter() - started) * 1000)
        out[name] = percentiles(samples)
    conn.close()
    return out


def deep_cursor(base: str, thread: str, pages: int) -> tuple[str, int]:
    """Follow next_cursor `pages` times (bounded); returns the cursor and the page reached."""
    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    cursor, reached = "", 1
    for _ in range(pages - 1):
        path = f"/api/comments?thread={quote(thread)}" + (
            f"&cursor={quote(cursor)}" if cursor else ""
        )
        conn.request("GET", path)
        body = json.loads(conn.getresponse().read())
        if not body["next_cursor"]:
            break
        cursor, reached = body["next_cursor"], reached + 1
    conn.close()
    return cursor, reached


def query_layer(db: Database, info: dict[str, Any], cursor: str, n: int) -> dict[str, Any]:
    cases: dict[str, Callable[[Any], object]] = {
        "big_thread_page1": lambda s: thread_page(
            s, "default", info["big_thread"], "newest", 20, None
        ),
        "big_thread_deep_page": lambda s: thread_page(
            s, "default", info["big_thread"], "newest", 20, cursor
        ),
        "counts_50": lambda s: counts(s, "default", info["count_threads"]),
    }
    timings, plans = {}, {}
    for name, case in cases.items():
        samples = []
        for i in range(n + 20):
            started = time.perf_counter()
            with db.session() as session:
                case(session)
            if i >= 20:
                samples.append((time.perf_counter() - started) * 1000)
        timings[name] = percentiles(samples)
        plans[name] = explain(db, lambda s, c=case: c(s))
    return {"timings": timings, "plans": plans}


def explain(db: Database, run: Callable[[Any], object]) -> list[dict[str, Any]]:
    captured: list[tuple[str, Any]] = []

    def grab(
        _conn: Any, _cursor: Any, statement: str, parameters: Any, _ctx: Any, _many: bool
    ) -> None:
        captured.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", grab)
    try:
        with db.session() as session:
            run(session)
    finally:
        event.remove(db.engine, "before_cursor_execute", grab)
    prefix = (
        "EXPLAIN QUERY PLAN "
        if db.backend == "sqlite"
        else "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) "
    )
    out = []
    with db.engine.connect() as conn:
        for statement, parameters in captured:
            if not statement.lstrip().upper().startswith(("SELECT", "WITH")):
                continue
            rows = conn.exec_driver_sql(prefix + statement, parameters).all()
            plan = [" ".join(str(c) for c in row[-1:]) for row in rows]
            out.append(
                {
                    "sql": " ".join(statement.split()),
                    "plan": plan,
                    "indexes": [ix for ix in EXPECTED_INDEXES if any(ix in p for p in plan)],
                }
            )
    return out


def run_backend(
    backend: str, url: str, info: dict[str, Any], args: argparse.Namespace
) -> dict[str, Any]:
    db = Database(url)
    if args.proposed_index:
        with db.engine.begin() as conn:
            conn.exec_driver_sql(PROPOSED_INDEX)
            conn.exec_driver_sql("ANALYZE comments" if backend == "postgresql" else "ANALYZE")
    try:
        return _measure_backend(db, backend, url, info, args)
    finally:
        if args.proposed_index:
            with db.engine.begin() as conn:
                conn.exec_driver_sql("DROP INDEX IF EXISTS ix_comments_thread_roots")
        db.dispose()


def _measure_backend(
    db: Database, backend: str, url: str, info: dict[str, Any], args: argparse.Namespace
) -> dict[str, Any]:
    work = Path(tempfile.mkdtemp(prefix="palabre-large-"))
    port = free_port()
    server = Server(
        f"palabre-{backend}",
        uvicorn_argv(
            "palabre_factories:without_moderation",
            port,
            "--no-access-log",
            program=str(BENCH.parent / ".venv" / "bin" / "uvicorn"),
        ),
        {
            "PALABRE_DATABASE_URL": url,
            "PALABRE_DATA_DIR": str(work),
            "PALABRE_SECRET_KEY": "bench-secret-not-for-production",
            "PALABRE_REDIS_URL": "",
            # Each case repeats one request: measure its SQL, not the read cache's replay.
            "PALABRE_READ_CACHE_ENTRIES": "0",
        },
        port,
        "/api/health",
        work / "server.log",
    )
    try:
        server.start()
        cursor, page = deep_cursor(server.base, info["big_thread"], args.deep_page)
        http = time_http(server.base, http_cases(info, cursor), args.requests)
    finally:
        server.stop()
    layer = query_layer(db, info, cursor, args.requests)
    return {"url": url.split("@")[-1], "deep_page": page, "http": http, **layer}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--deep-page", type=int, default=250)
    parser.add_argument(
        "--proposed-index",
        action="store_true",
        help="Add the index proposed for migration 0005 for this run only.",
    )
    args = parser.parse_args()
    args.requests = min(args.requests, 5000)
    info = json.loads((LARGE / "manifest.json").read_text(encoding="utf-8"))
    report: dict[str, Any] = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": " ".join([".venv/bin/python", "bench/large_read.py", *sys.argv[1:]]),
        "data": {k: info[k] for k in ("threads", "comments", "sizes")},
        "proposed_index": PROPOSED_INDEX if args.proposed_index else None,
        "code": code_state(BENCH.parent),
    }
    for backend in ("sqlite", "postgresql"):
        if args.backend not in (backend, "both") or f"{backend}_url" not in info:
            continue
        result = run_backend(backend, info[f"{backend}_url"], info, args)
        report[backend] = result
        print(
            f"\n== {backend} ({info['comments']} commentaires, page profonde = {result['deep_page']})"
        )
        print(f"{'cas':28s} {'HTTP p50':>9s} {'HTTP p99':>9s} {'requêtes p50':>13s} {'p99':>7s}")
        for name, m in result["http"].items():
            q = result["timings"].get(name, {})
            print(
                f"{name:28s} {m['p50_ms']:8.2f}  {m['p99_ms']:8.2f}  "
                f"{q.get('p50_ms', float('nan')):12.2f} {q.get('p99_ms', float('nan')):7.2f}"
            )
        for name, plans in result["plans"].items():
            print(f"\n-- EXPLAIN {name}")
            for item in plans:
                print(f"   {item['sql'][:160]}")
                for line in item["plan"]:
                    print(f"      {line}")
    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    name = "large-index" if args.proposed_index else "large"
    for path in (RESULTS / f"{name}-{stamp}.json", RESULTS / f"{name}-latest.json"):
        path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nRésultats : {RESULTS / f'{name}-{stamp}.json'}")


if __name__ == "__main__":
    main()
