"""A clause with a subject and no verb, whose word after the subject sounds like (or is one
letter away from) the verb the writer meant: "le grand théâtre continu." (continue),
"et le temps jour pour les Russes" (joue). Grammalecte does not catch these, because each
word exists and the words agree.

Only clauses that start with a determiner followed by nouns/adjectives, contain no
conjugated verb, and end with punctuation (not a heading line) are considered, and only the
first word after the noun group is tried: a homophone that is a 3rd-person present verb, or,
for a noun, a dictionary word one edit away that is one."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from palabre.moderation.quality.issues import Issue

_SEPARATOR = re.compile(
    r"[,;:.!?…()«»\"“”\n]|\b(?:et|mais|ou|donc|or|ni|car|qui|que|qu[’']|dont|où|quand|si|"
    r"comme|puisque|lorsque|parce)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+(?:[’'](?=\w))?")
_SINGULAR = {
    "le",
    "la",
    "l’",
    "l'",
    "un",
    "une",
    "ce",
    "cet",
    "cette",
    "mon",
    "ma",
    "ton",
    "ta",
    "son",
    "sa",
    "notre",
    "votre",
    "leur",
}
_PLURAL = {"les", "des", "ces", "mes", "tes", "ses", "nos", "vos", "leurs"}
_FINITE = re.compile(r":V.*:(?:Ip|Iq|Is|If|K|S|E)")
_PREPOSITIONS = {
    "pour",
    "à",
    "au",
    "aux",
    "de",
    "du",
    "des",
    "en",
    "dans",
    "sur",
    "avec",
    "contre",
    "chez",
    "vers",
    "par",
    "sans",
    "sous",
    "entre",
}
_AZERTY: dict[str, str] = {}


def _load_keyboard() -> None:
    if not _AZERTY:
        from grammalecte.graphspell.keyboard_chars_proximity import getKeyboardMap

        _AZERTY.update(getKeyboardMap("azerty"))


def verbless_issues(
    text: str,
    morph: Callable[[str], list[str]],
    similar: Callable[[str], list[str]],
) -> list[Issue]:
    """`morph(word)` gives Grammalecte morphologies, `similar(word)` its homophones."""
    _load_keyboard()
    issues: list[Issue] = []
    bounds = [0, *(m.end() for m in _SEPARATOR.finditer(text)), len(text)]
    for start, end in itertools.pairwise(bounds):
        if not _punctuated(text, end):
            continue
        issue = _check_clause(text, start, end, morph, similar)
        if issue is not None:
            issues.append(issue)
    return issues


def _punctuated(text: str, end: int) -> bool:
    """The clause is followed by more words or punctuation on its line (not a heading)."""
    line_end = text.find("\n", end)
    rest = text[end - 1 : line_end if line_end >= 0 else len(text)]
    return bool(re.search(r"[\w.!?…]", rest.strip()))


def _check_clause(
    text: str,
    start: int,
    end: int,
    morph: Callable[[str], list[str]],
    similar: Callable[[str], list[str]],
) -> Issue | None:
    words = [(m.start() + start, m.group(0)) for m in _WORD.finditer(text[start:end])]
    if len(words) < 3 or words[0][1].lower() not in _SINGULAR | _PLURAL:
        return None
    morphs = [morph(w) if w.isalpha() else [":X"] for _, w in words]
    if any(_FINITE.search(m) for ms in morphs for m in ms):
        return None
    person = ":3p" if words[0][1].lower() in _PLURAL else ":3s"
    for j in range(2, len(words)):
        if not all(_nominal(m) for m in morphs[1:j]):
            return None
        pos, word = words[j]
        following = words[j + 1][1].lower() if j + 1 < len(words) else ""
        verbs: tuple[str, ...] = ()
        if _only(morphs[j], ":A", ":N"):
            # "le grand théâtre continu." → continue
            verbs = _verbs(
                [w for w in similar(word) if w != word and w.startswith(word)], person, morph
            )
        elif (
            j == 2
            and _only(morphs[j], ":N", ":A")
            and _only(morphs[1], ":N", ":A")
            and (following in _PREPOSITIONS)
        ):
            # "le temps jour pour les Russes" → joue (r and e are neighbours on a keyboard)
            verbs = _verbs(_keyboard_slips(word), person, morph)
        if verbs:
            return Issue(
                pos,
                pos + len(word),
                word,
                "grammaire",
                f"Phrase sans verbe : « {word} » est peut-être le verbe « {verbs[0]} ».",
                verbs,
                "palabre_sans_verbe",
            )
    return None


def _nominal(morphs: list[str]) -> bool:
    """A noun or adjective, or an unknown (probably misspelled) word."""
    return all(":N" in m or ":A" in m for m in morphs)


def _only(morphs: list[str], tag: str, not_tag: str) -> bool:
    """Every morphology has `tag`, none has `not_tag` nor is a past participle."""
    return bool(morphs) and all(tag in m and not_tag not in m and ":Q" not in m for m in morphs)


def _verbs(
    candidates: list[str], person: str, morph: Callable[[str], list[str]]
) -> tuple[str, ...]:
    found = [w for w in candidates if any(re.search(":V.*:Ip.*" + person, m) for m in morph(w))]
    return tuple(dict.fromkeys(found))[:3]


def _keyboard_slips(word: str) -> list[str]:
    """Words with one letter replaced by a neighbouring key (AZERTY)."""
    return [word[:i] + k + word[i + 1 :] for i, ch in enumerate(word) for k in _AZERTY.get(ch, "")]
