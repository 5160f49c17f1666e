"""Shared, cached analysis of one comment: folded text, words and quoted regions.

Several detectors look at the same text in one check; `analyse()` computes the work once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from palabre.moderation.normalize import Folded, Word, fold, words

ACCENTED = re.compile(r"[À-ÖØ-öø-ÿŒœ]")
_BREAK = re.compile(r"[.!?;:\n]")
_QUOTES = re.compile(r"«[^«»]{0,400}»|“[^“”]{0,400}”|\"[^\"\n]{0,400}\"")


@dataclass(frozen=True, slots=True)
class Analysis:
    folded: Folded
    words: tuple[Word, ...]
    quoted: tuple[tuple[int, int], ...]
    plain: tuple[Word, ...]
    sentence: tuple[int, ...]
    accented: bool

    @property
    def text(self) -> str:
        return self.folded.original

    def in_quotes(self, start: int, end: int) -> bool:
        """True if the ORIGINAL span [start, end) lies inside « … » or "…"."""
        return any(qs < start and end < qe for qs, qe in self.quoted)


@lru_cache(maxsize=32)
def analyse(text: str) -> Analysis:
    folded = fold(text)
    quoted = tuple((m.start(), m.end()) for m in _QUOTES.finditer(text))
    found = words(folded)
    plain = tuple(w for w in found if not w.joined)
    sentence: list[int] = []
    current = 0
    for i, w in enumerate(plain):
        if i and _BREAK.search(text, plain[i - 1].end, w.start):
            current += 1
        sentence.append(current)
    accented = ACCENTED.search(text) is not None
    return Analysis(folded, found, quoted, plain, tuple(sentence), accented)
