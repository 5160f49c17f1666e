"""Text normaliser for matching, with a map back to the ORIGINAL offsets.

`fold(text)` lowercases, applies NFKC, removes zero-width and bidi controls, strips accents,
folds Cyrillic/Greek look-alikes and typographic apostrophes; each folded character remembers
the original span it came from, so evidence found in the folded text is reported on the
original (`Folded.span`). `words(text)` cuts the folded text into word tokens, decodes
leetspeak inside words that also contain letters (c0nn@rd → connard), keeps `*` inside a word
as a wildcard (p*tain) and joins spaced-out letters (c o n n a r d, c.o.n.n.a.r.d) into
candidate tokens. `squeeze()` collapses repeated letters (connaaard → conard) for comparison
against lexicons squeezed the same way."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Cyrillic and Greek letters that look like Latin ones (lower case, after casefold).
HOMOGLYPHS: dict[str, str] = {
    "а": "a",
    "в": "b",
    "е": "e",
    "ё": "e",
    "к": "k",
    "м": "m",
    "н": "h",
    "о": "o",
    "р": "p",
    "с": "c",
    "т": "t",
    "у": "y",
    "х": "x",
    "і": "i",
    "ї": "i",
    "ј": "j",
    "ѕ": "s",
    "ԁ": "d",
    "ɡ": "g",
    "α": "a",
    "β": "b",
    "ε": "e",
    "η": "n",
    "ι": "i",
    "κ": "k",
    "ν": "v",
    "ο": "o",
    "ρ": "p",
    "τ": "t",
    "υ": "u",
    "χ": "x",
    "ω": "w",
    "ϲ": "c",
    "ℓ": "l",
    # typographic apostrophes fold to the ASCII one (qu’il → qu'il)
    "’": "'",
    "‘": "'",
    "ʼ": "'",
    "`": "'",
    "´": "'",
}
#: Ligatures that Unicode does not decompose: « cœur » is read as « coeur ».
LIGATURES: dict[str, str] = {"œ": "oe", "æ": "ae", "ß": "ss"}
LEET: dict[str, str] = {
    "0": "o",
    "1": "i",
    "3": "e",
    "4": "a",
    "@": "a",
    "5": "s",
    "$": "s",
    "7": "t",
    "8": "b",
    "€": "e",
    "!": "i",
    "|": "l",
}
_INVISIBLE = {"Cf", "Mn", "Me", "Cc"}
_KEEP_CONTROLS = {"\n", "\t", "\r"}
# A word: letters, possibly with leet characters, inner hyphens/apostrophes excluded.
_LEET_IN = r"(?:[a-z0-9@$€]|[!|*](?=[!|*]*[a-z0-9@$€]))"
_WORD = re.compile(rf"{_LEET_IN}*[a-z]{_LEET_IN}*")
MAX_JOINED = 30  # longer runs of single letters are not a hidden word
_RUN = re.compile(r"(.)\1{2,}")
_ANY_REPEAT = re.compile(r"(.)\1+")
_SPACED = re.compile(r"\b[a-z](?:[ .\-_*/+]{1,2}[a-z]\b){2,}")


@lru_cache(maxsize=4096)
def fold_char(char: str) -> str:
    """The folded form of one character ('' for invisible ones)."""
    if char in _KEEP_CONTROLS:
        return char
    out = []
    for c in unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", char).casefold()):
        if unicodedata.category(c) in _INVISIBLE:
            continue
        out.append(LIGATURES.get(c) or HOMOGLYPHS.get(c, c))
    return unicodedata.normalize("NFC", "".join(out))


@dataclass(frozen=True, slots=True)
class Folded:
    """`text` is the folded text; `starts[i]`/`ends[i]` the original span of folded char i."""

    original: str
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of the folded slice [start, end) (end > start)."""
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else len(self.original)
            return pos, pos
        return self.starts[start], self.ends[end - 1]


def fold(text: str) -> Folded:
    """Folds `text`, keeping the map to original offsets."""
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for i, char in enumerate(text):
        piece = char if char.isascii() and not char.isupper() else fold_char(char)
        for c in piece:
            pieces.append(c)
            starts.append(i)
            ends.append(i + 1)
    return Folded(text, "".join(pieces), tuple(starts), tuple(ends))


def unleet(word: str) -> str:
    """Decodes leetspeak in a word that contains letters (digit-only words are kept)."""
    if not any(c.isalpha() for c in word):
        return word
    return "".join(LEET.get(c, c) for c in word)


def squeeze(word: str) -> str:
    """Collapses every run of a repeated character to one (connaaard, connard → conard)."""
    return _ANY_REPEAT.sub(r"\1", word)


def has_stretch(word: str) -> bool:
    """True if a character is repeated 3 times or more (connaaard)."""
    return _RUN.search(word) is not None


def normalize(text: str) -> str:
    """The folded text with leetspeak decoded inside words (for display and tests)."""
    folded = fold(text).text
    return _WORD.sub(lambda m: unleet(m.group(0)), folded)


@dataclass(frozen=True, slots=True)
class Word:
    """A token: `form` is folded and de-leeted; `start`/`end` index the ORIGINAL text;
    `raw` is the folded form before leet decoding; `joined` marks spaced-out letters."""

    form: str
    start: int
    end: int
    raw: str
    joined: bool = False


def words(folded: Folded) -> tuple[Word, ...]:
    """Word tokens of a folded text, plus joined spaced-out letters (c o n n a r d)."""
    out: list[Word] = []
    for m in _WORD.finditer(folded.text):
        start, end = folded.span(m.start(), m.end())
        out.append(Word(unleet(m.group(0)), start, end, m.group(0)))
    for m in _SPACED.finditer(folded.text):
        letters = "".join(c for c in m.group(0) if c.isalpha())
        if len(letters) > MAX_JOINED:
            continue
        start, end = folded.span(m.start(), m.end())
        out.append(Word(letters, start, end, letters, joined=True))
    return tuple(out)
