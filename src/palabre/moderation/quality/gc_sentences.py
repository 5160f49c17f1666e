"""Grammalecte's sentence pass, memoised sentence by sentence (adapted from
`grammalecte.fr.gc_engine.TextParser.parse`, GPL-3.0, Grammalecte 2.1.2).

Grammalecte checks a paragraph in two passes: paragraph rules (regular expressions over the
whole paragraph), then, sentence by sentence, the sentence rules and the rule graphs, which
are most of the time. The sentence pass of one sentence reads only:

- the sentence (after the paragraph pass's rewriting) and the same span of the original text;
- the options;
- the tags set by the previous sentences of the paragraph (`dTags`, token ranges that carry
  over), which Grammalecte reads only with `tag in dTags` and `dTags[tag]` (`g_tagbefore`,
  `g_tagafter`, the tagging action);
- which positions inside its span already hold an error (from the paragraph pass) and their
  priorities, which decide whether a sentence error replaces them;

and it writes only errors inside its span (new, replaced or removed: « immunity ») and tags.
So the same sentence given the same inputs has the same effect, wherever it sits.

`SentencePass.parse` stands for `TextParser.parse` in palabre's own `TextParser` subclass
(`grammalecte_checker.py`): nothing of Grammalecte's is replaced. While a sentence is parsed,
its `dTags` is a `_Tags`, a dict that notes the value each tag had (its range, or none) when
the sentence first read or wrote it. The sentence's effect (the errors it set, with offsets
relative to the sentence, the positions it cleared, the final range of each tag it saw) is
kept in a bounded LRU, keyed by the sentence, the options and the prior errors, under the tag
values it read. Where the sentence comes back (a comment checked again after an edit, a
quotation, a repeated sentence) and every tag it read has the same value, the effect is
replayed instead of parsing. A test compares it with Grammalecte's own pass on paragraphs made
of sentences moved, repeated and edited."""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

#: What a sentence read of the carried-over tags: each tag's range (None: absent) at first use.
_Seen = tuple[tuple[str, tuple[int, int] | None], ...]
#: The effect of one sentence: the errors it set (offsets relative to the sentence), the
#: positions (relative) it cleared, the priorities it set, the final range of each tag it saw.
_Effect = tuple[
    tuple[tuple[int, dict[str, Any]], ...],
    tuple[int, ...],
    tuple[tuple[int, int], ...],
    _Seen,
]
#: Variants kept per sentence (the same sentence after different tags).
VARIANTS = 4


def _range(span: list[int] | None) -> tuple[int, int] | None:
    return (span[0], span[1]) if span is not None else None


class _Tags(dict[str, list[int]]):
    """Grammalecte's `dTags` while one sentence is parsed: notes the value each tag had when the
    sentence first used it (Grammalecte uses `in`, `[]` and `[] =` only; `get` is noted too)."""

    def __init__(self, tags: dict[str, list[int]]) -> None:
        super().__init__(tags)
        self.seen: dict[str, tuple[int, int] | None] = {}

    def _see(self, tag: object) -> None:
        if isinstance(tag, str) and tag not in self.seen:
            self.seen[tag] = _range(dict.get(self, tag))

    def __contains__(self, tag: object) -> bool:
        self._see(tag)
        return dict.__contains__(self, tag)

    def __getitem__(self, tag: str) -> list[int]:
        self._see(tag)
        return dict.__getitem__(self, tag)

    def __setitem__(self, tag: str, span: list[int]) -> None:
        self._see(tag)
        dict.__setitem__(self, tag, span)

    def get(self, tag: str, default: Any = None) -> Any:
        self._see(tag)
        return dict.get(self, tag, default)


def _holds(tags: dict[str, list[int]], seen: _Seen) -> bool:
    """Whether every tag a sentence read has the same value now."""
    return all(_range(tags.get(tag)) == span for tag, span in seen)


def _shifted(error: dict[str, Any], by: int) -> dict[str, Any]:
    moved = dict(error)
    moved["nStart"] = error["nStart"] + by
    moved["nEnd"] = error["nEnd"] + by
    if isinstance(error.get("aSuggestions"), list):
        moved["aSuggestions"] = list(error["aSuggestions"])
    return moved


