"""Writes the engine's full verdicts (decision, reasons, evidence, scores, corrections) for a
fixed set of ~400 varied comments, one JSON line each, so that two versions of the code can be
compared line for line: a speed change must not change a single verdict.

    PYTHONHASHSEED=0 PYTHONPATH=<tree>/src .venv/bin/python eval/engine_identity.py \
        --data ../shared/data --out /tmp/verdicts-<tree>.jsonl [--deterministic]
    cmp /tmp/verdicts-before.jsonl /tmp/verdicts-after.jsonl

`PYTHONHASHSEED=0`: the order of some of Grammalecte's suggestions (a conjugation's forms)
follows Python's string hashing, which changes from one process to the next unless fixed.

The engine is built as `palabre check` builds it (`default_engine()`). Texts: the demo seeds,
the hand-written spelling cases of the tests, comments of every data set (short and long),
comments of 100–300 words joined from real ones, the same comments edited (one sentence
changed, then checked again), and repeats. `--deterministic` gives the spelling detector an
unbounded suggestion budget (by default suggestions stop after 2 ms per comment, so a loaded
machine can list fewer of them); the verdicts are otherwise those of the default engine."""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from pathlib import Path

from palabre.moderation.charter_engine import default_engine
from palabre.moderation.evaluation.datasets import SOURCES, default_data_dir
from palabre.moderation.evaluation.golden import seed_comments

ROOT = Path(__file__).resolve().parents[1]
PER_SOURCE = 30


def _rows(data_dir: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for source in SOURCES:
        path = data_dir / source.path
        if path.is_file():
            with path.open(encoding="utf-8", newline="") as handle:
                out[source.name] = [r["text"] for r in csv.DictReader(handle) if r.get("text")]
    return out


def _spelling_cases() -> list[str]:
    sys.path.insert(0, str(ROOT / "tests"))
    try:
        import spelling_cases
    except ImportError:
        return []
    texts = [v for v in vars(spelling_cases).values() if isinstance(v, str) and " " in v]
    for value in vars(spelling_cases).values():
        if isinstance(value, tuple):
            texts.extend(
                x
                for item in value
                for x in (item if isinstance(item, tuple) else (item,))
                if isinstance(x, str) and " " in x
            )
    return texts


def corpus(data_dir: Path) -> list[str]:
    rng = random.Random(20261207)
    texts: list[str] = list(seed_comments().values())
    texts.extend(_spelling_cases())
    rows = _rows(data_dir)
    pool: list[str] = []
    for name in sorted(rows):
        items = rows[name][:]
        rng.shuffle(items)
        short = [t for t in items if len(t.split()) < 25][: PER_SOURCE // 2]
        long = [t for t in items if len(t.split()) >= 25][: PER_SOURCE // 2]
        texts.extend(short + long)
        pool.extend(items[PER_SOURCE : PER_SOURCE + 200])
    rng.shuffle(pool)
    joined: list[str] = []
    for target in (100, 150, 200, 300, 300, 300):
        for _ in range(5):
            parts: list[str] = []
            while sum(len(p.split()) for p in parts) < target:
                parts.append(pool.pop())
            joined.append((" " if rng.random() < 0.7 else "\n").join(parts))
    texts.extend(joined)
    # edits: a comment checked, then one sentence changed (the widget, then the posted text)
    for text in joined[::3]:
        cut = text.find(". ")
        texts.append(text[: cut + 2] + "Ca ne change rien a l'afaire. " + text[cut + 2 :])
        texts.append(text.replace("é", "e", 3))
    texts.extend(
        [
            "Bonjour",
            "BONJOUR À TOUS, JE SUIS TRÈS EN COLÈRE CONTRE CETTE DÉCISION !!!",
            "Je vais te retrouver et te faire la peau, sale type.",
            "Les migrants sont tous des voleurs, il faut les renvoyer chez eux.",
            "Achetez maintenant http://promo.example.com/offre !!! Gagnez 1000€",
            "This is an English comment, not a French one at all, sorry.",
            "a ete explique par le ministre hier soir a la tele",
        ]
    )
    texts.extend(texts[:20])  # repeats: caches must answer exactly as a fresh check
    return [t for t in texts if t.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_data_dir())
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--deterministic", action="store_true")
    args = parser.parse_args()
    engine = default_engine()
    engine.first_budget_s = engine.budget_s = engine.total_budget_s = 600.0
    if args.deterministic:
        for detector in engine.detectors:
            if detector.name == "orthographe":
                detector._budget = 1e9  # type: ignore[attr-defined]
    texts = corpus(args.data)
    with args.out.open("w", encoding="utf-8") as out:
        for text in texts:
            verdict = engine.check(text).as_dict()
            out.write(json.dumps({"text": text, "verdict": verdict}, ensure_ascii=False) + "\n")
    print(f"{len(texts)} verdicts → {args.out}")


if __name__ == "__main__":
    main()
