"""CPU cost of the spelling pass alone (`SpellingDetector.check`: Grammalecte, the names,
accents and shouting heuristics, the suggestions), per comment length, on real text.

Usage: .venv/bin/python bench/spelling_bench.py [--data ../shared/data] [--per-bucket 60]

Texts: comments of the labelled data (toxifrench, ftr, mlma, …), shuffled with a fixed seed
and joined end to end, each real comment used once across the whole run, into comments of
30–60, 60–100, 100–150, 150–300 and 280–300 words. Each length bucket gets two figures:

- « jamais vus »: every sentence of every measured comment is new to the process (no real
  comment is reused, so no cache of any kind can answer): the cost of a fresh comment;
- « modifiés »: the same comments, each edited (a new real sentence inserted in the middle),
  checked after them: the sentences already seen come back, the new one does not (a comment
  corrected after the widget's check, a quotation of an earlier comment);
- « repris »: the same comments checked a second time, unchanged (a comment checked by the
  widget and then posted, or re-moderated).

The time is CPU time of this thread (`time.thread_time`), one core; the median (p50) and the
99th percentile (p99) per bucket. Warm-up texts (Grammalecte's first parse, the dictionary)
are not measured."""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time
from collections.abc import Iterator
from pathlib import Path

from palabre.moderation.detectors.spelling import SpellingDetector, quality_settings
from palabre.moderation.evaluation.datasets import all_texts, default_data_dir

BUCKETS = ((30, 60), (60, 100), (100, 150), (150, 300), (280, 300))
WARM_UP = 30


def real_comments(data_dir: Path) -> list[str]:
    unique = list(dict.fromkeys(all_texts(data_dir)))
    random.Random(20261207).shuffle(unique)
    return unique


def assembled(pool: Iterator[str], low: int, high: int, count: int) -> list[str]:
    """`count` comments of `low`–`high` words made of consecutive unused real comments."""
    out: list[str] = []
    parts: list[str] = []
    words = 0
    for text in pool:
        n = len(text.split())
        if words + n > high:
            if words >= low:
                out.append(" ".join(parts))
                if len(out) == count:
                    return out
            parts, words = [], 0
            if n > high:
                continue
        parts.append(text)
        words += n
    raise SystemExit(f"pas assez de commentaires pour {count} textes de {low}–{high} mots")


def edit(text: str, sentence: str) -> str:
    """`text` with `sentence` inserted after the sentence that ends nearest its middle."""
    ends = [i + 2 for i in range(len(text) - 1) if text[i] in ".!?" and text[i + 1] == " "]
    if not ends:
        return f"{text} {sentence}"
    cut = min(ends, key=lambda i: abs(i - len(text) // 2))
    return f"{text[:cut]}{sentence} {text[cut:]}"


def cpu_ms(detector: SpellingDetector, texts: list[str]) -> list[float]:
    settings = quality_settings()
    out: list[float] = []
    for text in texts:
        t0 = time.thread_time()
        detector.check(text, settings)
        out.append((time.thread_time() - t0) * 1000)
    return out


def summary(values: list[float]) -> str:
    ordered = sorted(values)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return f"p50 {statistics.median(ordered):6.2f} ms  p99 {p99:6.2f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description="Coût CPU de la passe d'orthographe seule.")
    parser.add_argument("--data", type=Path, default=default_data_dir())
    parser.add_argument("--per-bucket", type=int, default=60)
    parser.add_argument(
        "--warm-up",
        type=int,
        default=WARM_UP,
        help="textes de 30–100 mots vérifiés avant de mesurer (non mesurés)",
    )
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    pool = iter(real_comments(args.data))
    warm = assembled(pool, 30, 100, args.warm_up)
    buckets = {b: assembled(pool, *b, args.per_bucket) for b in BUCKETS}
    edited = {b: [edit(t, next(pool)) for t in texts] for b, texts in buckets.items()}
    detector = SpellingDetector()
    cpu_ms(detector, warm)
    first, changed, again = {}, {}, {}
    for bucket, texts in buckets.items():
        first[bucket] = cpu_ms(detector, texts)
        changed[bucket] = cpu_ms(detector, edited[bucket])
        again[bucket] = cpu_ms(detector, texts)
    print(f"passe d'orthographe seule, temps CPU, un cœur, {args.per_bucket} textes par tranche")
    for (low, high), texts in buckets.items():
        mean_words = statistics.mean(len(t.split()) for t in texts)
        print(
            f"  {low:3d}–{high:3d} mots (moy. {mean_words:3.0f})  jamais vus : "
            f"{summary(first[(low, high)])}   modifiés : {summary(changed[(low, high)])}   "
            f"repris : {summary(again[(low, high)])}"
        )


if __name__ == "__main__":
    main()
