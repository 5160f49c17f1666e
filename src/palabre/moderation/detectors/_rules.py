"""Regular-expression rules run on the folded text (lower case, no accents), with evidence
mapped back to the original text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from palabre.moderation import regex_cache
from palabre.moderation.detectors._speech import reported
from palabre.moderation.detectors._text import Analysis
from palabre.moderation.findings import Span

#: Words reported or condemned by the commenter (« arrêtez de dire que … ») weigh less.
REPORTED_FACTOR = 0.35
_NEGATED = regex_cache.compile(r"\b(?:ne|n'|pas|jamais|point)\b")
_NEGATED_BEFORE = regex_cache.compile(r"\b(?:ne|n'|pas|jamais)\b[^.!?;:\n]{0,20}$")


@dataclass(frozen=True, slots=True)
class Rule:
    """`pattern` is matched on the folded text; `note` is French (shown in the reason)."""

    pattern: re.Pattern[str]
    score: float
    note: str
    negatable: bool = False


def rule(regex: str, score: float, note: str, negatable: bool = False) -> Rule:
    return Rule(regex_cache.compile(regex), score, note, negatable)


def words_alt(items: str) -> str:
    """'a b c' → '(?:a|b|c)' (for readable rule tables)."""
    return "(?:" + "|".join(items.split()) + ")"


def apply_rules(analysis: Analysis, rules: tuple[Rule, ...]) -> list[tuple[float, Span, str]]:
    folded = analysis.folded
    text = analysis.text
    out: list[tuple[float, Span, str]] = []
    for r in rules:
        for m in r.pattern.finditer(folded.text):
            if m.end() <= m.start():
                continue
            start, end = folded.span(m.start(), m.end())
            score = r.score
            before = folded.text[max(0, m.start() - 30) : m.start()]
            if r.negatable and (_NEGATED.search(m.group(0)) or _NEGATED_BEFORE.search(before)):
                score *= 0.3
            if analysis.in_quotes(start, end):
                score *= 0.5
            if reported(text, start, end):
                score *= REPORTED_FACTOR
            note = f"{r.note} (« {text[start:end]} »)"
            out.append((score, Span(start, end, text[start:end]), note))
    return out
