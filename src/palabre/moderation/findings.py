"""What detectors return: findings with evidence, never decisions."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Final, Literal

Category = Literal[
    "haine", "violence", "insulte", "grossierete", "illegal", "orthographe", "langue", "spam"
]

CATEGORIES: Final[tuple[Category, ...]] = (
    "haine",
    "violence",
    "insulte",
    "grossierete",
    "illegal",
    "orthographe",
    "langue",
    "spam",
)


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of evidence: `text == comment[start:end]`."""

    start: int
    end: int
    text: str

    def as_list(self) -> list[int | str]:
        return [self.start, self.end, self.text]


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a detector found: a category, a score in [0, 1], evidence and a French
    explanation. A finding never says what to do about it."""

    category: Category
    score: float
    spans: tuple[Span, ...]
    explanation: str
    detector: str


@dataclass(frozen=True, slots=True)
class Correction:
    """A language-quality correction offered to the reader."""

    start: int
    end: int
    message: str
    suggestions: tuple[str, ...]
    rule: str = ""

    def as_dict(self) -> dict[str, object]:
        return {
            "start": self.start,
            "end": self.end,
            "message": self.message,
            "suggestions": list(self.suggestions),
        }


@dataclass(frozen=True, slots=True)
class CheckContext:
    """What a detector may know besides the text. Filled by the comments service from storage;
    empty for `palabre check`. `now` is injected so detectors stay pure and testable."""

    now: datetime = field(default_factory=lambda: datetime.now(UTC))
    author_key: str | None = None
    recent_texts_by_author: tuple[str, ...] = ()  # the author's texts of the last 24 hours
    recent_count_by_author: int = 0  # the author's comments of the last ten minutes
    thread_title: str = ""
    proper_names: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DetectorFailure:
    """A detector that raised or ran out of time: the comment must be held for a human."""

    detector: str
    category: Category
    explanation: str


@dataclass(frozen=True, slots=True)
class DetectorOutput:
    """Everything one detector run returns."""

    findings: tuple[Finding, ...] = ()
    corrections: tuple[Correction, ...] = ()
    language: str | None = None
    #: scores below any finding's level (e.g. the learned model's, on the charter's scale),
    #: reported in the verdict's `scores` so that a moderator or an evaluation sees them
    scores: tuple[tuple[Category, float], ...] = ()
