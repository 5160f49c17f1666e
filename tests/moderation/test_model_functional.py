"""French functional suites for the learned model: no family below 50 % accuracy."""

from __future__ import annotations

from pathlib import Path

import pytest

from palabre.training.functional import accuracy_by_family, load_cases, run_cases

CASES = Path(__file__).parent / "functional" / "cas_fonctionnels.json"
FLOOR = 0.5


def test_each_family_has_enough_cases_of_both_kinds() -> None:
    for family, cases in load_cases(CASES).items():
        assert 15 <= len(cases) <= 30, family
        assert {case["attendu"] for case in cases} == {"accepte", "signale"}, family


@pytest.mark.parametrize("family", sorted(load_cases(CASES)))
def test_no_family_below_half(family: str) -> None:
    results = [r for r in run_cases(CASES) if r.family == family]
    accuracy = accuracy_by_family(results)[family]
    failures = "\n".join(f"  attendu {r.expected} : {r.text}" for r in results if not r.ok)
    assert accuracy >= FLOOR, f"{family} : {accuracy:.0%} < {FLOOR:.0%}\n{failures}"
