"""Is an unknown word a proper name? Public figures' names are not spelling errors.

Heuristics, in order (see docs/language-quality.md):
1. the charter's `proper_names` / `allowed_words` (case-insensitive, also each part of a
   hyphenated or apostrophised word);
2. a capitalised word NOT at the start of a sentence ("Netanhyaou", "Rothshild", "Zelensky");
3. a capitalised word at the start of a sentence that is also written capitalised elsewhere
   in the comment, or that is followed by another capitalised word ("Mufoncol Tshiyoyo");
4. all-capital words of up to 5 letters are acronyms (RT, GBU, USA).
A misspelled common word at the start of a sentence ("Calui …") stays an error."""

from __future__ import annotations

import re
from collections.abc import Iterable

_TERMINAL = ".!?…:;"
_CAP_WORD = re.compile(r"\b[A-ZÀ-ÖØ-Þ][\w’'-]*")


def normalise_name(word: str) -> str:
    return word.lower().replace("’", "'")


def name_set(names: Iterable[str]) -> frozenset[str]:
    """Lower-cased names and their parts ("Jean-Luc Mélenchon" → jean-luc, jean, luc, …)."""
    out: set[str] = set()
    for name in names:
        for part in re.split(r"\s+", name.strip()):
            if not part:
                continue
            low = normalise_name(part)
            out.add(low)
            out.update(p for p in re.split(r"[-']", low) if p)
    return frozenset(out)


def in_names(word: str, names: frozenset[str]) -> bool:
    low = normalise_name(word)
    if low in names:
        return True
    parts = [p for p in re.split(r"[-']", low) if p]
    return len(parts) > 1 and all(p in names for p in parts)


def at_sentence_start(text: str, start: int) -> bool:
    """True when only quotes, dashes, bullets, emoji or spaces separate the word at `start`
    from the start of a line or from a sentence-ending punctuation mark."""
    i = start - 1
    while i >= 0:
        ch = text[i]
        if ch == "\n" or ch in _TERMINAL:
            return True
        if ch.isalnum() or ch in ",’'":
            return False
        i -= 1
    return True


def is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and word.isupper() and len(letters) <= 5


def capitalised(word: str) -> bool:
    return word[:1].isupper() and not word.isupper()


def looks_like_name(text: str, start: int, end: int, names: frozenset[str]) -> bool:
    """Whether the unknown word text[start:end] should be taken as a proper name."""
    word = text[start:end]
    if in_names(word, names) or is_acronym(word):
        return True
    if not word[:1].isupper():
        return False
    if not at_sentence_start(text, start):
        return True
    for m in _CAP_WORD.finditer(text):
        if m.group(0) == word and m.start() != start and not at_sentence_start(text, m.start()):
            return True
    return re.match(r"[ \t]+[A-ZÀ-ÖØ-Þ]", text[end:]) is not None
