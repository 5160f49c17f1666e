"""Hate and racism: slurs and pejorative ethnonyms (lexicon), "sale + group", dehumanising a
group, calls to exclude a group, conspiracy tropes about a group (notably a family name used
as a code for Jews), and control tropes ("le véritable maître à la Maison Blanche")."""

from __future__ import annotations

from palabre.moderation.charter import Charter
from palabre.moderation.detectors._group_hate import group_hate
from palabre.moderation.detectors._groups import insulted_groups
from palabre.moderation.detectors._insinuation import insinuations
from palabre.moderation.detectors._lexical import aggregate, scored_hits
from palabre.moderation.detectors._rules import Rule, apply_rules, rule, words_alt
from palabre.moderation.detectors._text import analyse
from palabre.moderation.findings import Category, CheckContext, DetectorOutput

GROUP = words_alt(
    "arabes? noirs? juifs? musulmans? musulmanes? migrants? immigres? immigrants? etrangers? "
    "africains? roms? gitans? chinois asiatiques? maghrebins? blancs? chretiens? homosexuels? "
    "homos? gays? lesbiennes? trans refugies? ukrainiens? russes? americains? algeriens? "
    "marocains? tunisiens? turcs? senegalais maliens? comoriens? rebeus? renois? feujs? "
    "sionistes? israeliens? palestiniens? femmes bougnoules? negres? ukros? ricains? polonais "
    "roumains? bulgares? tchetchenes? afghans? pakistanais syriens? mahometans? islamistes? "
    "francais europeens? allemands? anglais italiens? espagnols? portugais"
)
ETHNIC = words_alt(
    "arabes noirs noires juifs juives musulmans musulmanes africains africaines roms gitans "
    "asiatiques maghrebins rebeus renois feujs immigres migrants homos gays lesbiennes negres "
    "blacks beurs"
)
VERMIN = words_alt(
    "rats? cafards? vermines? parasites? singes? animaux betes porcs? chiens? microbes? cancers? "
    "virus sauvages? barbares? sous-hommes? dechets? ordures? racailles? cloportes? sangsues? "
    "poux punaises? termites? nuisibles? chacals? hyenes? macaques? primates? bestiaux"
)
ROTHSCHILD = r"ro(?:th?|d)s?c?h?[iy]ld?s?"
PLOT = words_alt(
    "gang clan mafia mafieux famille familles banquiers? domination dominent dominer "
    "controle controlent maitres? pieuvre reseau cartel oligarchie empire dynastie juifs? "
    "sionistes? tentacules pouvoir clique lobby secte tirent"
)
W = r"[\w'-]+"

