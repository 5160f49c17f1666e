"""Scores what the product does: the engine's decisions, not the model alone.

A comment counts as **flagged for harm** when a harm clause of the charter (one covering
haine, violence, insulte, grossierete or illegal) holds or rejects it: that is what a reader
sees. Its **harm score** is the highest score of those categories (for ROC-AUC). Each source's
gold harm label is its `toxicite` label, or `haine` where it only labels racism (FTR), or the
`attendu` of our own functional suites.

Figures per source: macro-F1 of the harm decision, precision and recall of each class,
ROC-AUC of the harm score, the share of non-toxic rows flagged; per category (where the source
labels it): recall, and the share of rows without that label flagged for that category."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from palabre.moderation.charter import Charter
from palabre.moderation.engine import ModerationEngine
from palabre.moderation.metrics import Binary, binary
from palabre.moderation.verdict import Verdict

HARM_CATEGORIES: tuple[str, ...] = ("haine", "violence", "insulte", "grossierete", "illegal")
GOLD_HARM_KEYS: tuple[str, ...] = ("toxicite", "haine")


@dataclass(frozen=True, slots=True)
class Judged:
    """One labelled comment and what the engine decided for it."""

    source: str
    labels: dict[str, int]
    flagged: frozenset[str]  # harm categories that held or rejected it
    harm_score: float
    family: str = ""

    @property
    def gold_harm(self) -> int | None:
        for key in GOLD_HARM_KEYS:
            if key in self.labels:
                return self.labels[key]
        return None

    @property
    def harm_flag(self) -> bool:
        """Flagged for harm; for a source that only labels racism (no `toxicite`), flagged
        for hate (its non-racist rows include insults, rightly flagged as such)."""
        if "toxicite" not in self.labels and "haine" in self.labels:
            return "haine" in self.flagged
        return bool(self.flagged)


def harm_clauses(charter: Charter) -> frozenset[str]:
    """The charter's clauses that cover at least one harm category."""
    return frozenset(
        clause.id
        for category in HARM_CATEGORIES
        if (clause := charter.clause_for(category)) is not None  # type: ignore[arg-type]
    )


def flagged_categories(verdict: Verdict) -> frozenset[str]:
    """Harm categories for which the verdict holds or rejects the comment."""
    return frozenset(
        r.category
        for r in verdict.reasons
        if r.category in HARM_CATEGORIES and r.action in ("hold", "reject")
    )


def judge(
    moderator: ModerationEngine, text: str, source: str, labels: dict[str, int], family: str = ""
) -> Judged:
    verdict = moderator.check(text)
    score = max(verdict.scores.get(c, 0.0) for c in HARM_CATEGORIES)  # type: ignore[call-overload]
    return Judged(source, dict(labels), flagged_categories(verdict), float(score), family)


def roc_auc(gold: Sequence[int], scores: Sequence[float]) -> float | None:
    """Area under the ROC curve (Mann-Whitney, ties counted half); None for one class."""
    pairs = sorted(zip(scores, gold, strict=True))
    positives = sum(gold)
    negatives = len(gold) - positives
    if not positives or not negatives:
        return None
    rank_sum = 0.0
    i = 0
    while i < len(pairs):
        j = i
        while j < len(pairs) and pairs[j][0] == pairs[i][0]:
            j += 1
        mean_rank = (i + j + 1) / 2  # ranks are 1-based
        rank_sum += mean_rank * sum(g for _, g in pairs[i:j])
        i = j
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)


@dataclass(frozen=True, slots=True)
class CategoryFigures:
    category: str
    recall: float
    support: int
    false_alarm: float  # share of rows not labelled with it that are flagged for it
    negatives: int


@dataclass(frozen=True, slots=True)
class SourceFigures:
    source: str
    harm: Binary
    auc: float | None
    categories: tuple[CategoryFigures, ...] = ()

    @property
    def clean_flagged(self) -> float:
        """Share of non-toxic rows flagged by a harm clause."""
        negatives = self.harm.tn + self.harm.fp
        return self.harm.fp / negatives if negatives else 0.0


def _category_figures(rows: Sequence[Judged], category: str) -> CategoryFigures | None:
    labelled = [r for r in rows if category in r.labels]
    if not labelled:
        return None
    pos = [r for r in labelled if r.labels[category]]
    neg = [r for r in labelled if not r.labels[category]]
    hit = sum(1 for r in pos if r.harm_flag)
    wrong = sum(1 for r in neg if category in r.flagged)
    return CategoryFigures(
        category,
        hit / len(pos) if pos else 0.0,
        len(pos),
        wrong / len(neg) if neg else 0.0,
        len(neg),
    )


def source_figures(source: str, rows: Sequence[Judged]) -> SourceFigures | None:
    scored = [r for r in rows if r.gold_harm is not None]
    if not scored:
        return None
    gold = [int(r.gold_harm or 0) for r in scored]
    harm = binary(gold, [int(r.harm_flag) for r in scored])
    auc = roc_auc(gold, [r.harm_score for r in scored])
    categories = tuple(
        f
        for c in ("haine", "violence", "insulte", "grossierete")
        if (f := _category_figures(rows, c)) is not None
    )
    return SourceFigures(source, harm, auc, categories)


@dataclass(slots=True)
class DecisionReport:
    """Every judged row, grouped by source (and by family for the functional suites)."""

    rows: dict[str, list[Judged]] = field(default_factory=lambda: defaultdict(list))

    def add(self, judged: Judged) -> None:
        self.rows[judged.source].append(judged)

    def figures(self) -> list[SourceFigures]:
        out = [f for s in sorted(self.rows) if (f := source_figures(s, self.rows[s])) is not None]
        return out

    def families(self, source: str) -> dict[str, tuple[int, int]]:
        """(correct, total) per family of a functional suite."""
        tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for r in self.rows.get(source, []):
            gold = r.gold_harm
            tally[r.family][0] += int(gold is not None and bool(gold) == r.harm_flag)
            tally[r.family][1] += 1
        return {k: (v[0], v[1]) for k, v in sorted(tally.items())}


def run(
    moderator: ModerationEngine,
    items: Iterable[tuple[str, str, dict[str, int], str]],
    tick: Callable[[], None] = lambda: None,
) -> DecisionReport:
    """Judges (text, source, labels, family) items."""
    report = DecisionReport()
    for text, source, labels, family in items:
        report.add(judge(moderator, text, source, labels, family))
        tick()
    return report
