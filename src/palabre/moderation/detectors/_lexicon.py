"""The shipped lexicon (`moderation/lexicons/lexique.tsv`) and the charter's own words,
indexed once and matched on normalised words, lemmas, singulars and squeezed forms."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from palabre.moderation import lemmas
from palabre.moderation.charter import Charter
from palabre.moderation.charter_cache import derived
from palabre.moderation.findings import CATEGORIES, Category
from palabre.moderation.normalize import Word, fold, has_stretch, squeeze, words

BANNED_SCORE = 0.95
SUSPECT_SCORE = 0.45
MEMO_SIZE = 16
LEMMA_FACTOR = 0.8
MAX_WORD = 40  # no lexicon entry is longer; longer tokens are not looked up


@dataclass(frozen=True, slots=True)
class Entry:
    form: str
    tokens: tuple[str, ...]
    category: Category
    score: float
    source: str
    accented: bool = False


@dataclass(frozen=True, slots=True)
class Hit:
    entry: Entry
    start: int
    end: int
    first: int
    last: int


def _tokens(form: str) -> tuple[str, ...]:
    return tuple(w.form for w in words(fold(form)) if not w.joined)


def _entry(form: str, category: Category, score: float, source: str) -> Entry | None:
    tokens = _tokens(form)
    accented = fold(form).text != form.lower()
    return Entry(form, tokens, category, score, source, accented) if tokens else None


@lru_cache(maxsize=8192)
def _lemma(form: str) -> str:
    return fold(lemmas.lemmatize(form)).text


class Lexicon:
    """Entries indexed by first token; single-token entries also by squeezed form."""

    def __init__(self, entries: Iterable[Entry], allowed: Iterable[str] = ()) -> None:
        self.by_first: dict[str, list[Entry]] = defaultdict(list)
        self.squeezed: dict[str, list[Entry]] = defaultdict(list)
        self.by_length: dict[int, list[Entry]] = defaultdict(list)
        self.allowed = {fold(a).text for a in allowed}
        self._memo: dict[tuple[Word, ...], list[Hit]] = {}
        for e in entries:
            self.by_first[e.tokens[0]].append(e)
            if len(e.tokens) == 1:
                self.squeezed[squeeze(e.tokens[0])].append(e)
                self.by_length[len(e.tokens[0])].append(e)

    def _single(self, word: Word) -> list[Entry]:
        form = word.form
        if form in self.allowed or len(form) > MAX_WORD:
            return []
        found: dict[str, Entry] = {}
        singular = form[:-1] if form[-1:] in "sx" and len(form) > 3 else ""
        for key in (form, singular):
            for e in self.by_first.get(key, []):
                if len(e.tokens) == 1:
                    found.setdefault(e.category, e)
        for e in self.by_first.get(_lemma(form), []):
            if len(e.tokens) == 1 and e.category not in found:
                # an inflected form ("fout" for "foutre") is a weaker signal
                found[e.category] = replace(e, score=e.score * LEMMA_FACTOR)
        if found:
            return list(found.values())
        if "*" in form:
            return self._wildcard(form)
        if has_stretch(word.raw) or word.joined:
            return list(self.squeezed.get(squeeze(form), []))
        return []

    def _wildcard(self, form: str) -> list[Entry]:
        """p*tain, c*nnard: each `*` stands for one letter (at most half of the word)."""
        letters = sum(c.isalpha() for c in form)
        if letters < 2 or form.count("*") * 2 > len(form):
            return []
        pattern = re.compile(re.escape(form).replace(r"\*", "."))
        return [e for e in self.by_length.get(len(form), []) if pattern.fullmatch(e.tokens[0])]

    def find(self, items: tuple[Word, ...]) -> list[Hit]:
        """All entries found in `items` (phrases first, then single words); the last results
        are memoised, since several detectors look at the same comment."""
        cached = self._memo.get(items)
        if cached is None:
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()
            cached = self._memo[items] = self._find(items)
        return cached

    def _find(self, items: tuple[Word, ...]) -> list[Hit]:
        hits: list[Hit] = []
        plain = [w for w in items if not w.joined]
        covered: set[tuple[int, str]] = set()  # (word, category) inside a phrase hit
        for i, w in enumerate(plain):
            for e in self.by_first.get(w.form, []):
                n = len(e.tokens)
                if n > 1 and tuple(x.form for x in plain[i : i + n]) == e.tokens:
                    hits.append(Hit(e, w.start, plain[i + n - 1].end, i, i + n - 1))
                    covered.update((j, e.category) for j in range(i, i + n))
        for i, w in enumerate(plain):
            hits.extend(
                Hit(e, w.start, w.end, i, i)
                for e in self._single(w)
                if (i, e.category) not in covered
            )
        for w in items:
            if w.joined:
                hits.extend(Hit(e, w.start, w.end, -1, -1) for e in self._single(w))
        return hits


@lru_cache(maxsize=1)
def shipped_entries() -> tuple[Entry, ...]:
    ref = resources.files("palabre.moderation").joinpath("lexicons", "lexique.tsv")
    out: list[Entry] = []
    for line in ref.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        form, category, score, source = line.split("\t")
        if category in CATEGORIES:
            e = _entry(form, category, float(score), source)
            if e is not None:
                out.append(e)
    return tuple(out)


def charter_lexicon(charter: Charter) -> Lexicon:
    """The shipped lexicon plus the charter's banned and suspect words (built once per charter)."""
    cached = derived(charter).get("lexicon")
    if isinstance(cached, Lexicon):
        return cached
    extra: list[Entry | None] = []
    for cat, items in charter.banned_words.items():
        extra.extend(_entry(w, cat, BANNED_SCORE, "charte") for w in items)
    for cat, items in charter.suspect_words.items():
        extra.extend(_entry(w, cat, SUSPECT_SCORE, "charte") for w in items)
    lexicon = Lexicon([*shipped_entries(), *(e for e in extra if e)], charter.allowed_words)
    derived(charter)["lexicon"] = lexicon
    return lexicon
