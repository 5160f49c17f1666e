"""`decide()` is pure: every combination of scores, thresholds and failures."""

from __future__ import annotations

import itertools

import pytest

from palabre.moderation.charter import Charter, Clause, Threshold
from palabre.moderation.decision import ENGINE_CLAUSE, decide
from palabre.moderation.findings import DetectorFailure, Finding, Span

CHARTER = Charter(
    version="t1",
    name="test",
    clauses=(
        Clause("respect", "Pas d'insultes", ("insulte", "haine")),
        Clause("langue", "Bon français", ("orthographe",)),
        Clause("vieux", "Ancienne", ("spam",), retired=True),
    ),
    thresholds={
        "insulte": Threshold(0.4, 0.8),
        "haine": Threshold(0.5, 0.7),
        "orthographe": Threshold(0.5),
        "spam": Threshold(0.1, 0.2),
    },
)


def finding(category: str, score: float) -> Finding:
    return Finding(category, score, (Span(0, 3, "abc"),), "explication", "test")  # type: ignore[arg-type]


def test_nothing_found_publishes() -> None:
    result = decide([], [], CHARTER)
    assert result.action == "publish"
    assert result.reasons == ()


@pytest.mark.parametrize(
    ("score", "expected"),
    [
        (0.0, "publish"),
        (0.39, "publish"),
        (0.4, "hold"),
        (0.79, "hold"),
        (0.8, "reject"),
        (1.0, "reject"),
    ],
)
def test_thresholds_are_inclusive(score: float, expected: str) -> None:
    assert decide([finding("insulte", score)], [], CHARTER).action == expected


def test_no_reject_threshold_never_rejects() -> None:
    assert decide([finding("orthographe", 1.0)], [], CHARTER).action == "hold"


def test_category_outside_the_charter_is_ignored() -> None:
    assert decide([finding("violence", 1.0)], [], CHARTER).action == "publish"


def test_retired_clause_no_longer_applies() -> None:
    assert decide([finding("spam", 0.9)], [], CHARTER).action == "publish"


SCORES = (0.0, 0.45, 0.6, 0.75, 0.9)


@pytest.mark.parametrize(("a", "b"), list(itertools.product(SCORES, SCORES)))
def test_max_severity_wins(a: float, b: float) -> None:
    result = decide([finding("insulte", a), finding("haine", b)], [], CHARTER)
    alone = [
        decide([finding("insulte", a)], [], CHARTER).action,
        decide([finding("haine", b)], [], CHARTER).action,
    ]
    order = ["publish", "hold", "reject"]
    assert result.action == max(alone, key=order.index)
    assert len(result.reasons) == sum(1 for x in alone if x != "publish")


def test_reasons_cite_the_clause_and_evidence() -> None:
    (reason,) = decide([finding("haine", 0.9)], [], CHARTER).reasons
    assert (reason.clause, reason.clause_text) == ("respect", "Pas d'insultes")
    assert reason.category == "haine"
    assert reason.action == "reject"
    assert reason.spans == (Span(0, 3, "abc"),)
    assert reason.explanation == "explication"


def test_reasons_are_sorted_most_severe_first() -> None:
    reasons = decide(
        [finding("orthographe", 0.6), finding("haine", 0.95), finding("insulte", 0.5)], [], CHARTER
    ).reasons
    assert [r.action for r in reasons] == ["reject", "hold", "hold"]


def test_failure_holds_with_a_reason() -> None:
    failure = DetectorFailure("orthographe", "orthographe", "délai de 2 s dépassé")
    result = decide([], [failure], CHARTER)
    assert result.action == "hold"
    (reason,) = result.reasons
    assert reason.clause == "langue"
    assert "orthographe" in reason.explanation and "modérateur" in reason.explanation


def test_failure_of_uncovered_category_cites_the_engine() -> None:
    result = decide([], [DetectorFailure("x", "violence", "erreur")], CHARTER)
    assert result.action == "hold"
    assert result.reasons[0].clause == ENGINE_CLAUSE


def test_failure_does_not_lower_a_reject() -> None:
    failure = DetectorFailure("x", "insulte", "erreur")
    assert decide([finding("haine", 0.9)], [failure], CHARTER).action == "reject"


def test_decide_is_pure() -> None:
    findings = (finding("insulte", 0.5),)
    first = decide(findings, [], CHARTER)
    assert decide(findings, [], CHARTER) == first
