"""Explicit, seeded train/dev/test splits of the labelled data.

A row goes to `train` (70 %), `dev` (15 %) or `test` (15 %) by the SHA-256 of
`"{seed}:{source}:{source_id}"` read as a number in [0, 1). The seed (20261121) and the
fractions are the ones the learned model is trained with, so the engine is never measured on
rows the model was trained on. Tuning (thresholds, lexicons, rules) looks at `dev` only;
`test` is read once, for the published figures."""

from __future__ import annotations

import hashlib
from typing import Final, Literal

Split = Literal["train", "dev", "test"]
SPLITS: Final[tuple[Split, ...]] = ("train", "dev", "test")
SPLIT_SEED: Final = 20261121
SPLIT_FRACTIONS: Final = (0.70, 0.15, 0.15)


def position(source: str, source_id: str, seed: int = SPLIT_SEED) -> float:
    """A stable pseudo-random number in [0, 1) for one row."""
    digest = hashlib.sha256(f"{seed}:{source}:{source_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def split_of(source: str, source_id: str, seed: int = SPLIT_SEED) -> Split:
    """The split of one row; it never changes when other rows are added."""
    where = position(source, source_id, seed)
    if where < SPLIT_FRACTIONS[0]:
        return "train"
    if where < SPLIT_FRACTIONS[0] + SPLIT_FRACTIONS[1]:
        return "dev"
    return "test"
