"""Language-quality issues, the strictness settings and the score curve."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Literal

from palabre.moderation.findings import Span

Strictness = Literal["souple", "normale", "stricte"]
IssueKind = Literal["orthographe", "accents", "grammaire", "majuscule", "trait_union", "style"]

#: Words below which the error rate is computed as if the comment had this many words, so
#: one typo in a 4-word comment does not count as 25 errors per 100 words.
MIN_WORDS = 20

#: score = 1 - exp(-rate / RHO), rate = weighted errors per 100 words.
RHO: dict[Strictness, float] = {"souple": 6.0, "normale": 4.0, "stricte": 2.5}

#: Grammalecte options switched on or off per strictness (typography is always off).
OPTIONS: dict[Strictness, dict[str, bool]] = {
    "souple": {"maj": False, "virg": False, "tu": False, "bs": False, "pleo": False},
    "normale": {"maj": False, "virg": False, "tu": True, "bs": True, "pleo": True},
    "stricte": {"maj": True, "virg": True, "tu": True, "bs": True, "pleo": True},
}

#: Weight of one issue in the error count, per kind.
WEIGHTS: dict[IssueKind, float] = {
    "orthographe": 1.0,
    "accents": 1.0,
    "grammaire": 1.0,
    "majuscule": 0.5,
    "trait_union": 0.5,
    "style": 0.5,
}

KIND_LABELS: dict[IssueKind, str] = {
    "orthographe": "orthographe",
    "accents": "accent manquant",
    "grammaire": "grammaire",
    "majuscule": "majuscule",
    "trait_union": "trait d’union",
    "style": "style",
}


@dataclass(frozen=True, slots=True)
class QualitySettings:
    """What the spelling detector needs from the charter (see `from_charter`)."""

    strictness: Strictness = "normale"
    proper_names: frozenset[str] = frozenset()
    allowed_words: frozenset[str] = frozenset()
    max_words: int = 400
    suggestion_budget_ms: float = 2.0
    shouting_ratio: float = 0.5


@dataclass(frozen=True, slots=True)
class Issue:
    """One error: `text == comment[start:end]`."""

    start: int
    end: int
    text: str
    kind: IssueKind
    message: str
    suggestions: tuple[str, ...] = ()
    rule: str = ""

    @property
    def weight(self) -> float:
        return WEIGHTS[self.kind]


@dataclass(frozen=True, slots=True)
class LanguageAnalysis:
    issues: tuple[Issue, ...]
    words: int
    total_words: int
    accentless: bool = False
    upper_ratio: float = 0.0
    shouting: bool = False
    shouted: tuple[Span, ...] = field(default=())

    @property
    def weighted_errors(self) -> float:
        return sum(i.weight for i in self.issues)


def error_rate(weighted_errors: float, words: int) -> float:
    """Weighted errors per 100 words."""
    return 100.0 * weighted_errors / max(words, MIN_WORDS)


def rate_score(rate: float, strictness: Strictness = "normale") -> float:
    """The documented curve: 0 for no error, ~0.22 at 1 error per 100 words (normale),
    ~0.63 at 4, ~0.92 at 10."""
    if rate <= 0:
        return 0.0
    return round(1.0 - math.exp(-rate / RHO[strictness]), 4)
