"""Context cues around a lexicon hit: is it aimed at someone, negated, quoted?

Scores move with the cues: an insult aimed at a person or a group ("espèce de", "bande de",
"cette vieille …", "(connard)", "t'es un …") scores higher; a negated one ("ce n'est pas un
imbécile") or one quoted from someone else (« … », "…") scores lower."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from palabre.moderation import regex_cache
from palabre.moderation.detectors._lexicon import Hit
from palabre.moderation.detectors._speech import reported
from palabre.moderation.detectors._text import Analysis
from palabre.moderation.figurative import PEST_WORDS

STRONG_TARGET = 0.3  # espèce de, bande de, sale, vieille…
WEAK_TARGET = 0.2  # ce, cette, ton, l'autre, t'es un, (connard), connard !
NEGATION_FACTOR = 0.35
QUOTE_FACTOR = 0.5
REPORTED_FACTOR = 0.5
MAX_SCORE = 0.98


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_STRONG = _set(
    "espece bande tas race sale sales pauvre pauvres gros grosse grosses vieux vieil vieille "
    "vieilles sombre triple sacre sacree bougre"
)
_WEAK = _set("petit petite ce cet cette ces ton ta tes votre vos quel quelle quels quelles autre")
_COPULA = frozenset(["es", "est", "etes", "etre", "suis", "sont", "sois", "soyez"])
_ARTICLE = frozenset(["un", "une", "des", "d", "de"])
_NEGATION = frozenset(["pas", "jamais", "point", "ni"])


@dataclass(frozen=True, slots=True)
class Cues:
    target: float  # bonus for an insult aimed at someone (0 when not aimed)
    negated: bool
    quoted: bool
    reported: bool = False  # said by someone else, or condemned, in the same sentence

    def adjust(self, score: float) -> float:
        score += self.target
        if self.negated:
            score *= NEGATION_FACTOR
        if self.quoted:
            score *= QUOTE_FACTOR
        if self.reported:
            score *= REPORTED_FACTOR
        return min(score, MAX_SCORE)

    def describe(self) -> str:
        parts = []
        if self.target:
            parts.append("visant une personne ou un groupe")
        if self.negated:
            parts.append("sous une négation")
        if self.quoted:
            parts.append("entre guillemets (propos rapportés)")
        if self.reported:
            parts.append("rapporté ou dénoncé par l’auteur")
        return ", ".join(parts)


def _before(analysis: Analysis, index: int, size: int) -> list[str]:
    """Up to `size` word forms before word `index`, within the same sentence."""
    sentence = analysis.sentence[index]
    start = max(0, index - size)
    return [analysis.plain[j].form for j in range(start, index) if analysis.sentence[j] == sentence]


def _target(analysis: Analysis, hit: Hit) -> float:
    if hit.first < 0:  # spaced-out letters: deliberate obfuscation, treated as aimed
        return STRONG_TARGET
    before = _before(analysis, hit.first, 3)
    if any(f in _STRONG for f in before):
        return STRONG_TARGET
    if any(f in _WEAK for f in before):
        return WEAK_TARGET
    if any(a in _COPULA and b in _ARTICLE for a, b in itertools.pairwise(before)):
        return WEAK_TARGET
    left = analysis.text[: hit.start].rstrip()
    right = analysis.text[hit.end :].lstrip()
    if (left.endswith("(") and right.startswith(")")) or right.startswith("!"):
        return WEAK_TARGET
    return WEAK_TARGET if not left and right.startswith(",") else 0.0


#: A sentence about pests: their names (`figurative.PEST_WORDS`) or where one fights them.
_PEST_CONTEXT = regex_cache.compile(
    r"\b(?:derat\w*|desinsect\w*|grenier|cave|cuisine|jardin|potager|insecticides?|pieges?|"
    rf"logiciels?|informatique|vers|{PEST_WORDS})\b"
)


def _about_pests(analysis: Analysis, hit: Hit) -> bool:
    """An animal word used of real animals or pests (« la vermine a envahi le grenier »)."""
    sentence = analysis.sentence[hit.first] if hit.first >= 0 else -1
    words = [w.form for i, w in enumerate(analysis.plain) if analysis.sentence[i] == sentence]
    return sentence >= 0 and _PEST_CONTEXT.search(" ".join(words)) is not None


def cues_for(analysis: Analysis, hit: Hit, aimed: bool = True) -> Cues:
    """Cues for `hit`; `aimed=False` ignores targeting (profanity is not aimed)."""
    target = _target(analysis, hit) if aimed else 0.0
    quoted = analysis.in_quotes(hit.start, hit.end)
    if aimed and _about_pests(analysis, hit):
        return Cues(target=0.0, negated=True, quoted=quoted)
    speech = reported(analysis.text, hit.start, hit.end)
    negated = hit.first >= 0 and any(f in _NEGATION for f in _before(analysis, hit.first, 4))
    return Cues(target=target, negated=negated, quoted=quoted, reported=speech)
