"""Latency and throughput of the charter engine on realistic comments, on one core.

Usage: .venv/bin/python bench/engine_bench.py [--data ../shared/data] [--n 1000]

Texts: the demo seed comments plus up to N comments from the labelled data (all splits,
shuffled with a fixed seed). Each configuration is warmed up first (lazy loading of
lexicons, models, dictionaries), then every text is checked once per pass: p50/p99 latency
per comment, and throughput = comments / total time of the pass; the best of `--repeat`
passes is printed, since the machine may be shared. Warm-up texts are not measured, and the
complete engine is measured first, in a process where nothing else has warmed caches."""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import time
from pathlib import Path

from palabre.moderation.charter import default_charter
from palabre.moderation.charter_engine import CharterEngine
from palabre.moderation.detectors import default_detectors
from palabre.moderation.evaluation.datasets import all_texts, default_data_dir
from palabre.moderation.evaluation.golden import seed_comments

WARM_UP = 50


def texts(data_dir: Path, n: int) -> tuple[list[str], list[str]]:
    """(warm-up texts, measured texts): disjoint, so no per-text cache flatters a pass."""
    pool = all_texts(data_dir)
    random.Random(20261121).shuffle(pool)
    return pool[n : n + WARM_UP], list(seed_comments().values()) + pool[:n]


def measure(engine: CharterEngine, batch: list[str]) -> tuple[float, float, float, float]:
    """(p50 ms, p99 ms, max ms, comments/s) of one pass over `batch`."""
    latencies: list[float] = []
    started = time.perf_counter()
    for text in batch:
        t0 = time.perf_counter()
        engine.check(text)
        latencies.append((time.perf_counter() - t0) * 1000)
    total = time.perf_counter() - started
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    return statistics.median(latencies), p99, latencies[-1], len(batch) / total


def run(name: str, engine: CharterEngine, batch: tuple[list[str], list[str]], repeat: int) -> None:
    """Warm-up, then the best of `repeat` passes (the machine may be shared)."""
    warm, measured = batch
    for text in warm:
        engine.check(text)
    p50, p99, worst, rate = min(
        (measure(engine, measured) for _ in range(repeat)), key=lambda m: m[0] + m[1]
    )
    print(
        f"{name:<34} n={len(measured):5d}  p50 {p50:6.2f} ms  p99 {p99:7.2f} ms  "
        f"max {worst:7.1f} ms  débit {rate:7.1f} commentaires/s"
    )


LENGTHS = ((1, 60), (1, 30), (30, 60), (60, 100), (100, 150), (150, 300))


def by_length(pool: list[str], low: int, high: int, count: int = 100) -> list[str]:
    """Comments of `low`–`high` words, made by joining real comments of the data (few real
    comments in the data are that long; news-site comments often are)."""
    rng = random.Random(low * 1000 + high)
    out: list[str] = []
    while len(out) < count:
        parts: list[str] = []
        while sum(len(p.split()) for p in parts) < low:
            parts.append(rng.choice(pool))
        text = " ".join(parts)
        if len(text.split()) <= high:
            out.append(text)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description="Banc d'essai du moteur de charte.")
    parser.add_argument("--data", type=Path, default=default_data_dir())
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=1, help="passes; the best is kept")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    batch = texts(args.data, args.n)
    mean_len = statistics.mean(len(t) for t in batch[1])
    print(f"{len(batch[1])} commentaires, {mean_len:.0f} caractères en moyenne, un seul cœur")
    charter = default_charter()
    everything = default_detectors()
    core = default_detectors(include_optional=False)
    # The complete engine first, while no other configuration has warmed shared caches.
    run(
        f"moteur complet ({len(everything)} détecteurs)",
        CharterEngine(charter, everything),
        batch,
        args.repeat,
    )
    run(
        f"règles et lexiques ({len(core)} détecteurs)",
        CharterEngine(charter, core),
        batch,
        args.repeat,
    )
    core_names = {d.name for d in core}
    for det in everything:
        if det.name not in core_names:
            run(f"  + {det.name}", CharterEngine(charter, (*core, det)), batch, args.repeat)
    print("moteur complet, par longueur (commentaires assemblés à partir des données) :")
    engine = CharterEngine(charter, everything)
    pool = batch[1][16:]
    for low, high in LENGTHS:
        longer = by_length(pool, low, high)
        run(f"  {low}–{high} mots", engine, (longer[:10], longer[10:]), args.repeat)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"mémoire résidente maximale du processus : {peak:.0f} Mio")


if __name__ == "__main__":
    main()
