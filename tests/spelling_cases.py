"""The deliberate errors of the seed comments (from the notes of expected-verdicts.json), as
(comment id, erroneous text as written). A reported span overlapping that text finds it.
Shared by the tests and eval/spelling_eval.py."""

from __future__ import annotations

from collections.abc import Iterable

SEED_ERRORS: tuple[tuple[str, str], ...] = (
    ("3553823", "ca me fait"),
    ("3553823", "calui"),
    ("3553823", "meurrent"),
    ("3553823", "quotidient"),
    ("3553823", "le temps jour"),
    ("3553823", "kilométères"),
    ("3553823", "rétorique"),
    ("3553823", "ce geler"),
    ("3553823", "argent content"),
    ("3553823", "continu."),
    ("3553816", "quel vision"),
    ("003-7", "a ete explique"),
    ("003-7", "Ca signifie"),
    ("003-7", "l’Amerique"),
    ("003-8", "arait"),
    ("003-11", "manque t-il"),
)

#: Well-known names misspelled in the seed comments: spelling faults, each with the right
#: suggestion (issue 17: they were once listed as "proper names", which hid real faults).
SEED_MISSPELLED_NAMES: tuple[tuple[str, str, str], ...] = (
    ("3553816", "Netanhyaou", "Netanyahou"),
    ("3553816", "Nethanyaou", "Netanyahou"),
    ("003-6", "Rothshild", "Rothschild"),
)

#: Proper names written in the seed comments; none may be reported as a spelling error
#: (with or without the charter's list of names).
SEED_NAMES: tuple[tuple[str, str], ...] = (
    ("3553816", "Zelensky"),
    ("3553823", "Zelensky"),
    ("3553823", "Starlink"),
    ("003-7", "Brzezinski"),
    ("003-9", "Zaporojié"),
    ("003-9", "Zaporijjia"),
    ("003-9", "Lvov"),
    ("000-3", "Volodymyr"),
    ("000-3", "Zelensky"),
    ("000-4", "Lavrov"),
    ("000-4", "Belousov"),
    ("000-4", "Siluanov"),
    ("000-4", "Dmitriev"),
    ("000-4", "Ushakov"),
    ("000-4", "Medvedev"),
    ("000-4", "Volodine"),
    ("000-4", "Fukuyama"),
    ("000-4", "Mufoncol"),
    ("000-4", "Tshiyoyo"),
    ("000-4", "Pougala"),
    ("000-5", "Pougala"),
    ("003-4", "Exxon"),
)

#: Comments the default charter must publish: no orthographe finding may hold them.
CLEAN_SEEDS: tuple[str, ...] = ("000-1", "000-2", "000-5", "003-10")


def occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start = text.find(needle)
    while start >= 0:
        out.append((start, start + len(needle)))
        start = text.find(needle, start + 1)
    return out


def found(text: str, needle: str, spans: Iterable[tuple[int, int]]) -> bool:
    """Whether one reported span overlaps an occurrence of `needle` (trailing punctuation of
    the needle, used only to pick the right occurrence, is ignored)."""
    word_end = len(needle.rstrip(".!?,;"))
    targets = [(s, s + word_end) for s, _ in occurrences(text, needle)]
    return any(a < e and s < b for a, b in spans for s, e in targets)
