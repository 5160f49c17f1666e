"""Turns lexicon hits of one category into one aggregated `Finding` (French explanation)."""

from __future__ import annotations

from palabre.moderation.charter import Charter
from palabre.moderation.detectors._accents import accent_factor, keep
from palabre.moderation.detectors._cues import cues_for
from palabre.moderation.detectors._lexicon import Hit, charter_lexicon
from palabre.moderation.detectors._text import Analysis
from palabre.moderation.findings import Category, Finding, Span

EXTRA_HIT_BONUS = 0.05
MIN_SCORE = 0.05


def lexicon_hits(analysis: Analysis, charter: Charter) -> list[Hit]:
    """Lexicon hits, minus those whose written accents contradict the entry."""
    return keep(analysis, charter_lexicon(charter).find(analysis.words))


def scored_hits(
    analysis: Analysis, charter: Charter, category: Category
) -> list[tuple[float, Span, str]]:
    """(score, span, French note) for each hit of `category`, after context cues."""
    out: list[tuple[float, Span, str]] = []
    text = analysis.text
    for hit in lexicon_hits(analysis, charter):
        if hit.entry.category != category:
            continue
        cues = cues_for(analysis, hit, aimed=category != "grossierete")
        score = cues.adjust(hit.entry.score) * accent_factor(text, hit)
        note = f"« {text[hit.start : hit.end]} »"
        if cues.describe():
            note += f" ({cues.describe()})"
        out.append((score, Span(hit.start, hit.end, text[hit.start : hit.end]), note))
    return out


def aggregate(
    items: list[tuple[float, Span, str]], category: Category, detector: str, lead: str
) -> Finding | None:
    """One finding: the best score, a small bonus per further distinct strong hit, all
    spans."""
    items = [i for i in items if i[0] >= MIN_SCORE]
    if not items:
        return None
    items.sort(key=lambda i: -i[0])
    best = items[0][0]
    extra = len({n for s, _, n in items[1:] if s >= 0.4 and n != items[0][2]})
    score = min(0.98, best + EXTRA_HIT_BONUS * extra)
    spans: dict[tuple[int, int], Span] = {}
    for _, span, _ in items:
        spans.setdefault((span.start, span.end), span)
    notes = "; ".join(dict.fromkeys(n for _, _, n in items[:5]))
    return Finding(
        category=category,
        score=score,
        spans=tuple(sorted(spans.values(), key=lambda s: s.start)),
        explanation=f"{lead} : {notes}.",
        detector=detector,
    )
