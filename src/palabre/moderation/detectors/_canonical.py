"""A canonical view of a comment for grammar rules: its words de-leeted and folded (`ext3rminer`
→ `exterminer`, `t.u.e.r` → `tuer`), apostrophes and hyphens made spaces (`t'es` → `t es`,
`exterminons-les` → `exterminons les`), one space between words, « . » between sentences.
Each character of the canonical text maps back to a span of the original text, so evidence
is shown where the reader wrote it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from palabre.moderation.detectors._text import analyse
from palabre.moderation.findings import Span
from palabre.moderation.normalize import Word

_BREAK = re.compile(r"[.!?;\n]")
_SPLIT = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True, slots=True)
class Canonical:
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    original: str
    quoted: tuple[tuple[int, int], ...]

    def span(self, start: int, end: int) -> Span:
        s, e = self.starts[start], self.ends[max(start, end - 1)]
        return Span(s, e, self.original[s:e])

    def in_quotes(self, start: int, end: int) -> bool:
        s, e = self.starts[start], self.ends[max(start, end - 1)]
        return any(qs < s and e < qe for qs, qe in self.quoted)

    def sentence_before(self, position: int) -> str:
        """The canonical text from the start of the sentence up to `position`."""
        cut = self.text.rfind(" . ", 0, position)
        return self.text[cut + 3 if cut >= 0 else 0 : position]


@lru_cache(maxsize=32)
def canonical(text: str) -> Canonical:
    analysis = analyse(text)
    joined = [w for w in analysis.words if w.joined]
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    previous_end = -1

    def put(chunk: str, start: int, end: int) -> None:
        for char in chunk:
            pieces.append(char)
            starts.append(start)
            ends.append(end)

    for word in sorted(
        [w for w in analysis.words if not w.joined and not _inside(w.start, w.end, joined)]
        + joined,
        key=lambda w: w.start,
    ):
        if previous_end >= 0:
            gap = text[previous_end : word.start]
            put(
                " . " if _BREAK.search(gap) else " ",
                previous_end,
                max(previous_end + 1, word.start),
            )
        parts = list(_SPLIT.finditer(word.form)) or []
        for i, part in enumerate(parts):
            if i:
                put(" ", word.start, word.end)
            put(part.group(), word.start, word.end)
        previous_end = word.end
    return Canonical("".join(pieces), tuple(starts), tuple(ends), text, analysis.quoted)


def _inside(start: int, end: int, joined: list[Word]) -> bool:
    return any(j.start <= start and end <= j.end for j in joined)
