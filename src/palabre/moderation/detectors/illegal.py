"""Illegal content: personal data of third parties (French phone numbers, postal addresses,
e-mail addresses), incitement to crime, apology of terrorism and Holocaust denial."""

from __future__ import annotations

from palabre.moderation.charter import Charter
from palabre.moderation.detectors._lexical import aggregate
from palabre.moderation.detectors._rules import Rule, apply_rules, rule, words_alt
from palabre.moderation.detectors._text import analyse
from palabre.moderation.findings import Category, CheckContext, DetectorOutput

STREET = words_alt(
    "rue avenue av boulevard bd place chemin allee impasse quai route cours "
    "square passage villa cite residence lotissement"
)
TERROR = (
    r"(?:daech|daesh|l'etat islamique|ben laden|al[- ]?qaida|(?:les )?(?:freres )?kouachi"
    r"|merah|coulibaly|abdeslam|les terroristes|les djihadistes|le djihad|le jihad"
    r"|les martyrs d'allah)"
)
DRUG = words_alt("coke cocaine heroine beuh shit weed ecstasy mdma crack cannabis")

RULES: tuple[Rule, ...] = (
    rule(
        r"(?<![\d+])(?:(?:\+|00)33 ?(?:\(0\))? ?|0)[1-9](?:[ .-]?\d{2}){4}(?!\d)",
        0.7,
        "numéro de téléphone (donnée personnelle)",
    ),
    rule(
        r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b",
        0.6,
        "adresse électronique (donnée personnelle)",
    ),
    rule(
        rf"\b\d{{1,4}}(?: ?(?:bis|ter))?,? {STREET}\.? (?:d[eu] |de la |des |d')?[a-z][\w'-]*"
        r"(?: [a-z][\w'-]*){0,3}(?:,? \d{5}(?: [a-z][\w-]*)?)?",
        0.65,
        "adresse postale (donnée personnelle)",
    ),
    rule(
        rf"\b(?:vive|gloire a|bravo a|honneur a|respect a|merci a) {TERROR}",
        0.9,
        "apologie du terrorisme",
    ),
    rule(
        r"\b(?:ils|il|elle|elles) (?:ont|a) bien fait de (?:tuer|massacrer|egorger|decapiter"
        r"|tirer|les abattre)",
        0.85,
        "apologie d'un crime",
        negatable=True,
    ),
    rule(
        r"\b(?:shoah|holocauste|genocide des juifs|chambres a gaz)(?: [\w'-]+){0,4} (?:n'a "
        r"jamais|n'ont jamais|jamais existe|est un mythe|un mensonge|une invention|detail de "
        r"l'histoire|bidon)",
        0.85,
        "négation d'un crime contre l'humanité (loi Gayssot)",
    ),
    rule(
        r"\b(?:mythe|mensonge|arnaque) (?:de la shoah|de l'holocauste|des chambres a gaz)\b",
        0.85,
        "négation d'un crime contre l'humanité (loi Gayssot)",
    ),
    rule(
        rf"\b(?:vends?|vente|achete[zr]?|dispo|livraison)(?: de la| du| de)? {DRUG}\b",
        0.7,
        "trafic de stupéfiants",
    ),
    rule(
        r"\b(?:il faut|faut|allez|allons) (?:bruler|incendier|piller|saccager|cambrioler"
        r"|braquer) (?:les|des|leurs?|la|le|tout)\b",
        0.75,
        "incitation à commettre un délit",
        negatable=True,
    ),
    rule(
        r"\b(?:brulez|incendiez|pillez|saccagez|cambriolez|braquez) "
        r"(?:les|des|leurs?|la|le|tout)\b",
        0.75,
        "incitation à commettre un délit",
    ),
)


class IllegalDetector:
    name = "illegal"
    categories: tuple[Category, ...] = ("illegal",)

    def detect(self, text: str, context: CheckContext, charter: Charter) -> DetectorOutput:
        items = apply_rules(analyse(text), RULES)
        finding = aggregate(items, "illegal", self.name, "Contenu contraire à la loi")
        return DetectorOutput(findings=(finding,) if finding else ())
