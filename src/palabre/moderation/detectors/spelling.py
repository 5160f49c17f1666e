"""Detector for the charter clause « Commentaire rédigé en bon français et sans fautes
d'orthographe » (category `orthographe`), built on Grammalecte.

Findings (see docs/language-quality.md for the curve and the heuristics):
- spelling and grammar errors, scored from weighted errors per 100 words;
- a text written without accents ("a ete explique"), with its own explanation;
- shouting in capitals, with a lower score.
Corrections (span, message, suggestions) feed the widget's one-click fixes."""

from __future__ import annotations

import importlib.util
import threading
from collections import OrderedDict
from typing import TYPE_CHECKING

from palabre.moderation.charter_cache import derived
from palabre.moderation.findings import (
    Category,
    CheckContext,
    Correction,
    DetectorOutput,
    Finding,
    Span,
)
from palabre.moderation.quality.analysis import analyse_language
from palabre.moderation.quality.grammalecte_checker import GrammalecteChecker, get_checker
from palabre.moderation.quality.issues import (
    KIND_LABELS,
    Issue,
    LanguageAnalysis,
    QualitySettings,
    Strictness,
    error_rate,
    rate_score,
)
from palabre.moderation.quality.names import name_set

if TYPE_CHECKING:
    from palabre.moderation.charter import Charter

#: Score of a comment shouted in capitals, per strictness (before the ratio bonus).
SHOUTING_SCORE: dict[Strictness, float] = {"souple": 0.15, "normale": 0.3, "stricte": 0.45}
#: A text written without accents scores at least this much.
ACCENTLESS_MIN_SCORE = 0.6
#: Above this share of unknown words the text is probably not French: `langue` reports it.
FOREIGN_UNKNOWN_SHARE = 0.5
#: Results kept per detector (text and settings → output): a comment checked by the widget
#: and then posted, re-checked after an edit elsewhere in the thread, or re-moderated.
MEMO_SIZE = 512
_LISTED = 8


class SpellingDetector:
    """Spelling, grammar, missing accents and shouting. Grammalecte loads on first use."""

    name = "orthographe"
    categories: tuple[Category, ...] = ("orthographe",)

    def __init__(
        self,
        checker: GrammalecteChecker | None = None,
        *,
        max_words: int = 400,
        suggestion_budget_ms: float = 2.0,
    ) -> None:
        self._checker = checker
        self._max_words = max_words
        self._budget = suggestion_budget_ms
        self._memo: OrderedDict[tuple[str, QualitySettings], DetectorOutput] = OrderedDict()
        self._memo_lock = threading.Lock()

    @staticmethod
    def available() -> bool:
        """Whether Grammalecte can be imported (checked without importing it)."""
        return importlib.util.find_spec("grammalecte") is not None

    def detect(self, text: str, context: CheckContext, charter: Charter) -> DetectorOutput:
        settings = settings_from_charter(charter, context, self._max_words, self._budget)
        return self.check(text, settings)

    def check(self, text: str, settings: QualitySettings) -> DetectorOutput:
        """The same as `detect`, with the charter's values given directly. The last
        `MEMO_SIZE` results are kept: the same text with the same settings is not analysed
        twice (its suggestions are those found the first time, within its time budget)."""
        key = (text, settings)
        with self._memo_lock:
            hit = self._memo.get(key)
            if hit is not None:
                self._memo.move_to_end(key)
                return hit
        output = self._check(text, settings)
        with self._memo_lock:
            self._memo[key] = output
            while len(self._memo) > MEMO_SIZE:
                self._memo.popitem(last=False)
        return output

    def _check(self, text: str, settings: QualitySettings) -> DetectorOutput:
        analysis = analyse_language(text, settings, self._checker or get_checker())
        corrections = tuple(
            Correction(i.start, i.end, i.message, i.suggestions, i.rule) for i in analysis.issues
        )
        if _probably_foreign(analysis):
            return DetectorOutput(corrections=corrections)
        return DetectorOutput(findings=findings_for(analysis, settings), corrections=corrections)


