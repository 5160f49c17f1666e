"""Build a large palabre database (1 million comments by default) for the read benchmarks.

Usage: .venv/bin/python bench/generate.py [--comments 1000000] [--backend sqlite|postgresql|both]
                                          [--no-audit] [--seed 8]

Thread sizes follow a long tail: most articles get 0–50 comments, a few hundreds, and a handful
are very large (one of exactly 10,000 comments, the benchmark's target, and others from 1,000 to
20,000). About 30 % of comments are replies; ~89 % published, the rest held, rejected or deleted
(bench/dataset.py). Every comment has its decision and audit rows unless --no-audit.

SQLite: bench/.data/large/palabre-1m.sqlite3 (executemany, ~1 GB with decisions and audit);
PostgreSQL: database `palabre_bench_1m` on 127.0.0.1 (COPY). The list of threads the read
benchmark uses is saved in bench/.data/large/manifest.json."""

from __future__ import annotations

import argparse
import json
import random
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import seed
from dataset import EPOCH, Generator, Row, long_tail_size

BENCH = Path(__file__).resolve().parent
LARGE = BENCH / ".data" / "large"
PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
PG_NAME = "palabre_bench_1m"
BIG = "/grand-debat/dix-mille/"
# The few very large threads (besides BIG, 10,000): 1,000 to 20,000 comments.
HUGE_SIZES = (20_000, 6_000, 3_000, 3_000, 2_000, 2_000, 1_500, 1_000, 1_000, 1_000)


def plan(total: int, rng: random.Random) -> list[tuple[str, int]]:
    """(thread key, size) in creation order; sizes add up to `total`."""
    sizes: list[tuple[str, int]] = [(BIG, 10_000)]
    sizes += [(f"/grand-debat/{i:02d}/", n) for i, n in enumerate(HUGE_SIZES)]
    left = total - sum(n for _, n in sizes)
    i = 0
    while left > 0:
        n = min(long_tail_size(rng), left)
        sizes.append((f"/{2024 + i % 3}/article-{i:06d}/", n))
        left -= n
        i += 1
    rng.shuffle(sizes)  # big threads are spread over time, not all first
    return sizes


def rows(sizes: list[tuple[str, int]], seed_value: int) -> Iterator[Row]:
    gen = Generator(random.Random(seed_value))
    step = timedelta(days=730) / max(len(sizes), 1)
    for index, (_key, n) in enumerate(sizes):
        span = timedelta(days=3) if n < 5000 else timedelta(days=20)
        yield from gen.thread(index, n, EPOCH - timedelta(days=730) + step * index, span)


def manifest(sizes: list[tuple[str, int]], rng: random.Random) -> dict[str, object]:
    ordinary = [k for k, n in sizes if 0 < n <= 50]
    counts = rng.sample(ordinary, 45) + [k for k, n in sizes if n >= 2000][:5]
    return {
        "big_thread": BIG,
        "big_size": 10_000,
        "count_threads": counts,
        "threads": len(sizes),
        "comments": sum(n for _, n in sizes),
        "sizes": {
            "0": sum(1 for _, n in sizes if n == 0),
            "1-50": sum(1 for _, n in sizes if 0 < n <= 50),
            "51-999": sum(1 for _, n in sizes if 50 < n < 1000),
            "1000+": sum(1 for _, n in sizes if n >= 1000),
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=1_000_000)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--no-audit", action="store_true", help="Comments only.")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--pg-admin-url", default=PG_ADMIN)
    args = parser.parse_args()
    sizes = plan(args.comments, random.Random(args.seed))
    keys = [k for k, _ in sizes]
    LARGE.mkdir(parents=True, exist_ok=True)
    info = manifest(sizes, random.Random(args.seed + 1))
    info["audit"] = not args.no_audit
    targets: dict[str, str] = {}
    if args.backend in ("sqlite", "both"):
        path = LARGE / "palabre-1m.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        targets["sqlite"] = f"sqlite:///{path}"
    if args.backend in ("postgresql", "both"):
        targets["postgresql"] = seed.drop_postgres_database(args.pg_admin_url, PG_NAME)
    for backend, url in targets.items():
        started = time.perf_counter()
        timing = seed.palabre_load(url, keys, rows(sizes, args.seed), audit=not args.no_audit)
        info[f"{backend}_url"] = url
        info[f"{backend}_build_s"] = round(time.perf_counter() - started, 1)
        info[f"{backend}_timing"] = {k: round(v, 1) for k, v in timing.items()}
        if backend == "sqlite":
            info["sqlite_bytes"] = sum(
                Path(f"{path}{s}").stat().st_size
                for s in ("", "-wal")
                if Path(f"{path}{s}").exists()
            )
        print(
            f"{backend}: {timing['comments']:.0f} commentaires en {info[f'{backend}_build_s']} s",
            flush=True,
        )
    (LARGE / "manifest.json").write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in info.items() if k != "count_threads"}, indent=2))


if __name__ == "__main__":
    main()
