"""Markdown tables from bench/results/*-latest.json, for docs/benchmarks.md and docs/deployment.md.

Usage: .venv/bin/python bench/report.py [--http FILE] [--large FILE]"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results"
SCENARIOS = {
    "thread_20": "GET fil de 20 commentaires",
    "thread_1000_page1": "GET fil de 1 000 commentaires, 1re page",
    "thread_1000_limit20": "GET fil de 1 000, Isso `limit=20`",
    "counts_50": "compteurs de 50 fils",
    "post": "POST nouveau commentaire",
}


def http_tables(report: dict[str, Any]) -> str:
    summary = report["summary"]
    lines = [
        "| Scénario | Serveur | req/s | p50 (ms) | p99 (ms) | CPU/req (ms) | seule (ms) |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for scenario, label in SCENARIOS.items():
        for name, m in summary.get(scenario, {}).items():
            raw = m.get("solo_ms", float("nan"))
            solo = "—" if raw != raw else f"{raw:.1f}"
            lines.append(
                f"| {label} | {name} | {m['rps']:.1f} | {m['p50_ms']:.1f} | "
                f"{m['p99_ms']:.1f} | {m['cpu_ms_per_request']:.2f} | {solo} |"
            )
    lines += [
        "",
        "| Scénario | req/s palabre ÷ Isso | p99 palabre ÷ Isso | CPU/req Isso ÷ palabre |",
        "| --- | ---: | ---: | ---: |",
    ]
    for scenario, label in SCENARIOS.items():
        by = summary.get(scenario, {})
        p, i = by.get("palabre"), by.get("isso")
        if p and i and i["rps"] and i["p99_ms"] and p["cpu_ms_per_request"]:  # 0: none served
            lines.append(
                f"| {label} | {p['rps'] / i['rps']:.1f}× | "
                f"{p['p99_ms'] / i['p99_ms']:.3f} | "
                f"{i['cpu_ms_per_request'] / p['cpu_ms_per_request']:.1f}× |"
            )
    mem = report["memory"]
    lines += [
        "",
        "| Serveur | RSS après chauffe (Mio) | RSS après charge (Mio) | processus | "
        "démarrage → 1er 200 (s) |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for name, m in mem.items():
        if "after_warm_up" not in m:  # a moderation worker (--moderation-workers)
            lines.append(f"| {name} | — | {m['after_load_mib']:.0f} | 1 | — |")
            continue
        lines.append(
            f"| {name} | {m['after_warm_up']['total_mib']:.0f} | "
            f"{m['after_load']['total_mib']:.0f} | {m['after_load']['processes']} | "
            f"{m['cold_start_s']:.2f} |"
        )
    return "\n".join(lines) + "\n"


def large_tables(report: dict[str, Any]) -> str:
    lines = [
        "| Cas | SQLite p50 | SQLite p99 | PostgreSQL p50 | PostgreSQL p99 |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    labels = {
        "big_thread_page1": "fil de 10 000, 1re page",
        "big_thread_deep_page": "fil de 10 000, page profonde (curseur)",
        "big_thread_oldest_page1": "fil de 10 000, 1re page, plus anciens d'abord",
        "ordinary_thread_page1": "fil ordinaire, 1re page",
        "counts_50": "compteurs de 50 fils",
    }
    for key, label in labels.items():
        cells = []
        for backend in ("sqlite", "postgresql"):
            m = report.get(backend, {}).get("http", {}).get(key)
            cells += [f"{m['p50_ms']:.1f}", f"{m['p99_ms']:.1f}"] if m else ["—", "—"]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--http", type=Path, default=RESULTS / "http-latest.json")
    parser.add_argument("--large", type=Path, default=RESULTS / "large-latest.json")
    args = parser.parse_args()
    if args.http.exists():
        print(http_tables(json.loads(args.http.read_text(encoding="utf-8"))))
    if args.large.exists():
        print(large_tables(json.loads(args.large.read_text(encoding="utf-8"))))


if __name__ == "__main__":
    main()
