"""Spam: links (how many, shorteners), the same text posted again by the same author, runs of
repeated characters or words, and advertising phrases. Flooding (many messages in a short time)
is not spam: the comments service asks the author to wait (`trop_de_messages`)."""

from __future__ import annotations

import re

from palabre.moderation.charter import Charter
from palabre.moderation.detectors._lexical import aggregate
from palabre.moderation.detectors._rules import Rule, apply_rules, rule
from palabre.moderation.detectors._text import analyse
from palabre.moderation.findings import Category, CheckContext, DetectorOutput, Span
from palabre.moderation.normalize import normalize

URL = re.compile(
    r"\b(?:https?://|www\.)[^\s<>\"«»]+|\b[\w-]+\.(?:com|fr|net|org|io|ly|info|biz"
    r"|xyz|ru|co|be|ch)/[^\s<>\"«»]*",
    re.IGNORECASE,
)
SHORTENERS = (
    "bit.ly",
    "tinyurl.",
    "goo.gl",
    "t.co/",
    "ow.ly",
    "is.gd",
    "cutt.ly",
    "rebrand.ly",
    "shorturl.",
    "tiny.cc",
    "buff.ly",
    "s.id/",
)
LINK_SCORES = (0.0, 0.2, 0.45, 0.75)
_SPACES = re.compile(r"\s+")

RULES: tuple[Rule, ...] = (
    rule(r"(\S)\1{9,}", 0.4, "caractère répété en rafale"),
    rule(r"\b(\w+)(?:[\s,.!]+\1\b){4,}", 0.55, "mot répété en rafale"),
    rule(
        r"\b(?:gagne[rz]? de l'argent|argent facile|cliquez ici|code promo|casino en ligne"
        r"|viagra|cialis|rencontres? coquines?|travail a domicile|devenez riche"
        r"|investissez (?:dans|en) (?:crypto|bitcoin))\b",
        0.5,
        "formule publicitaire",
    ),
)


def _key(text: str) -> str:
    return _SPACES.sub(" ", normalize(text)).strip()


def _links(text: str) -> list[tuple[float, Span, str]]:
    found = list(URL.finditer(text))
    if not found:
        return []
    score = LINK_SCORES[min(len(found), len(LINK_SCORES) - 1)]
    if any(s in m.group(0).lower() for m in found for s in SHORTENERS):
        score += 0.4
    note = f"{len(found)} lien(s)" + (" dont un raccourcisseur d'adresse" if score > 0.75 else "")
    return [(min(score, 0.95), Span(m.start(), m.end(), m.group(0)), note) for m in found]


def _history(text: str, context: CheckContext) -> list[tuple[float, Span, str]]:
    whole = Span(0, len(text), text)
    out: list[tuple[float, Span, str]] = []
    key = _key(text)
    if key and any(_key(t) == key for t in context.recent_texts_by_author):
        out.append((0.8, whole, "message identique déjà publié par le même auteur"))
    return out


class SpamDetector:
    name = "spam"
    categories: tuple[Category, ...] = ("spam",)

    def detect(self, text: str, context: CheckContext, charter: Charter) -> DetectorOutput:
        items = _links(text) + _history(text, context) + apply_rules(analyse(text), RULES)
        finding = aggregate(items, "spam", self.name, "Spam ou message indésirable")
        return DetectorOutput(findings=(finding,) if finding else ())
