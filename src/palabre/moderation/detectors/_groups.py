"""An insult stuck to a word naming an ethnic, religious or sexual-orientation group
("un arabe fainéant", "musulmans enculeurs de chèvres", "juif de merde") is hate speech."""

from __future__ import annotations

from palabre.moderation.charter import Charter
from palabre.moderation.detectors._lexical import lexicon_hits
from palabre.moderation.detectors._text import Analysis
from palabre.moderation.findings import Span


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


GROUP_WORDS = _set(
    "arabe arabes noir noirs noire noires juif juifs juive juives musulman musulmans "
    "musulmane musulmanes africain africains africaine africaines rom roms gitan gitans "
    "chinois chinoise chinoises asiatique asiatiques maghrebin maghrebins rebeu rebeus "
    "renoi renois feuj feujs immigre immigres migrant migrants homo homos gay gays "
    "lesbienne lesbiennes negre negres black blacks beur beurs"
)
DISTANCE = 2


def insulted_groups(analysis: Analysis, charter: Charter) -> list[tuple[float, Span, str]]:
    plain = analysis.plain
    groups = [i for i, w in enumerate(plain) if w.form in GROUP_WORDS]
    if not groups:
        return []
    out: list[tuple[float, Span, str]] = []
    for hit in lexicon_hits(analysis, charter):
        if hit.entry.category != "insulte" or hit.first < 0 or hit.entry.score < 0.25:
            continue
        for g in groups:
            near = hit.first - DISTANCE <= g <= hit.last + DISTANCE and g not in range(
                hit.first, hit.last + 1
            )
            if near and analysis.sentence[g] == analysis.sentence[hit.first]:
                start = min(plain[g].start, hit.start)
                end = max(plain[g].end, hit.end)
                text = analysis.text[start:end]
                score = min(0.9, 0.45 + hit.entry.score * 0.6)
                out.append((score, Span(start, end, text), f"groupe injurié (« {text} »)"))
    return out
