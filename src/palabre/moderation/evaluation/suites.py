"""palabre's own French functional suites (hate and threats), hand-written and templated by
the project (see `suites/README.md`). Each case has a family, the expected outcome
(`signale`: a harm clause must hold or reject it; `accepte`: it must be published) and a fixed
split: `train` cases may augment the learned model's training data, `test` cases are only
ever measured."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Final, Literal

SUITES: Final[tuple[str, ...]] = ("hate_fr", "threats_fr")
SuiteSplit = Literal["train", "test"]
CLEAN_LABELS: Final[dict[str, int]] = {
    "toxicite": 0,
    "haine": 0,
    "violence": 0,
    "insulte": 0,
    "grossierete": 0,
}


@dataclass(frozen=True, slots=True)
class SuiteCase:
    id: str
    suite: str
    family: str
    text: str
    expected: str  # "signale" | "accepte"
    category: str  # "haine" | "violence" | "aucune"
    split: str

    @property
    def harmful(self) -> bool:
        return self.expected == "signale"

    def labels(self) -> dict[str, int]:
        """Training labels: a flagged case is toxic and of its category; an accepted one is
        clean for every head."""
        if not self.harmful:
            return dict(CLEAN_LABELS)
        labels = {"toxicite": 1}
        if self.category in ("haine", "violence", "insulte", "grossierete"):
            labels[self.category] = 1
        return labels


@lru_cache(maxsize=len(SUITES))
def load_suite(name: str) -> tuple[SuiteCase, ...]:
    if name not in SUITES:
        raise ValueError(f"suite inconnue : {name}")
    ref = resources.files("palabre.moderation.evaluation").joinpath("suites", f"{name}.jsonl")
    cases: list[SuiteCase] = []
    for line in ref.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        raw = json.loads(line)
        cases.append(
            SuiteCase(
                str(raw["id"]),
                name,
                str(raw["family"]),
                str(raw["text"]),
                str(raw["expected"]),
                str(raw.get("category", "aucune")),
                str(raw["split"]),
            )
        )
    return tuple(cases)


def suite_cases(split: SuiteSplit, names: tuple[str, ...] = SUITES) -> Iterator[SuiteCase]:
    for name in names:
        yield from (case for case in load_suite(name) if case.split == split)
