"""Violence: threats, calls to violence and wishes of death. Merely describing violence
("les enfants massacrés") is not a finding; the ambiguous political "éliminer" scores
moderately so that a human looks rather than the comment being rejected."""

from __future__ import annotations

from palabre.moderation.charter import Charter
from palabre.moderation.detectors._lexical import aggregate
from palabre.moderation.detectors._rules import Rule, apply_rules, rule, words_alt
from palabre.moderation.detectors._text import analyse
from palabre.moderation.figurative import BENIGN_WORDS, about_pests, fold_flat
from palabre.moderation.findings import Category, CheckContext, DetectorOutput

KILL = words_alt(
    "tuer buter abattre flinguer egorger pendre fusiller massacrer exterminer liquider executer "
    "zigouiller assassiner lyncher decapiter gazer poignarder bruler cramer crever defoncer "
    "tabasser lapider violer torturer mutiler eventrer saigner"
)
KILL_BARE = KILL[3:-1]
KILL_IMPERATIVE = words_alt(
    "tuez butez abattez flinguez egorgez pendez fusillez massacrez exterminez liquidez "
    "executez lynchez decapitez gazez brulez cramez lapidez torturez"
)
CALL = words_alt(
    "faut faudrait faudra devrait devraient devrions doit doivent "
    "vais va vont allons veux voudrais faut-il"
)
OBJ = (
    r"(?:(?:le|la|les|l'|te|t'|vous|leur|lui|me|m'|nous|tous|toutes|ces|ce|cet|cette|ses"
    r"|un|une)\s?)"
)
W = r"[\w'-]+"
#: What one may « éliminer » without harming anyone.
ABSTRACT = words_alt(
    "gaspillage deficits? dette pauvrete chomage fraudes? bugs? risques? problemes? doublons? "
    "dechets niches? taxes? impots? subventions? obstacles? inegalites abus pesticides plastiques? "
    "bouchons embouteillages erreurs? inefficacites? lenteurs? papiers paperasse couts depenses "
    "privileges"
)

RULES: tuple[Rule, ...] = (
    rule(
        rf"\b{CALL}(?: {W}){{0,2}} {OBJ}{{1,2}}{KILL}\b"
        rf"(?![^.!?]{{0,30}}\b{BENIGN_WORDS})",
        0.85,
        "appel au meurtre ou à la violence",
        negatable=True,
    ),
    rule(r"\bjte (?:supprime|bute|tue|defonce|nique)\b", 0.85, "menace directe"),
    rule(
        r"\b(?:te|vous) (?:buteront|tueront|tuera|butera|defoncera|defonceront|crevera)\b",
        0.8,
        "menace directe",
    ),
    rule(
        r"\b(?:j'espere|je souhaite|j'souhaite|pourvu|vivement) (?:que |qu')?(?:tu|il|elle|ils"
        r"|elles|vous) (?:[\w'-]+ ){0,3}?(?:creve\w*|meure\w*|brule\w*|violee?s?|tuee?s?"
        r"|ecrase\w*|(?:se fasse|te fasses|te feras|se fera) (?:tuer|buter|ecraser|violer))",
        0.8,
        "souhait de mort ou de violence",
    ),
    rule(
        r"(?<!je )(?<!j'en )(?<!tu )\b(?:meurs|mourez) (?:lentement|salement|en enfer|"
        r"dans d'atroces souffrances)|^(?:meurs|creve)\b|\bet (?:meurs|meurt|creve)\b",
        0.7,
        "souhait de mort adressé à quelqu'un",
    ),
    rule(r"\b(?:six|6) pieds? sous terre\b", 0.6, "menace de mort"),
    rule(
        r"\bqu'on (?:les?|la|l') ?(?:pende|pendent|fusille|tue|bute|abatte|egorge|brule"
        r"|crame|lynche|zigouille|flingue|execute|eradique|extermine)\b",
        0.85,
        "appel au meurtre",
        negatable=True,
    ),
    rule(
        r"\b(?:au poteau|a la lanterne|au mur)\s*(?:!|les|le|la|tous)", 0.6, "appel à l'exécution"
    ),
    rule(
        rf"\b{CALL}(?: {W}){{0,3}} tirer sur (?:les|des|tous|toutes|le|la|ces)\b",
        0.8,
        "appel à tirer sur des personnes",
        negatable=True,
    ),
    rule(rf"\b{KILL_IMPERATIVE}\b(?! pas)", 0.85, "appel direct à la violence"),
    rule(
        rf"\b{CALL}(?: {W}){{0,2}} {OBJ}{{0,2}}elimin\w*\b(?! (?:le|la|les|l'|des|du|de) ?{ABSTRACT})"
        rf"(?: {W}){{0,1}}",
        0.55,
        "« éliminer » quelqu'un : sens politique ou physique ambigu, un humain doit juger",
        negatable=True,
    ),
    rule(r"\beliminez\b", 0.55, "« éliminez » : sens ambigu, un humain doit juger"),
    rule(
        r"\bqu'(?:il|elle|ils|elles|tu|on les|on le|on la) (?:creve|crevent|meure|meurent"
        r"|brule|brulent|pourrisse|pourrissent|se fasse (?:tuer|buter|egorger))\b",
        0.8,
        "souhait de mort",
        negatable=True,
    ),
    rule(
        r"\b(?:va|allez|vas) (?:crever|mourir)\b|\bcrevez\b|\bcreve,? (?:sale|charogne|connard)",
        0.8,
        "souhait de mort adressé à quelqu'un",
    ),
    rule(
        r"\bmort (?:aux?|a la|a l') [\w'-]+", 0.85, "appel à la mort d'un groupe ou d'une personne"
    ),
    rule(rf"\ba mort (?:les|le|la) {W}", 0.8, "appel à la mort"),
    rule(
        r"\b(?:une|deux|des) balles? dans (?:la tete|le crane|la nuque|le dos)\b",
        0.8,
        "évocation d'une exécution",
    ),
    rule(
        r"\b(?:merite|meritent|meriterait|meriteraient) (?:la mort|de crever|de mourir|"
        r"une balle|d'etre (?:pendu|fusille|abattu|tue)s?)\b",
        0.8,
        "souhait de mort",
        negatable=True,
    ),
    rule(r"\bbons? a (?:tuer|pendre|fusiller|abattre)\b", 0.75, "souhait de mort"),
    rule(
        r"\b(?:casser|peter|eclater|exploser) (?:la gueule|la tete|les dents)\b",
        0.6,
        "menace de coups",
        negatable=True,
    ),
)


#: What a rule's score keeps when the text speaks of pests and of no people.
PEST_FACTOR = 0.2


class ViolenceDetector:
    name = "violence"
    categories: tuple[Category, ...] = ("violence",)

    def detect(self, text: str, context: CheckContext, charter: Charter) -> DetectorOutput:
        items = apply_rules(analyse(text), RULES)
        if about_pests(fold_flat(text)):
            # « il faut les éliminer jusqu'au dernier », said of termites
            items = [(score * PEST_FACTOR, span, note) for score, span, note in items]
        finding = aggregate(items, "violence", self.name, "Violence, menace ou appel au meurtre")
        return DetectorOutput(findings=(finding,) if finding else ())
