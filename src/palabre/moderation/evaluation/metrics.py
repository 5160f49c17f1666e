"""Precision, recall and F1 per category, counted per source and overall."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass


@dataclass(slots=True)
class Counts:
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

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def support(self) -> int:
        return self.tp + self.fn


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
