"""Well-known names, from word frequencies rather than a hand list: is an unknown capitalised
word a misspelling of a name everybody writes (« Netanhyaou » → Netanyahou, « Rothshild » →
Rothschild), or a rare name that is simply not in the dictionary (« Pougala », « Tshiyoyo »)?

The names are the frequent words of French (wordfreq, Zipf ≥ 2.5) that the French dictionary
does not know in lower case — proper names, mostly — plus the names the site's charter lists
(correctly spelled). A word the frequency list already knows (Zipf ≥ 1.5 in French or English)
is never called a misspelling. Otherwise, a name one edit away (two for words of 8 letters or
more; two for the site's own names from 6 letters), with the same first letter, is the suggestion — only when exactly one name is that close:
when unsure, no correction is offered."""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Callable, Iterable
from typing import Final

NAME_ZIPF: Final = 2.5
KNOWN_WORD_ZIPF: Final = 1.5
TOP_WORDS: Final = 80_000
MIN_LENGTH: Final = 4

_lock = threading.Lock()
#: first letter → [(folded name, display form, Zipf frequency)]
_names: dict[str, list[tuple[str, str, float]]] | None = None
SHORT_NAME_ZIPF: Final = 3.0  # a name of under 7 letters must be this frequent to be suggested


def _plain(word: str) -> str:
    """Lower case, without accents (not the normaliser's `fold`: no leet, no homoglyphs)."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _load(is_valid: Callable[[str], bool]) -> dict[str, list[tuple[str, str, float]]]:
    global _names
    with _lock:
        if _names is None:
            from wordfreq import top_n_list, zipf_frequency

            found: dict[str, list[tuple[str, str, float]]] = {}
            seen: set[str] = set()
            for word in top_n_list("fr", TOP_WORDS):
                if len(word) < MIN_LENGTH or not word.isalpha():
                    continue
                zipf = zipf_frequency(word, "fr")
                if zipf < NAME_ZIPF:
                    break  # the list is sorted by frequency
                if word not in seen and not is_valid(word):
                    seen.add(word)
                    found.setdefault(_plain(word)[0], []).append(
                        (word, word[:1].upper() + word[1:], zipf)
                    )
            _names = found
        return _names


def is_known_word(word: str) -> bool:
    """Whether the frequency lists know `word` (French or English), so it is nobody's typo."""
    from wordfreq import zipf_frequency

    low = word.lower()
    return max(zipf_frequency(low, "fr"), zipf_frequency(low, "en")) >= KNOWN_WORD_ZIPF


def distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein (optimal string alignment) distance, `limit + 1` or more once above
    it. Each edit removes at most one kind of letter and adds at most one (a transposition
    none), so two words whose letters differ by more than `limit` kinds are further apart than
    `limit`: that is checked first, with sets, before the quadratic table."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    letters_a, letters_b = set(a), set(b)
    if len(letters_a - letters_b) > limit or len(letters_b - letters_a) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def _common_suffix(a: str, b: str) -> int:
    size = 0
    while size < min(len(a), len(b)) and a[-1 - size] == b[-1 - size]:
        size += 1
    return size


def _closest(key: str, candidates: Iterable[tuple[str, str, float]], limit: int) -> str | None:
    """The one candidate nearest to `key` within `limit`; several at the same distance count
    as one when they are spellings of one name (within one edit of the most frequent)."""
    best: list[tuple[str, str, float]] = []
    best_distance = limit + 1
    marked = {c for c in key if not c.isascii()}
    for folded, display, zipf in candidates:
        if folded == key or not marked <= set(folded):
            continue  # a letter like « ë » written on purpose is no typo of a name without it
        found = distance(key, folded, limit)
        if found < best_distance:
            best, best_distance = [(folded, display, zipf)], found
        elif found == best_distance and found <= limit:
            best.append((folded, display, zipf))
    if not best:
        return None
    top = max(best, key=lambda c: (_common_suffix(key, c[0]), c[2]))
    if all(distance(top[0], other[0], 1) <= 1 for other in best):
        return top[1]
    return None


def misspelled_name(
    word: str, site_names: Iterable[str], is_valid: Callable[[str], bool]
) -> str | None:
    """The well-known name `word` misspells, or None (not close to one name, or a known word).
    The site's own names come first, then the frequent names of French."""
    if len(word) < MIN_LENGTH or not word.isalpha() or is_known_word(word):
        return None
    key = word.lower()  # accents count: « Caëlle » is not « Calle » misspelled
    limit = 2 if len(key) >= 8 else 1
    listed = [
        (n.lower(), n[:1].upper() + n[1:], 9.0)
        for n in site_names
        if n.isalpha() and _plain(n)[:1] == _plain(key)[:1]
    ]
    found = _closest(key, listed, 2 if len(key) >= 6 else 1)
    if found:
        return found
    frequent = [
        c
        for c in _load(is_valid).get(_plain(key)[:1], [])
        if abs(len(c[0]) - len(key)) <= limit and (len(key) >= 7 or c[2] >= SHORT_NAME_ZIPF)
    ]
    return _closest(key, frequent, limit)
