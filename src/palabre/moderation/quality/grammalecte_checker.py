"""A lazy, cached, thread-safe wrapper around Grammalecte (GPL-3.0, Debian package 2.1.2).

Nothing is loaded at import: the first `check_paragraph()` (or `spell_checker()`) loads the
dictionary and the rules (~0.1 s, then ~0.3 s to compile the rules on the first parse),
once per process, under a lock.

Speed (see docs/language-quality.md):
- results are cached per paragraph and option set (LRU), so a comment checked by the widget
  and then posted is parsed once, and quoted paragraphs are parsed once per thread;
- Grammalecte's rule-graph matcher `TextParser._getMatches` is overridden, in a `TextParser`
  subclass that palabre instantiates itself, by an equivalent, faster one
  (`quality/gc_matcher.py`, which compiles each pattern once). Results are unchanged
  (compared on 4,000 Grammalecte test sentences and 400 comments; a test compares them too);
- `TextParser.parseGraph`, the walk of each rule graph over a sentence's tokens, is overridden
  in the same subclass by an equivalent (`quality/gc_graph.py`): the matcher is pure for a
  given token (value, type, morphologies, tags) and graph node, so where every node leads for
  a token is memoised (two bounded generations of tokens per graph; it replaced a memo of the
  roots alone inside the matcher), in a compact form that the garbage collector does not keep
  scanning; same pointers, same rules executed in the same order (a test compares it with
  Grammalecte's own walk);
- the sentence pass of `TextParser.parse` is overridden in the same subclass by one that
  memoises it sentence by sentence (`quality/gc_sentences.py`, 8,192 sentences): a sentence
  that comes back with the same options, prior errors and values of the tags it reads has its
  effect replayed, not parsed (a test compares it with Grammalecte's own pass);
- nothing in Grammalecte's modules is replaced. An unbounded cache of compiled patterns used
  to stand for `re` inside them (`re` keeps 512 patterns); since the matcher compiles its own
  patterns its gain is within this machine's noise (20 unseen comments: 50-65 ms with or
  without it; 1,000 suite sentences: median 1.68 s without, 1.65 s with; interleaved, 4 runs
  each, same findings), so it was dropped;
- spelling suggestions are never computed while parsing; `suggest()` (slow: 5-75 ms a word) is
  there for an explicit request, and the detectors use the cheap DAWG walks of
  `palabre.moderation.quality.dawg` instead.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

#: Grammalecte options that are typography, not language: always off.
TYPOGRAPHY_OPTIONS: frozenset[str] = frozenset(
    {
        "typo",
        "apos",
        "esp",
        "tab",
        "nbsp",
        "num",
        "unit",
        "nf",
        "liga",
        "chim",
        "eepi",
        "mapos",
        "ocr",
        "html",
        "latex",
        "poncfin",
        "idrule",
        "redon1",
        "redon2",
        "mc",
        "neg",
    }
)
_GRAPH_MEMO_GENERATION = 20_000  # tokens per rule graph (quality/gc_graph.py)
_PARAGRAPH_CACHE_SIZE = 4096
_SENTENCE_MEMO_SIZE = 8192  # sentences whose pass is replayed (quality/gc_sentences.py)
_STORAGE_LIMIT = 200_000  # words whose morphologies Grammalecte keeps
_VALID_WORDS = 200_000  # words whose validity palabre keeps


@dataclass(frozen=True, slots=True)
class GrammarError:
    """One Grammalecte grammar error; offsets are relative to the paragraph given."""

    start: int
    end: int
    rule_id: str
    option: str
    message: str
    suggestions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class UnknownWord:
    """A word token the dictionary does not know; offsets relative to the paragraph."""

    start: int
    end: int
    word: str


@dataclass(frozen=True, slots=True)
class ParagraphResult:
    grammar: tuple[GrammarError, ...]
    unknown: tuple[UnknownWord, ...]


class GrammalecteChecker:
    """Loads Grammalecte on first use; every public method is thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._gc: Any = None
        self._parser: Any = None
        self._cache: OrderedDict[tuple[str, tuple[tuple[str, bool], ...]], ParagraphResult]
        self._cache = OrderedDict()
        #: word → whether the dictionary knows it (`SpellChecker.isValidToken`, which reads only
        #: the dictionaries, loaded once)
        self._valid: dict[str, bool] = {}

    # -- loading -----------------------------------------------------------------------
    def _engine(self) -> Any:
        if self._gc is None:
            with self._lock:
                if self._gc is None:
                    import grammalecte

                    checker = grammalecte.GrammarChecker("fr")
                    self._parser = _text_parser_class()
                    self._gc = checker
        return self._gc

    @property
    def loaded(self) -> bool:
        return self._gc is not None

    def spell_checker(self) -> Any:
        """Grammalecte's `SpellChecker` (graphspell), loading it if needed."""
        return self._engine().getSpellChecker()

    def default_options(self) -> dict[str, bool]:
        return dict(self._engine().gce.getDefaultOptions())

    def options_for(self, overrides: Mapping[str, bool]) -> dict[str, bool]:
        """Grammalecte's defaults, typography off, then `overrides`."""
        opts = self.default_options()
        for name in TYPOGRAPHY_OPTIONS:
            if name in opts:
                opts[name] = False
        opts.update(overrides)
        return opts

    # -- checking ----------------------------------------------------------------------
    def check_paragraph(self, paragraph: str, options: Mapping[str, bool]) -> ParagraphResult:
        """Grammar errors and unknown words of one paragraph (no newline inside)."""
        key = (paragraph, tuple(sorted(options.items())))
        with self._lock:
            hit = self._cache.get(key)
            if hit is not None:
                self._cache.move_to_end(key)
                return hit
            result = self._parse(paragraph, dict(options))
            self._cache[key] = result
            if len(self._cache) > _PARAGRAPH_CACHE_SIZE:
                self._cache.popitem(last=False)
            return result

    def _parse(self, paragraph: str, options: dict[str, bool]) -> ParagraphResult:
        gc = self._engine()
        spell = gc.getSpellChecker()
        if len(spell._dMorphologies) > _STORAGE_LIMIT:  # Grammalecte keeps every word seen
            spell.clearStorage()
        grammar = tuple(
            GrammarError(
                start=int(e["nStart"]),
                end=int(e["nEnd"]),
                rule_id=str(e["sRuleId"]),
                option=str(e["sType"]),
                message=str(e["sMessage"]),
                suggestions=tuple(str(s) for s in e.get("aSuggestions") or ()),
            )
            for e in self._parser(paragraph).parse("FR", dOptions=options)
        )
        # what `spell.parseParagraph(paragraph, False)` gives, each word's validity kept
        valid = self._valid
        if len(valid) > _VALID_WORDS:
            valid.clear()
        unknown: list[UnknownWord] = []
        for t in spell.getTokenizer().genTokens(paragraph):
            if t["sType"] != "WORD":
                continue
            word = t["sValue"]
            known = valid.get(word)
            if known is None:
                known = valid[word] = bool(spell.isValidToken(word))
            if not known:
                unknown.append(UnknownWord(int(t["nStart"]), int(t["nEnd"]), str(word)))
        return ParagraphResult(tuple(sorted(grammar, key=lambda g: g.start)), tuple(unknown))

    def is_valid(self, word: str) -> bool:
        with self._lock:
            return bool(self.spell_checker().isValid(word))

    def morph(self, word: str) -> list[str]:
        """Grammalecte morphologies of `word` (e.g. ">jouer/:V1_itnq__a:Ip:Sp:1s:3s/*")."""
        with self._lock:
            return [str(m) for m in self.spell_checker().getMorph(word)]

    def homophones(self, word: str) -> list[str]:
        """Words that sound like `word` (Grammalecte's phonet table)."""
        from grammalecte.fr import phonet

        low = word.lower()
        return [str(w) for w in phonet.getSimil(low)] if phonet.hasSimil(low) else []

    def suggest(self, word: str, limit: int = 8) -> tuple[str, ...]:
        """Grammalecte's own suggestions. Slow (5-75 ms a word): not for the hot path."""
        return _suggest_cached(self, word, limit)

    def clear_cache(self) -> None:
        with self._lock:
            self._cache.clear()


