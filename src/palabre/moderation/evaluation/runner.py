"""Runs the engine over a split of the labelled data and fills a metrics table."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from palabre.moderation.charter_engine import CharterEngine
from palabre.moderation.evaluation.datasets import TOXIC, examples
from palabre.moderation.evaluation.metrics import Table
from palabre.moderation.evaluation.splits import Split

TOXICITY = "toxicite"


def flagged(engine: CharterEngine, text: str) -> set[str]:
    """Categories whose score reaches the charter's hold threshold, plus `toxicite`."""
    verdict = engine.check(text)
    out: set[str] = {
        cat
        for cat, score in verdict.scores.items()
        if (t := engine.charter.thresholds.get(cat)) is not None and score >= t.hold
    }
    if out & set(TOXIC):
        out.add(TOXICITY)
    return out


def evaluate(
    engine: CharterEngine,
    data_dir: Path,
    split: Split = "dev",
    limit: int | None = None,
    tick: Callable[[], None] = lambda: None,
) -> Table:
    table = Table()
    for ex in examples(data_dir, split, limit):
        found = flagged(engine, ex.text)
        for category, gold in ex.labels.items():
            table.add(ex.source, category, gold, category in found)
        tick()
    return table
