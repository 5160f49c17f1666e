"""Precision, recall and F1 without scikit-learn (usable by the CLI at inference installs)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


class Rates:
    """Precision, recall and F1 from confusion counts; shared by the evaluation's mutable
    `Counts` and the training's frozen `Binary`."""

    tp: int
    fp: int
    fn: int
    tn: int

    @property
    def support(self) -> int:
        return self.tp + self.fn

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


@dataclass(frozen=True, slots=True)
class Binary(Rates):
    """Counts and scores of a binary decision against gold labels."""

    tp: int
    fp: int
    fn: int
    tn: int

    @property
    def negative_f1(self) -> float:
        """F1 of the negative class (for macro-F1)."""
        p = self.tn / (self.tn + self.fn) if self.tn + self.fn else 0.0
        r = self.tn / (self.tn + self.fp) if self.tn + self.fp else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def macro_f1(self) -> float:
        """Mean F1 of the positive and the negative class."""
        return (self.f1 + self.negative_f1) / 2

    @property
    def accuracy(self) -> float:
        total = self.tp + self.fp + self.fn + self.tn
        return (self.tp + self.tn) / total if total else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "macro_f1": round(self.macro_f1, 4),
            "support": self.support,
            "n": self.tp + self.fp + self.fn + self.tn,
        }


def binary(gold: Sequence[int], predicted: Sequence[int]) -> Binary:
    tp = fp = fn = tn = 0
    for g, p in zip(gold, predicted, strict=True):
        if g and p:
            tp += 1
        elif p:
            fp += 1
        elif g:
            fn += 1
        else:
            tn += 1
    return Binary(tp, fp, fn, tn)


def best_threshold(gold: Sequence[int], scores: Sequence[float], macro: bool) -> float:
    """The threshold (0.05…0.95, step 0.01) with the best F1 (or macro-F1) on these rows."""
    best, best_value = 0.5, -1.0
    for step in range(5, 96):
        threshold = step / 100
        result = binary(gold, [int(s >= threshold) for s in scores])
        value = result.macro_f1 if macro else result.f1
        if value > best_value + 1e-9:
            best, best_value = threshold, value
    return best