RULES: tuple[Rule, ...] = (
    rule(rf"\bsales? {GROUP}\b", 0.85, "« sale » suivi d'un groupe de personnes"),
    rule(
        rf"\b(?:les|ces|des|tous les|vos|leurs) {GROUP}(?: {W}){{0,5}} (?:sont|=|:|comme"
        rf"|c'est|ce sont)(?: {W}){{0,3}} {VERMIN}\b",
        0.85,
        "groupe comparé à des animaux ou à des nuisibles (déshumanisation)",
        negatable=True,
    ),
    rule(rf"\b{VERMIN} d'{GROUP}\b", 0.85, "groupe désigné comme des nuisibles"),
    rule(
        rf"\b(?:ces|tous ces|toutes ces|ce|cette) (?:gens(?:-la)?|individus|personnes|"
        rf"populations?|peuples?|communautes?|engeances?)(?: {W}){{0,4}} (?:sont|=|c'est|ce sont)"
        rf"(?: {W}){{0,3}} {VERMIN}\b",
        0.6,
        "personnes comparées à des nuisibles (déshumanisation) ; un humain doit juger la cible",
        negatable=True,
    ),
    rule(rf"\bdehors (?:les|tous les|ces) {W}", 0.7, "appel à exclure un groupe"),
    rule(
        rf"\b(?:renvoy|expuls|vir|deport|chass|degag)\w*(?: tous)? (?:les|ces) {GROUP}\b",
        0.75,
        "appel à expulser un groupe",
        negatable=True,
    ),
    rule(
        r"\brenvoy\w*-les\b(?: {0,3}(?:chez eux|dans leur pays|dans leur bled))?",
        0.7,
        "appel à renvoyer des personnes « chez elles »",
    ),
    rule(
        r"\bqu'(?:ils|elles) (?:rentrent|retournent|degagent) (?:chez eux|dans leurs? "
        r"(?:pays|bled|jungle|desert))",
        0.7,
        "appel à renvoyer un groupe « chez lui »",
    ),
    rule(r"\bla france aux francais\b", 0.55, "slogan d'exclusion"),
    rule(
        r"\b(?:partez|degagez|sortez|foutez le camp) de (?:notre|ce) pays\b|\bnous ne voulons "
        r"(?:pas|plus) de vous\b",
        0.6,
        "appel à exclure des personnes du pays",
    ),
    rule(
        rf"\b(?:comme|typique des|typiquement) (?:tous les|toutes les|les) {ETHNIC}\b",
        0.45,
        "généralisation sur un groupe de personnes",
    ),
    rule(
        rf"\b(?:tuer|massacrer|exterminer|gazer|bruler|eliminer|buter) (?:des|les|tous les"
        rf"|ces) {ETHNIC}\b",
        0.6,
        "violence visant un groupe de personnes",
        negatable=True,
    ),
    rule(
        r"\b(?:retourne|retournez|rentre|rentrez|degage|degagez|casse-toi|cassez-vous)"
        r"(?: {0,2}(?:dans|chez|en)) (?:ton|ta|votre|vos|leur|leurs|toi|vous) ?(?:pays|bled"
        r"|afrique|jungle|desert|brousse|chez toi|chez vous)\b",
        0.65,
        "injonction xénophobe à « rentrer chez soi »",
    ),
    rule(
        rf"\b(?:{PLOT})(?: {W}){{0,4}} {ROTHSCHILD}\b|\b{ROTHSCHILD}(?: {W}){{0,4}} "
        rf"(?:{PLOT})\b",
        0.85,
        "nom de famille employé comme code antisémite, associé à un complot ou à une domination",
    ),
    rule(
        r"\b(?:lobbys?|lobbies) (?:juifs?|sionistes?)\b|\bcomplot (?:juif|sioniste)\b|\bzog\b"
        r"|\(\(\(",
        0.8,
        "cliché complotiste antisémite",
    ),
    rule(
        r"\b(?:les |des )?(?:juifs|sionistes) (?:qui )?(?:controlent|dominent|possedent|"
        r"dirigent|tiennent|gouvernent)\b",
        0.85,
        "cliché antisémite de domination",
    ),
    rule(
        r"\b(?:veritables?|vrais?) (?:maitres?|patrons?|dirigeants?|chefs?) (?:a|de|du|des) "
        r"(?:la maison blanche|l'amerique|washington|l'elysee|la france|monde|l'occident)",
        0.5,
        "cliché de contrôle occulte du pouvoir : un humain doit juger",
    ),
    rule(r"\btirent les ficelles\b", 0.35, "cliché de contrôle occulte"),
    rule(rf"\b{GROUP} de merde\b", 0.85, "groupe de personnes injurié"),
    rule(
        rf"\b(?:marre|ras le bol|ras-le-bol) (?:des|de ces|de tous ces) {GROUP}\b(?![ -]becs?)",
        0.55,
        "rejet d'un groupe de personnes",
    ),
)


class HateDetector:
    name = "haine"
    categories: tuple[Category, ...] = ("haine",)

    def detect(self, text: str, context: CheckContext, charter: Charter) -> DetectorOutput:
        analysis = analyse(text)
        items = scored_hits(analysis, charter, "haine") + apply_rules(analysis, RULES)
        items += insulted_groups(analysis, charter)
        items += group_hate(text)
        items += insinuations(text)
        finding = aggregate(items, "haine", self.name, "Propos haineux ou racistes")
        return DetectorOutput(findings=(finding,) if finding else ())
