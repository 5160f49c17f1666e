"""Insults: lexicon words and phrases (normalised, lemmatised, de-obfuscated), scored higher
when aimed at a person or group and lower when negated or quoted."""

from __future__ import annotations

from palabre.moderation.charter import Charter
from palabre.moderation.detectors._lexical import aggregate, scored_hits
from palabre.moderation.detectors._text import analyse
from palabre.moderation.findings import Category, CheckContext, DetectorOutput


class InsultDetector:
    name = "insultes"
    categories: tuple[Category, ...] = ("insulte",)

    def detect(self, text: str, context: CheckContext, charter: Charter) -> DetectorOutput:
        hits = scored_hits(analyse(text), charter, "insulte")
        finding = aggregate(hits, "insulte", self.name, "Injure ou terme méprisant")
        return DetectorOutput(findings=(finding,) if finding else ())
