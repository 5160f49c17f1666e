"""Profanity and obscenity (grossièretés): lexicon words, ambiguous ones at a low score."""

from __future__ import annotations

from palabre.moderation.charter import Charter
from palabre.moderation.detectors._lexical import aggregate, scored_hits
from palabre.moderation.detectors._text import analyse
from palabre.moderation.findings import Category, CheckContext, DetectorOutput


class ProfanityDetector:
    name = "grossieretes"
    categories: tuple[Category, ...] = ("grossierete",)

    def detect(self, text: str, context: CheckContext, charter: Charter) -> DetectorOutput:
        hits = scored_hits(analyse(text), charter, "grossierete")
        finding = aggregate(hits, "grossierete", self.name, "Grossièreté ou obscénité")
        return DetectorOutput(findings=(finding,) if finding else ())
