"""Accent checks for lexicon hits. Matching is accent-insensitive (so "debile" finds
« débile »), but French has homographs that differ only by accents: « il demeure » is not
« demeuré », « la situation dégénère » is not « dégénéré »."""

from __future__ import annotations

from palabre.moderation.detectors._lexicon import Hit
from palabre.moderation.detectors._text import ACCENTED, Analysis
from palabre.moderation.normalize import fold

STRONG = 0.7  # strong entries (pédé, nègre) have no ordinary homograph
ACCENTLESS_FACTOR = 0.7
# Written without accents, these are also ordinary words ("il demeure", "une tare").
_HOMOGRAPHS = (
    "demeure demeures tare tares attarde attardes degenere degeneres degenerent rate rates "
    "empote emmanche enfoire laches"
)
HOMOGRAPHS = frozenset(_HOMOGRAPHS.split())


def accents_agree(text: str, hit: Hit) -> bool | None:
    """None when the hit is written without any accent (doubtful); otherwise whether the
    written accents match the entry's (dégénère ≠ dégénéré)."""
    if not hit.entry.accented or hit.first < 0 or hit.entry.score >= STRONG:
        return True
    written = text[hit.start : hit.end].lower()
    if ACCENTED.search(written) is None:
        return None
    form = hit.entry.form
    return written.startswith(form) or form.startswith(written) or written[:-1] in form


def keep(analysis: Analysis, hits: list[Hit]) -> list[Hit]:
    """In a comment that uses accents, drops hits whose accents differ from the entry's."""
    if not analysis.accented:
        return hits
    return [h for h in hits if accents_agree(analysis.text, h) is not False]


def accent_factor(text: str, hit: Hit) -> float:
    """0.7 for an accent-less hit that is also an ordinary word, else 1."""
    if accents_agree(text, hit) is None and fold(text[hit.start : hit.end]).text in HOMOGRAPHS:
        return ACCENTLESS_FACTOR
    return 1.0
