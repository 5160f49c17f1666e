"""Precision, recall and F1 per category, counted per source and overall."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from palabre.moderation.metrics import Rates


@dataclass(slots=True)
class Counts(Rates):
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, gold: int, predicted: bool) -> None:
        if gold and predicted:
            self.tp += 1
        elif gold:
            self.fn += 1
        elif predicted:
            self.fp += 1
        else:
            self.tn += 1


class Table:
    """Counts keyed by (source, category); source "*" is the total."""

    def __init__(self) -> None:
        self.counts: dict[tuple[str, str], Counts] = defaultdict(Counts)

    def add(self, source: str, category: str, gold: int, predicted: bool) -> None:
        self.counts[(source, category)].add(gold, predicted)
        self.counts[("*", category)].add(gold, predicted)

    def categories(self) -> list[str]:
        return sorted({c for _, c in self.counts})

    def sources(self) -> list[str]:
        return [*sorted({s for s, _ in self.counts if s != "*"}), "*"]
