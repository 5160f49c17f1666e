"""Text normalisation and tokenisation shared by training and inference.

The model never sees the raw comment: it sees tokens of a lower-case, accent-folded text in
which common obfuscations are undone (leetspeak `c0nn@rd`, letters spaced out `c.o.n.n.a.r.d`,
stretched letters `connnnard`). Every token keeps the character span it came from in the
ORIGINAL text, so evidence can be shown to a person exactly where it is.

Training and inference call these very functions: the features cannot drift apart. The
character folding (accents, ligatures, look-alike Cyrillic and Greek letters, invisible
characters) and the leet table are those of `palabre.moderation.normalize`, which the rule
detectors read too: one normaliser, two tokenisations of its output."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from palabre.moderation.normalize import LEET, fold_char

#: The one leet table of palabre (`moderation.normalize.LEET`); inside a token the model also
#: drops `*` (« c*nnard » is read « cnnard », a form the hashed n-grams learn).
_LEET: Final[dict[str, str]] = {**LEET, "*": ""}

_TOKEN_CHARS: Final = r"[a-z0-9@$€!|*]"
_TOKEN_RE: Final = re.compile(_TOKEN_CHARS + "+")
_EDGE_PUNCT: Final = "!|*"
_STRETCH_RE: Final = re.compile(r"(.)\1{2,}")
_VOWELS: Final = frozenset("aeiouy")
_SPLIT_SEPARATORS: Final = frozenset(" .-_*/")
#: Fewest single letters in a row, separated by one repeated separator, that make one word.
_MIN_SPLIT_LETTERS: Final = 3
#: Placeholders the datasets put for user names and links.
_MASKS: Final = frozenset({"@user", "@url", "@users", "@urls"})
#: The model looks at most at this many characters of a comment.
MAX_CHARS: Final = 5000


@dataclass(frozen=True, slots=True)
class Token:
    """A normalised word and the span `[start, end)` of the original text it comes from."""

    text: str
    start: int
    end: int


#: code point -> folded string, filled as characters are met (a `str.translate` table).
_FOLD_TABLE: dict[int, str] = {}
_FOLD_TABLE_LIMIT: Final = 65536


def fold(text: str) -> tuple[str, list[int]]:
    """Lower-case, accent-folded text and, for each of its characters, the index of the
    original character it comes from."""
    text = text[:MAX_CHARS]
    distinct = set(text)
    if len(_FOLD_TABLE) + len(distinct) > _FOLD_TABLE_LIMIT:
        return _fold_slowly(text)
    one_to_one = True
    for char in distinct:
        mapped = _FOLD_TABLE.get(ord(char))
        if mapped is None:
            mapped = _FOLD_TABLE[ord(char)] = fold_char(char)
        one_to_one = one_to_one and len(mapped) == 1
    if one_to_one:
        return text.translate(_FOLD_TABLE), list(range(len(text)))
    return _fold_slowly(text)


def _fold_slowly(text: str) -> tuple[str, list[int]]:
    pieces: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        folded = fold_char(char)
        pieces.append(folded)
        origin.extend([index] * len(folded))
    return "".join(pieces), origin


def _clean_word(raw: str) -> str:
    if raw in _MASKS:
        return ""
    word = raw.strip(_EDGE_PUNCT)
    if not word:
        return ""
    if not word.isalpha():
        letters = sum(c.isalpha() for c in word)
        if letters >= 2 and 2 * letters >= len(word):
            word = "".join(_LEET.get(c, c) for c in word)
        else:
            word = word.replace("*", "")
    return _STRETCH_RE.sub(_unstretch, word)


def _unstretch(match: re.Match[str]) -> str:
    """`abrutiiii` → `abruti`, `connnnard` → `connard`: a stretched vowel becomes one
    letter, a stretched consonant two (French doubles consonants, rarely vowels)."""
    letter = match.group(1)
    return letter if letter in _VOWELS else letter * 2


def _raw_tokens(folded: str, origin: list[int]) -> list[tuple[str, int, int, int, int]]:
    """(clean word, folded start, folded end, original start, original end) per word."""
    found: list[tuple[str, int, int, int, int]] = []
    for match in _TOKEN_RE.finditer(folded):
        word = _clean_word(match.group())
        if word:
            start, end = match.span()
            found.append((word, start, end, origin[start], origin[end - 1] + 1))
    return found


def _is_split_gap(folded: str, left_end: int, right_start: int) -> str | None:
    gap = folded[left_end:right_start]
    if len(gap) == 1 and gap in _SPLIT_SEPARATORS:
        return gap
    return None


def _merge_split_letters(folded: str, raw: list[tuple[str, int, int, int, int]]) -> list[Token]:
    """Joins `c.o.n.n.a.r.d` or `c o n n a r d` into one token."""
    tokens: list[Token] = []
    index = 0
    while index < len(raw):
        run_end = index
        separator: str | None = None
        while (
            run_end + 1 < len(raw) and len(raw[run_end][0]) == 1 and len(raw[run_end + 1][0]) == 1
        ):
            gap = _is_split_gap(folded, raw[run_end][2], raw[run_end + 1][1])
            if gap is None or (separator is not None and gap != separator):
                break
            separator = gap
            run_end += 1
        if run_end - index + 1 >= _MIN_SPLIT_LETTERS:
            word = "".join(item[0] for item in raw[index : run_end + 1])
            tokens.append(Token(word, raw[index][3], raw[run_end][4]))
            index = run_end + 1
            continue
        word, _, _, start, end = raw[index]
        tokens.append(Token(word, start, end))
        index += 1
    return tokens


#: Links and @mentions carry no meaning for the charter: they are blanked (same length, so
#: spans stay exact) before anything else, and never become features or evidence.
_LINK_OR_MENTION: Final = re.compile(
    r"(?:https?://|www\.)\S+|(?<![\w@])@[\w.-]+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|fr|org|net|be|ch|ca|io|info)"
    r"(?:/\S*)?",
    re.IGNORECASE,
)


def blank_links_and_mentions(text: str) -> str:
    """`text` with every link and @mention replaced by spaces of the same length."""
    return _LINK_OR_MENTION.sub(lambda m: " " * len(m.group()), text)


def tokenise(text: str) -> list[Token]:
    """Normalised tokens of `text`, each with its span in `text`."""
    folded, origin = fold(blank_links_and_mentions(text))
    return _merge_split_letters(folded, _raw_tokens(folded, origin))