@lru_cache(maxsize=2048)
def _suggest_cached(checker: GrammalecteChecker, word: str, limit: int) -> tuple[str, ...]:
    with checker._lock:
        out: list[str] = []
        for group in checker.spell_checker().suggest(word, limit):
            out.extend(str(s) for s in group)
        return tuple(dict.fromkeys(out))[:limit]


def iter_paragraphs(text: str) -> Iterator[tuple[int, str]]:
    """(offset, paragraph) for each line of `text` that holds something."""
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            yield offset, line
        offset += len(line) + 1


def _text_parser_class() -> type:
    """Grammalecte's `TextParser` with the faster, memoising rule-graph matcher of
    `palabre.moderation.quality.gc_matcher`: a subclass that palabre owns and instantiates itself
    (what `gc_engine.parse()` does with Grammalecte's own class), so Grammalecte's modules are
    used as they are and nothing in them is replaced."""
    from grammalecte.fr import gc_engine

    from palabre.moderation.quality.gc_graph import make_parse_graph
    from palabre.moderation.quality.gc_matcher import make_get_matches
    from palabre.moderation.quality.gc_sentences import SentencePass

    sentences = SentencePass(gc_engine, gc_engine.text, _SENTENCE_MEMO_SIZE)

    class MemoisingTextParser(gc_engine.TextParser):  # type: ignore[misc]
        """The parser of one paragraph; `_getMatches`, which `parseGraph` calls for every
        token and graph node, is palabre's, and so is `parse`, whose sentence pass is
        memoised sentence by sentence (`quality/gc_sentences.py`; debugging, context and
        full-information calls are Grammalecte's own)."""

        _getMatches = make_get_matches(gc_engine)
        parseGraph = make_parse_graph(gc_engine, _GRAPH_MEMO_GENERATION)
        sentence_pass = sentences

        def parse(
            self,
            sCountry: str = "FR",
            bDebug: bool = False,
            dOptions: dict[str, bool] | None = None,
            bContext: bool = False,
            bFullInfo: bool = False,
        ) -> Any:
            if bDebug or bContext or bFullInfo:
                return super().parse(sCountry, bDebug, dOptions, bContext, bFullInfo)
            return sentences.parse(self, sCountry, dOptions)

    return MemoisingTextParser


_CHECKER: list[GrammalecteChecker] = []
_CHECKER_LOCK = threading.Lock()


def get_checker() -> GrammalecteChecker:
    """The process-wide checker (created on first call, loaded on first check)."""
    if not _CHECKER:
        with _CHECKER_LOCK:
            if not _CHECKER:
                _CHECKER.append(GrammalecteChecker())
    return _CHECKER[0]
