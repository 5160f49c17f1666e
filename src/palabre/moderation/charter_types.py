"""What a charter is made of: clauses readers see, thresholds per category, the site's words.
`charter.py` loads one; `charter_parse.py` validates the TOML into these types."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from palabre.moderation.findings import Category

Strictness = Literal["souple", "normale", "stricte"]
STRICTNESS_LEVELS: tuple[Strictness, ...] = ("souple", "normale", "stricte")


class CharterError(ValueError):
    """A charter that cannot be used. `line` is the 1-based line in the file when known."""

    def __init__(self, reason: str, line: int | None = None, path: str | None = None) -> None:
        self.reason = reason
        self.line = line
        self.path = path
        where = path or "charte"
        if line is not None:
            where += f", ligne {line}"
        super().__init__(f"Charte invalide ({where}) : {reason}")


@dataclass(frozen=True, slots=True)
class Threshold:
    """Scores below `hold` publish; from `hold` the comment is held; from `reject` (if set)
    it is rejected."""

    hold: float
    reject: float | None = None

    def action(self, score: float) -> Literal["publish", "hold", "reject"]:
        if self.reject is not None and score >= self.reject:
            return "reject"
        return "hold" if score >= self.hold else "publish"


@dataclass(frozen=True, slots=True)
class Clause:
    id: str
    text: str
    categories: tuple[Category, ...]
    version: int = 1
    retired: bool = False
    retired_in: str | None = None


@dataclass(frozen=True, slots=True, weakref_slot=True)
class Charter:
    version: str
    name: str
    clauses: tuple[Clause, ...]
    thresholds: dict[Category, Threshold]
    preamble: str = ""
    notes: tuple[str, ...] = ()
    language_strictness: Strictness = "normale"
    proper_names: tuple[str, ...] = ()
    allowed_words: tuple[str, ...] = ()
    banned_words: dict[Category, tuple[str, ...]] = field(default_factory=dict)
    suspect_words: dict[Category, tuple[str, ...]] = field(default_factory=dict)
    source: str = ""

    @property
    def active_clauses(self) -> tuple[Clause, ...]:
        return tuple(c for c in self.clauses if not c.retired)

    def clause_for(self, category: Category) -> Clause | None:
        """The first active clause covering `category`, or None if the charter ignores it."""
        for clause in self.clauses:
            if not clause.retired and category in clause.categories:
                return clause
        return None