class SentencePass:
    """The sentence pass of Grammalecte's `TextParser.parse`, memoised (`size` sentences at
    most), for palabre's `TextParser` subclass; one parse at a time."""

    def __init__(self, gc_engine: Any, text_module: Any, size: int) -> None:
        self._gc = gc_engine
        self._text = text_module
        self._size = size
        self._lock = threading.RLock()
        self.memo: OrderedDict[tuple[Any, ...], list[tuple[_Seen, _Effect]]] = OrderedDict()
        self.replayed = 0

    def parse(self, parser: Any, sCountry: str, dOptions: dict[str, bool] | None) -> Any:
        """What `TextParser.parse(parser, sCountry, False, dOptions)` returns."""
        with self._lock:
            return self._parse(parser, sCountry, dOptions)

    def _parse(self, parser: Any, sCountry: str, dOptions: dict[str, bool] | None) -> Any:
        gc = self._gc
        dOpt = dOptions or gc.gc_options.dOptions
        bShowRuleId = gc.gc_options.dOptions.get("idrule", False)
        parser.parseText(
            parser.sText, parser.sText0, True, 0, sCountry, dOpt, bShowRuleId, False, False
        )
        options = tuple(sorted(dOpt.items()))
        sText = parser._getCleanText()
        for iStart, iEnd in self._text.getSentenceBoundaries(sText):
            if not 4 < (iEnd - iStart) < 2000:
                continue
            sentence, sentence0 = sText[iStart:iEnd], parser.sText0[iStart:iEnd]
            before = {p: e for p, e in parser.dError.items() if iStart <= p < iEnd}
            ranks = {p: n for p, n in parser.dErrorPriority.items() if iStart <= p < iEnd}
            prior = tuple(sorted((p - iStart, ranks.get(p, -1)) for p in before))
            key = (sentence, sentence0, options, prior)
            variants = self.memo.get(key)
            if variants is not None:
                hit = next((e for seen, e in variants if _holds(parser.dTags, seen)), None)
                if hit is not None:
                    self.memo.move_to_end(key)
                    self.replayed += 1
                    _replay(parser, hit, iStart)
                    continue
            tags = _Tags(parser.dTags)
            parser.dTags = tags
            parser.sSentence = sentence
            parser.sSentence0 = sentence0
            parser.nOffsetWithinParagraph = iStart
            parser.lTokens = list(gc._oTokenizer.genTokens(sentence, True))
            parser.dTokenPos = {t["nStart"]: t for t in parser.lTokens if t["sType"] != "INFO"}
            try:
                parser.parseText(
                    sentence, sentence0, False, iStart, sCountry, dOpt, bShowRuleId, False, False
                )
            finally:
                parser.dTags = dict(tags)
            seen = tuple(tags.seen.items())
            effect = _effect(parser, iStart, iEnd, before, ranks, seen)
            variants = self.memo.setdefault(key, [])
            variants.insert(0, (seen, effect))
            del variants[VARIANTS:]
            self.memo.move_to_end(key)
            if len(self.memo) > self._size:
                self.memo.popitem(last=False)
        return parser.dError.values()


def _effect(
    parser: Any,
    start: int,
    end: int,
    before: dict[int, dict[str, Any]],
    ranks: dict[int, int],
    seen: _Seen,
) -> _Effect:
    errors = tuple(
        (p - start, _shifted(e, -start))
        for p, e in parser.dError.items()
        if start <= p < end and before.get(p) is not e
    )
    cleared = tuple(p - start for p in before if p not in parser.dError)
    priorities = tuple(
        (p - start, n)
        for p, n in parser.dErrorPriority.items()
        if start <= p < end and ranks.get(p) != n
    )
    tags = tuple((tag, _range(parser.dTags.get(tag))) for tag, _ in seen)
    return errors, cleared, priorities, tags


def _replay(parser: Any, effect: _Effect, start: int) -> None:
    errors, cleared, priorities, tags = effect
    for rel in cleared:
        del parser.dError[start + rel]
    for rel, error in errors:
        parser.dError[start + rel] = _shifted(error, start)
    for rel, n in priorities:
        parser.dErrorPriority[start + rel] = n
    for tag, span in tags:
        if span is not None:
            parser.dTags[tag] = [span[0], span[1]]
