"""French functional test suites (counter-speech, negation, neutral mentions of groups,
obfuscation, reclaimed words, insults at ideas vs people): accuracy per family."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, cast

from palabre.moderation.detectors.learned import LearnedDetector
from palabre.moderation.findings import CheckContext

if TYPE_CHECKING:
    from palabre.moderation.charter import Charter


@dataclass(frozen=True, slots=True)
class CaseResult:
    family: str
    text: str
    expected: str
    got: str

    @property
    def ok(self) -> bool:
        return self.expected == self.got


def load_cases(path: Path) -> dict[str, list[dict[str, str]]]:
    families: dict[str, list[dict[str, str]]] = json.loads(path.read_text("utf-8"))["familles"]
    return families


def run_cases(path: Path, detector: LearnedDetector | None = None) -> list[CaseResult]:
    detector = detector or LearnedDetector()
    charter = cast("Charter", None)  # the learned detector does not read the charter
    results: list[CaseResult] = []
    for family, cases in load_cases(path).items():
        for case in cases:
            output = detector.detect(case["text"], CheckContext(), charter)
            got = "signale" if output.findings else "accepte"
            results.append(CaseResult(family, case["text"], case["attendu"], got))
    return results


def accuracy_by_family(results: list[CaseResult]) -> dict[str, float]:
    families = sorted({r.family for r in results})
    return {
        family: sum(r.ok for r in results if r.family == family)
        / sum(1 for r in results if r.family == family)
        for family in families
    }
