"""Parts of a comment that language-quality checks skip: links, e-mail addresses, @mentions,
#hashtags, numbers, and quotations or runs of words in English.

A mask is a sorted tuple of (start, end) spans on the original text."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence

Spans = tuple[tuple[int, int], ...]

_SKIP = re.compile(
    r"(?:https?://|www\.)\S+"  # links
    r"|\b[\w.+-]+@[\w-]+\.[\w.-]+"  # e-mail addresses
    r"|\b(?:[\w-]+\.)+(?:com|fr|org|net|be|ch|ca|io|info|eu)(?:/\S*)?"  # bare domains
    r"|[@#][\w-]+"  # mentions, hashtags
    r"|:[a-z][\w-]*:"  # forum smiley codes (:rire:, :hap:)
    r"|\d[\d\s.,:/h%-]*\d|\d",  # numbers, dates, hours
    re.UNICODE,
)
_QUOTE = re.compile(r"«([^«»]{3,}?)»|“([^“”]{3,}?)[”\"]|\"([^\"\n]{3,}?)[\"”]|‘([^‘’]{3,}?)’")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")

_ENGLISH = """
the of and to in is was for on that with as it his he be by at you are this from have or had
not but what all were when we there can an your which their if do will each about how up out
them then she many some so these would other into has more her two like him see time could
no make than first been its who now people my made over did down only way find use may water
long little very after words called just where most know get through back much go good new
write our me man too any day same right look think also around another came come work three
word must because does part even place well such here take why things help put years
different away again off went old number great tell men say small every found still between
name should home big give air line set own under read last never us left end along while
might next sound below saw something thought both few those always looked show large often
together asked house don't world going want school important until form food keep children
feet land side without boy once animals life enough took sometimes four head above kind
began almost live page got earth need far hand high year mother light parts country father
let night following picture being study second eyes soon times story boys since white days
ever paper hard near sentence better best across during today others sure means knew it's
try told young miles sun ways thing whole hear example heard several change answer room sea
against top turned learn point city play toward five using himself usually i i'm don't
doesn't didn't can't won't isn't aren't wasn't weren't you're they're we're that's there's
what's let's i've you've should've would've yes yeah please thanks thank guess who whom
whose die dying flying remain button red blue fake news breaking fuck shit ok okay lol wow
"""
#: Frequent English words that are not French words (or rarely in French text).
ENGLISH_WORDS: frozenset[str] = frozenset(_ENGLISH.split())


def skip_spans(text: str) -> Spans:
    """Links, addresses, mentions, hashtags and numbers."""
    return tuple((m.start(), m.end()) for m in _SKIP.finditer(text))


def english_spans(text: str, is_french: Callable[[str], bool]) -> Spans:
    """Quotations mostly in English, and runs of 3+ words that look English.

    `is_french(word)` tells whether the French dictionary knows a word."""
    spans: list[tuple[int, int]] = []
    for m in _QUOTE.finditer(text):
        words = _WORD.findall(m.group(0))
        if len(words) >= 2 and _english_share(words, is_french) >= 0.5:
            spans.append((m.start(), m.end()))
    run: list[re.Match[str]] = []
    for m in _WORD.finditer(text):
        word = m.group(0)
        low = word.lower().replace("’", "'")
        if low in ENGLISH_WORDS or (run and not is_french(word)):
            run.append(m)
            continue
        _close_run(run, spans, is_french)
        run = []
    _close_run(run, spans, is_french)
    return merge(spans)


def _english_share(words: Sequence[str], is_french: Callable[[str], bool]) -> float:
    english = 0.0
    for w in words:
        low = w.lower().replace("’", "'")
        if low in ENGLISH_WORDS:
            english += 0.3 if is_french(w) else 1.0
        elif not is_french(w) and not w[:1].isupper():
            english += 0.5  # unknown lower-case word inside an English-looking quote
    return english / len(words)


def _close_run(
    run: list[re.Match[str]], spans: list[tuple[int, int]], is_french: Callable[[str], bool]
) -> None:
    if len(run) < 3:
        return
    strong = sum(
        1
        for m in run
        if m.group(0).lower().replace("’", "'") in ENGLISH_WORDS and not is_french(m.group(0))
    )
    if strong >= 2:
        spans.append((run[0].start(), run[-1].end()))


def merge(spans: Sequence[tuple[int, int]]) -> Spans:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return tuple(out)


def covered(spans: Spans, start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the (merged, sorted) spans."""
    i = bisect.bisect_right(spans, (start, 10**12)) - 1
    if i >= 0 and spans[i][1] > start:
        return True
    return i + 1 < len(spans) and spans[i + 1][0] < end
