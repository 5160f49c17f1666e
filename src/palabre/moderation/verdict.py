"""The engine's answer for one comment: the decision, its reasons, all scores.

Its JSON form is the stable contract of `palabre check --json`, `palabre moderate` and
`POST /api/check`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from palabre.moderation.findings import CATEGORIES, Category, Correction, Span

Action = Literal["publish", "hold", "reject"]


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a comment was held or rejected, citing the charter."""

    clause: str
    clause_text: str
    category: Category | None
    action: Action
    score: float
    spans: tuple[Span, ...]
    explanation: str

    def as_dict(self) -> dict[str, object]:
        return {
            "clause": self.clause,
            "clause_text": self.clause_text,
            "category": self.category,
            "action": self.action,
            "score": round(self.score, 4),
            "spans": [s.as_list() for s in self.spans],
            "explanation": self.explanation,
        }


@dataclass(frozen=True, slots=True)
class Verdict:
    decision: Action
    reasons: tuple[Reason, ...]
    scores: dict[Category, float]
    language: str
    corrections: tuple[Correction, ...] = ()
    engine_version: str = ""
    charter_version: str = ""

    def as_dict(self) -> dict[str, object]:
        return {
            "decision": self.decision,
            "reasons": [r.as_dict() for r in self.reasons],
            "scores": {c: round(self.scores.get(c, 0.0), 4) for c in CATEGORIES},
            "language": self.language,
            "corrections": [c.as_dict() for c in self.corrections],
            "engine_version": self.engine_version,
            "charter_version": self.charter_version,
        }