def settings_from_charter(
    charter: Charter, context: CheckContext, max_words: int = 400, budget_ms: float = 2.0
) -> QualitySettings:
    """The adapter from the charter (strictness, proper names, allowed words) and the
    context's proper names (e.g. those of the article) to the detector's settings; kept in
    `charter_cache.derived` for the next comment of the same thread."""
    key = f"orthographe:{max_words}:{budget_ms}"
    cached = derived(charter).get(key)
    if isinstance(cached, tuple) and cached[0] == context.proper_names:
        settings: QualitySettings = cached[1]
        return settings
    settings = quality_settings(
        charter.language_strictness,
        (*charter.proper_names, *context.proper_names),
        charter.allowed_words,
        max_words=max_words,
        suggestion_budget_ms=budget_ms,
    )
    derived(charter)[key] = (context.proper_names, settings)
    return settings


def quality_settings(
    strictness: Strictness = "normale",
    proper_names: tuple[str, ...] = (),
    allowed_words: tuple[str, ...] = (),
    *,
    max_words: int = 400,
    suggestion_budget_ms: float = 2.0,
) -> QualitySettings:
    return QualitySettings(
        strictness=strictness,
        proper_names=name_set(proper_names),
        allowed_words=name_set(allowed_words),
        max_words=max_words,
        suggestion_budget_ms=suggestion_budget_ms,
    )


def _probably_foreign(analysis: LanguageAnalysis) -> bool:
    unknown = sum(1 for i in analysis.issues if i.kind in ("orthographe", "accents"))
    return analysis.words >= 3 and unknown > FOREIGN_UNKNOWN_SHARE * analysis.words


def findings_for(analysis: LanguageAnalysis, settings: QualitySettings) -> tuple[Finding, ...]:
    findings: list[Finding] = []
    accent = [i for i in analysis.issues if i.kind == "accents"] if analysis.accentless else []
    others = [i for i in analysis.issues if i not in accent]
    words = analysis.words
    if accent:
        rate = error_rate(len(accent), words)
        score = max(ACCENTLESS_MIN_SCORE, rate_score(rate, settings.strictness))
        findings.append(
            _finding(
                score,
                accent,
                f"Texte écrit sans accents : {len(accent)} mots sans leurs accents",
                analysis,
            )
        )
    if others:
        weighted = sum(i.weight for i in others)
        rate = error_rate(weighted, words)
        head = (
            f"{_count(len(others), 'faute')} pour {_count(words, 'mot')} "
            f"({_fr(rate)} pour 100 mots)"
        )
        findings.append(_finding(rate_score(rate, settings.strictness), others, head, analysis))
    if analysis.shouting:
        findings.append(_shouting(analysis, settings))
    return tuple(findings)


def _finding(score: float, issues: list[Issue], head: str, analysis: LanguageAnalysis) -> Finding:
    listed = "; ".join(_describe(i) for i in issues[:_LISTED])
    more = f" et {len(issues) - _LISTED} autres" if len(issues) > _LISTED else ""
    partial = (
        (f" (seuls les {analysis.words} premiers mots sur {analysis.total_words} ont été vérifiés)")
        if analysis.total_words > analysis.words
        else ""
    )
    return Finding(
        category="orthographe",
        score=score,
        spans=tuple(Span(i.start, i.end, i.text) for i in issues),
        explanation=f"{head}{partial} : {listed}{more}.",
        detector=SpellingDetector.name,
    )


def _describe(issue: Issue) -> str:
    fix = f" → {issue.suggestions[0]}" if issue.suggestions else ""
    return f"« {issue.text.strip()} » ({KIND_LABELS[issue.kind]}{fix})"


def _shouting(analysis: LanguageAnalysis, settings: QualitySettings) -> Finding:
    base = SHOUTING_SCORE[settings.strictness]
    score = round(min(base + 0.15, base + 0.15 * (analysis.upper_ratio - 0.5) / 0.5), 4)
    return Finding(
        category="orthographe",
        score=max(base, score),
        spans=analysis.shouted,
        explanation=(
            f"Texte écrit en majuscules ({round(100 * analysis.upper_ratio)} % des "
            "mots) : écrire en capitales revient à crier."
        ),
        detector=SpellingDetector.name,
    )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' if n > 1 else ''}"


def _fr(x: float) -> str:
    return f"{x:.1f}".replace(".", ",")
