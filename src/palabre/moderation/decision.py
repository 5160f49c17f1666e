"""The policy, in one pure function: `decide(findings, failures, charter)`.

- A finding counts only if an active clause of the charter covers its category; its action is
  read from the category's thresholds (`publish` below `retenir`, `hold` from `retenir`,
  `reject` from `rejeter`).
- A detector that failed or ran out of time holds the comment: a human looks.
- The most severe action wins (reject > hold > publish). Every non-publish action gives a
  reason citing the clause (id and text), category, score, evidence and explanation."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from palabre.moderation.charter import Charter
from palabre.moderation.findings import DetectorFailure, Finding
from palabre.moderation.verdict import Action, Reason

SEVERITY: dict[Action, int] = {"publish": 0, "hold": 1, "reject": 2}
ENGINE_CLAUSE = "moteur"
ENGINE_CLAUSE_TEXT = (
    "Un commentaire que le moteur n'a pas pu examiner entièrement attend un modérateur"
)


@dataclass(frozen=True, slots=True)
class Decision:
    action: Action
    reasons: tuple[Reason, ...]


def _finding_reason(finding: Finding, charter: Charter) -> Reason | None:
    clause = charter.clause_for(finding.category)
    threshold = charter.thresholds.get(finding.category)
    if clause is None or threshold is None:
        return None
    action = threshold.action(finding.score)
    if action == "publish":
        return None
    return Reason(
        clause=clause.id,
        clause_text=clause.text,
        category=finding.category,
        action=action,
        score=finding.score,
        spans=finding.spans,
        explanation=finding.explanation,
    )


def _failure_reason(failure: DetectorFailure, charter: Charter) -> Reason:
    clause = charter.clause_for(failure.category)
    return Reason(
        clause=clause.id if clause else ENGINE_CLAUSE,
        clause_text=clause.text if clause else ENGINE_CLAUSE_TEXT,
        category=failure.category,
        action="hold",
        score=0.0,
        spans=(),
        explanation=(
            f"Le détecteur « {failure.detector} » n'a pas pu examiner le commentaire "
            f"({failure.explanation}) : un modérateur doit le lire."
        ),
    )


def decide(
    findings: Iterable[Finding], failures: Iterable[DetectorFailure], charter: Charter
) -> Decision:
    """The action for one comment and the reasons for it (empty when published)."""
    reasons = [r for f in findings if (r := _finding_reason(f, charter)) is not None]
    reasons.extend(_failure_reason(f, charter) for f in failures)
    reasons.sort(key=lambda r: (-SEVERITY[r.action], -r.score, r.category))
    action: Action = "publish"
    for reason in reasons:
        if SEVERITY[reason.action] > SEVERITY[action]:
            action = reason.action
    return Decision(action=action, reasons=tuple(reasons))
