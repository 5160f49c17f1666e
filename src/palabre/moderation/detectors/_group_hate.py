"""Hate without slurs (clause « Aucun message à caractère raciste »): what is said ABOUT a group
of people, read on the canonical text.

- generalisation: « les Roms sont tous des voleurs », « tous des assistés, ces Arabes »;
- negative attribute or nature: « les Noirs sont violents par nature »;
- negative emotion: « les musulmans me dégoûtent », « j'ai la haine des Juifs »;
- negated positive: « les Arabes ne seront jamais de vrais Français », « un Rom honnête, ça
  n'existe pas »;
- hateful opinion and exclusion: « les migrants n'ont rien à faire en France », « ils
  devraient rentrer chez eux », remigration;
- invasion and replacement tropes; « race de … »; comparisons with vermin.

A generalisation that attacks a protected group scores 0.8 (rejected under the default
charter, which forbids « aucun message à caractère raciste »); emotion and tropes 0.6–0.7 (held).
Counter-speech keeps a low score: negation (« les migrants ne sont pas des criminels »),
quotation marks, and words that report or condemn the statement in the same sentence
(« dire que … est raciste », « arrêtez de dire que … », « c'est faux »)."""

from __future__ import annotations

import re

from palabre.moderation import regex_cache
from palabre.moderation.detectors._canonical import Canonical, canonical
from palabre.moderation.detectors._speech import reported
from palabre.moderation.detectors.threat import KILL, KILL_IMPERATIVE_WE
from palabre.moderation.findings import Span
from palabre.moderation.groups import GROUP, NEG_ADJ, NEG_NOUN
from palabre.moderation.groups import alternation as _alt

DET = r"(?:les|ces|tous les|toutes les|des|vos|leurs|nos|ses|mes)"
POS_ADJ = _alt(
    "honnetes? fiables? gentils? gentilles? intelligents? intelligentes? capables? competents? "
    "competentes? propres? polis? polies? respectueux respectueuses? travailleurs? travailleuses? "
    "sinceres? dignes_de_confiance loyaux loyales? civilises? civilisees? normaux normales?"
)
DISGUST = (
    r"(?:degueulasse|degueu|degoutant|degoutante|repugnant|repugnante|immonde|"
    r"une abomination|contre nature|une maladie|une tare|pas normal)"
)
TAIL = r"(?: \w+){0,3}"
#: After « on se croirait à Alger »: the weather, the food or the light is no group.
LIKE_A_PLACE = (
    r"(?![^.!?]{0,40}\b(?:chaleur|soleil|temperature|degres|canicule|lumiere|ciel|architecture|couscous|"
    r"cuisine|epices|marche|vacances|plage|mer)\b)"
)
#: Crimes and disorder blamed on a group (« depuis l'arrivée des …, les agressions ont explosé »).
CRIME = (
    r"(?:agressions?|vols?|delinquance|insecurite|viols?|cambriolages?|crimes?|incivilites|violences?"
    r"|trafics?|deal|voitures? brulees?|racailles?|poignardes?)"
)

RULES: tuple[tuple[re.Pattern[str], float, str], ...] = tuple(
    (regex_cache.compile(regex), score, note)
    for regex, score, note in (
        (
            rf"\b{DET} {GROUP}{TAIL} (?:sont|etaient|seront|=|restent|resteront)(?: ils| elles)?"
            rf"(?: \w+){{0,2}} (?:des |de |que des |tous des |toutes des )?(?:{NEG_NOUN})\b",
            0.8,
            "généralisation dégradante sur un groupe de personnes",
        ),
        (
            rf"\b(?:tous|toutes) des {NEG_NOUN}(?: \w+){{0,2}} (?:ces|les) {GROUP}\b",
            0.8,
            "généralisation dégradante sur un groupe de personnes",
        ),
        (
            rf"\b{DET} {GROUP}{TAIL} (?:sont|etaient|seront|restent)(?: ils| elles)?(?: \w+){{0,2}} "
            rf"{NEG_ADJ}\b",
            0.75,
            "attribut négatif prêté à un groupe de personnes",
        ),
        (
            rf"\b{GROUP} (?:=|egal|egale) {NEG_NOUN}\b",
            0.8,
            "groupe assimilé à des criminels ou des nuisibles",
        ),
        (
            rf"\b{DET} {GROUP}(?: \w+){{0,2}} (?:me|nous) (?:degoutent|debectent|font vomir|ecoeurent|"
            rf"insupportent|font gerber|horripilent|repugnent|font peur)\b",
            0.7,
            "émotion négative à l'égard d'un groupe de personnes",
        ),
        (
            rf"\b(?:je|j) (?:deteste|hais|execre|vomis|meprise|ne supporte (?:pas|plus)|ne peux pas voir"
            rf"|ne peux plus voir|ne peux pas blairer|ne peux pas sentir|ai horreur des) {DET}? ?{GROUP}\b",
            0.7,
            "haine déclarée envers un groupe de personnes",
        ),
        (
            rf"\b(?:je n ai|j ai|on n a|on a|n avoir) (?:aucun|zero|pas de|plus aucun|que du|que) "
            rf"(?:respect|estime|consideration|mepris|degout|haine) (?:pour|envers|a l egard des) "
            rf"{DET}? ?{GROUP}\b",
            0.7,
            "mépris déclaré envers un groupe de personnes",
        ),
        (
            rf"\b{DET} {GROUP}\b(?: \w+){{0,3}}(?: \.)? (?:je|j) les (?:meprise|deteste|hais|execre|vomis)\b",
            0.7,
            "haine déclarée envers un groupe de personnes",
        ),
        (
            rf"\b(?:est ce que|est ce qu) {DET} {GROUP} sont (?:vraiment |seulement |reellement )?"
            r"(?:humains|des humains|des etres humains|des personnes|civilises|normaux)\b"
            rf"|\b{DET} {GROUP} sont ils (?:vraiment |seulement )?(?:humains|des etres humains|civilises)\b",
            0.75,
            "question qui met en doute l'humanité d'un groupe de personnes",
        ),
        (
            rf"\b{DET} {GROUP}(?: \w+){{0,2}} ne respectent (?:rien|personne|jamais rien|pas nos (?:lois|valeurs|femmes)"
            r"|aucune (?:loi|regle|valeur))\b",
            0.7,
            "généralisation dégradante sur un groupe de personnes",
        ),
        (
            rf"\b(?:enerve|enervee|degoute|degoutee|ecoeure|ecoeuree|furieux|furieuse|marre|horreur|honte)"
            rf"(?: \w+)? (?:que|qu) (?:des|les|tant d|autant d|trop d) {GROUP} (?:vivent|habitent|soient|"
            rf"travaillent|viennent|s installent|aient)\b",
            0.65,
            "émotion négative à l'égard d'un groupe de personnes",
        ),
        (
            rf"\b(?:un|une|des|les) (?:\w+ )?{GROUP}\b(?: \w+){{0,3}},? (?:c est|ce sont|est|sont) "
            rf"(?:vraiment |trop |tellement )?{DISGUST}\b",
            0.65,
            "dégoût exprimé envers des personnes d'un groupe",
        ),
        (
            rf"\b{DET} {GROUP}(?: \w+){{0,2}} ne sont (?:jamais|pas) (?:vraiment |tres )?(?:{POS_ADJ}"
            r"|de bonnes personnes|des gens bien|des personnes bien|de bons citoyens|des gens honnetes)\b"
            rf"|\b{DET} {GROUP}(?: \w+){{0,2}} ne (?:seront|peuvent|pourront|pourraient|sauront) jamais etre {POS_ADJ}\b",
            0.75,
            "qualité déniée à tout un groupe",
        ),
        (
            rf"\b{DET} {GROUP}(?: \w+){{0,2}} (?:doivent|devraient|n ont qu a) (?:rester|retourner) "
            r"(?:a la cuisine|aux fourneaux|a la maison|a leur place|au foyer|dans leur coin|dans leurs? cages?)\b",
            0.7,
            "groupe de personnes renvoyé « à sa place »",
        ),
        (
            rf"\b(?:j ai|on a) la haine (?:des|contre les|envers les|de ces) {GROUP}\b",
            0.75,
            "haine déclarée envers un groupe de personnes",
        ),
        (
            rf"\b{DET} {GROUP}(?: \w+){{0,2}} (?:ne seront|ne sont|ne deviendront|ne feront|ne seront) "
            rf"jamais (?:de |des )?(?:vrais?|veritables?|bons?) (?:francais|citoyens|europeens|humains)\b"
            rf"|\b(?:un|une|aucun|aucune) {GROUP} ne (?:sera|peut|pourra|pourrait|saurait) (?:jamais|pas) (?:etre )?"
            r"(?:un |une )?(?:vraie?|veritable|bon|bonne) (?:francaise?|citoyen|citoyenne|europeenne?)\b",
            0.75,
            "négation de l'appartenance d'un groupe de personnes",
        ),
        (
            rf"\b(?:un|une) {GROUP} (?:honnete|gentil|gentille|intelligent|intelligente|travailleur|"
            rf"integre|integree?|civilise|civilisee|propre)s?(?:,)? (?:ca|cela|c) (?:n )?existe (?:pas|plus)",
            0.8,
            "négation d'une qualité chez tout un groupe",
        ),
        (
            rf"\baucun {GROUP} n (?:est|a jamais ete) (?:honnete|fiable|digne de confiance|"
            rf"civilise|integre|propre)",
            0.75,
            "négation d'une qualité chez tout un groupe",
        ),
        (
            rf"\b{DET} {GROUP}(?: \w+){{0,2}} n ont rien a faire (?:en france|ici|chez nous|en europe|"
            rf"dans (?:notre|ce) pays|(?:dans|a) (?:l|les|nos|la|notre) ?(?:ecoles?|universites?|hopitaux|"
            r"administrations?|police|armee|gouvernement|assemblee|fonction publique|entreprises?|quartiers?|"
            r"piscines?|stades?|vestiaires|toilettes)|au gouvernement|a l assemblee|en politique|au pouvoir|"
            r"en entreprise|au travail|a la tete \w+ \w+)",
            0.75,
            "rejet d'un groupe de personnes hors du pays",
        ),
        (
            rf"\b{DET} {GROUP}(?: \w+){{0,2}} (?:doivent|devraient|n ont qu a) (?:tous |toutes )?"
            rf"(?:rentrer|retourner|repartir|partir|degager|etre expulses|etre renvoyes|dehors)\b",
            0.75,
            "appel à exclure un groupe de personnes",
        ),
        (
            rf"\b(?:renvoy|expuls|vir|deport|chass|degag)\w* (?:tous |toutes )?(?:{DET} )?{GROUP}\b"
            r"(?: \w+){0,2}(?: chez eux| dans leur pays| de france| d ici| hors de)?",
            0.75,
            "appel à expulser un groupe de personnes",
        ),
        (
            r"\b(?:renvoy|expuls|vir|deport)\w* (?:les|tous) (?:chez eux|dans leur pays|dans leur bled)",
            0.7,
            "appel à renvoyer des personnes « chez elles »",
        ),
        (
            r"\bqu (?:ils|elles) (?:rentrent|retournent|degagent|repartent|se cassent)(?: tous| toutes)? "
            r"(?:chez eux|dans leurs? (?:pays|bled|jungle|desert|afrique|gourbi))",
            0.75,
            "appel à renvoyer un groupe « chez lui »",
        ),
        (r"\bremigration\b", 0.7, "slogan d'expulsion de masse (« remigration »)"),
        (
            r"\binvasion (?:migratoire|musulmane|arabe|africaine|etrangere|islamique|de migrants|"
            r"d immigres|d etrangers|d arabes|de musulmans|des migrants|barbare)",
            0.6,
            "cliché de l'« invasion » appliqué à des personnes",
        ),
        (r"\bgrand remplacement\b", 0.6, "théorie complotiste du « grand remplacement »"),
        (
            rf"\b(?:ils|elles|{DET} {GROUP}) nous (?:envahissent|remplacent|colonisent|submergent)\b",
            0.6,
            "cliché de l'invasion ou du remplacement",
        ),
        (
            r"\b(?:sale|sales|cette|ces|quelle|une) races? (?:de|d) (?:\w+ )?(?:chiens?|batards?|degeneres?|"
            r"merde|sous hommes?|parasites?|singes?|rats?|porcs?|arabes?|noirs?|juifs?|nuisibles?|tares?)\b"
            r"|\bsale race\b|\b(?:les|des|ces|une|la|aux) races? (?:de|d) boue\b",
            0.8,
            "« race de … » : injure raciste",
        ),
        (
            rf"\b{DET} {GROUP}(?: \w+){{0,3}} (?:comme|tels? des|telles? des|pareils a des) "
            r"(?:rats|cafards|animaux|betes|chiens|lapins|sauterelles|parasites|vermines?|singes|porcs|poux)\b",
            0.8,
            "groupe comparé à des animaux (déshumanisation)",
        ),
        (
            rf"\bpourquoi (?:{DET} )?{GROUP}(?: \w+){{0,3}} (?:sont|sont ils|sont elles|est ce qu ils sont)"
            rf"(?: \w+){{0,2}} (?:des |si )?(?:{NEG_NOUN}|{NEG_ADJ})\b",
            0.75,
            "question qui présuppose un trait dégradant d'un groupe",
        ),
        (
            r"\b(?:ces gens la|ces gens) (?:ne s integrent jamais|ne s integreront jamais|ne respectent rien"
            r"|n ont rien a faire ici|ne sont pas comme nous|ne travaillent (?:pas|jamais)|vivent des aides"
            r"|attendent les aides|profitent des aides|vivent aux crochets)",
            0.6,
            "généralisation implicite sur un groupe : un humain doit juger la cible",
        ),
        (
            rf"\bencore (?:un|une) (?:coup|affaire) (?:des|de ces) {GROUP}\b",
            0.6,
            "généralisation implicite sur un groupe de personnes",
        ),
        (r"\bla france aux francais\b", 0.55, "slogan d'exclusion"),
        (
            rf"\b(?:{DET}|un|une) {GROUP}(?: \w+){{0,2}} ne (?:valent|vaut|vaudront|vaudra) rien\b|\b{DET} {GROUP}(?: \w+){{0,2}} "
            r"ne (?:meritent|merite) (?:pas de vivre|aucun respect|pas d exister|rien)\b"
            rf"|\b{DET} {GROUP}(?: \w+){{0,2}} n ont (?:aucune valeur|aucune dignite|rien d humain|pas de valeur)\b"
            rf"|\b{DET} {GROUP}(?: \w+){{0,2}} ne sont (?:bons|bonnes) qu a\b",
            0.8,
            "négation de la valeur d'un groupe de personnes",
        ),
        (
            rf"\b{DET} {GROUP}(?: \w+){{0,2}} ne sont (?:pas|meme pas) (?:des etres humains|des humains"
            r"|de vraies personnes|de vrais hommes|de vraies femmes|normaux|normales)\b",
            0.8,
            "humanité ou normalité refusée à un groupe de personnes",
        ),
        (
            rf"\baucun(?:e)? {GROUP} n (?:est|a jamais ete) (?:intelligent|intelligente|capable|"
            r"competent|competente|normal|normale|humain|humaine)",
            0.75,
            "négation d'une qualité chez tout un groupe",
        ),
        (
            rf"\b(?:est ce que|est ce qu) {DET} {GROUP} (?:sont |seront )?(?:capables?|dignes?) "
            r"d (?:etre|avoir) ",
            0.7,
            "question qui met en doute la dignité d'un groupe de personnes",
        ),
        (
            rf"\bqui (?:veut|voudrait|a envie d avoir) (?:vraiment )?(?:d un|d une|des|de ces) "
            rf"(?:voisins?|voisines?|collegues?|gendres?|belles? filles?) {GROUP}\b",
            0.65,
            "question qui présuppose le rejet d'un groupe de personnes",
        ),
        (
            rf"\bc est (?:encore |forcement |evidemment |bien sur )?(?:un|une|des) {GROUP} qui "
            r"(?:a|ont) (?:fait le coup|vole|agresse|casse|fait ca)",
            0.6,
            "généralisation implicite : un groupe désigné comme coupable",
        ),
        (
            rf"\b{DET} {GROUP}(?: \w+){{0,2}} ne (?:seront|sont|s integreront|s assimileront) jamais "
            r"(?:integres|integrees|assimiles|assimilees|assimilables|civilises|comme nous)",
            0.7,
            "négation de la capacité d'un groupe à s'intégrer",
        ),
        (
            rf"\b{DET} {GROUP}(?: \w+){{0,2}} (?:ne )?(?:seront|sont|serons|sera|est) jamais aussi \w+ que "
            r"(?:nous|les blancs|les francais|les europeens|les autres)\b",
            0.75,
            "infériorité prêtée à un groupe de personnes",
        ),
        (
            r"\b(?:les |des )?(?:juifs|sionistes|feujs) (?:ont|possedent|detiennent) (?:tout |trop de |tous les )?"
            r"(?:pouvoir|argent|medias|banques|postes)",
            0.8,
            "cliché antisémite de domination",
        ),
        (
            rf"\b{DET} {GROUP}(?: \w+){{0,2}} (?:me|m|nous) (?:\w+ )?(?:degoutent|debectent|ecoeurent|"
            r"repugnent|insupportent|horripilent|revulsent|donnent (?:envie de vomir|la nausee|des boutons)"
            r"|font (?:vomir|gerber|horreur))\b",
            0.7,
            "émotion négative à l'égard d'un groupe de personnes",
        ),
        (
            rf"\b(?:je|j) (?:\w+ )?(?:deteste|hais|execre|abhorre|vomis|meprise|maudis)"
            rf"(?: vraiment| profondement| sincerement| tellement| totalement| franchement)? {DET} {GROUP}\b",
            0.7,
            "haine déclarée envers un groupe de personnes",
        ),
        (
            r"\b(?:j ai|je ressens|j eprouve|je n eprouve|je nourris|je voue|on a|nous avons)(?: \w+){0,3} "
            r"(?:aversion|degout|haine|mepris|repulsion|horreur|rancoeur|rancune|hostilite)"
            rf"(?: \w+){{0,2}} (?:pour|envers|contre|a l egard des|vis a vis des) {DET}? ?{GROUP}\b",
            0.7,
            "émotion négative à l'égard d'un groupe de personnes",
        ),
        (
            r"\brien ne me (?:degoute|repugne|ecoeure|debecte|revulse|insupporte) (?:plus|autant|davantage) "
            rf"(?:que|qu) {DET} {GROUP}\b",
            0.7,
            "émotion négative à l'égard d'un groupe de personnes",
        ),
        (
            rf"\b{DET} {GROUP}(?: \w+){{0,2}} (?:je|j) (?:les|leur) (?:ai en horreur|ai en aversion|vomis|"
            r"meprise|deteste|hais|execre|supporte pas|supporte plus|crache dessus)\b",
            0.7,
            "haine déclarée envers un groupe de personnes",
        ),
        (
            rf"\b{DET} {GROUP}(?: \w+){{0,2}} (?:devraient|doivent|meriteraient d|meritent d) etre "
            r"(?:\w+ )?(?:parques|parquees|enfermes|enfermees|internes|internees|steriliser|sterilises|"
            r"sterilisees|chatres|deportes|deportees|elimines|eliminees|extermines|exterminees|"
            r"gazes|gazees|isoles|isolees|mis en cage|mises en cage|mis a l ecart|soignes de force)\b",
            0.8,
            "traitement inhumain réclamé pour un groupe de personnes",
        ),
        (
            rf"\b{DET} {GROUP}(?: \w+){{0,2}} (?:auraient du|aurait du) etre (?:\w+ )?(?:elimines|eliminees|"
            r"extermines|exterminees|avortes|avortees|tues|tuees|noyes|noyees|gazes|gazees)\b",
            0.85,
            "élimination souhaitée d'un groupe de personnes",
        ),
        (
            rf"\b{DET} {GROUP}(?: \w+){{0,2}} (?:ne devraient pas|ne meritent pas d|n ont pas le droit d) "
            r"(?:exister|vivre|etre nes|etre nees|naitre|se reproduire)\b",
            0.85,
            "existence refusée à un groupe de personnes",
        ),
        (
            rf"\b{DET} {GROUP}(?: \w+){{0,2}}(?:,? leur place est| ont (?:toute )?leur place| n ont leur place qu) (?:au zoo|dans un zoo|en cage|dans des camps|"
            r"en prison|a l asile|a la poubelle|dans les champs|a la cuisine|au cimetiere|sous terre)\b",
            0.75,
            "groupe de personnes renvoyé « à sa place »",
        ),
        (
            rf"\b{DET} {GROUP}(?: \w+){{0,2}} ne servent (?:a rien|strictement a rien|qu a \w+)\b"
            rf"|\b{DET} {GROUP}(?: \w+){{0,2}} ne sont pas (?:faits|faites) pour (?:reflechir|penser|"
            r"diriger|travailler|commander|decider|vivre ici|vivre parmi nous)\b"
            rf"|\b{DET} {GROUP}(?: \w+){{0,2}} ne sont pas dignes (?:de|d)\b",
            0.75,
            "négation de la valeur d'un groupe de personnes",
        ),
        (
            rf"\b(?:un|une) bon(?:ne)? {GROUP} (?:est|c est) (?:un|une) {GROUP} (?:mort|morte|qui)\b",
            0.85,
            "« un bon … est un … mort » : haine d'un groupe de personnes",
        ),
        (
            rf"\b(?:la|partout) ou (?:il y a|vivent|sont|passent) (?:des|les) {GROUP},? (?:il y a|c est) "
            r"(?:des vols|du vol|des problemes|de la delinquance|la crasse|des agressions|des viols|la misere)\b",
            0.75,
            "groupe de personnes associé au crime par principe",
        ),
        (
            rf"\b(?:il y a|y a) (?:beaucoup )?trop (?:de|d) {GROUP}\b",
            0.5,
            "rejet d'un groupe de personnes : un humain doit juger",
        ),
        (
            rf"\b{DET} {GROUP}(?: \w+){{0,2}} ne sont (?:ils|elles) pas (?:\w+ )?(?:des |de )?(?:{NEG_NOUN})\b",
            0.75,
            "question qui présuppose un trait dégradant d'un groupe",
        ),
        (
            rf"\bpourquoi (?:{DET} )?{GROUP}(?: \w+){{0,1}} (?:volent|mentent|trichent|agressent|violent|"
            r"tuent|puent|pillent|fraudent|profitent|detruisent|salissent) (?:ils|elles)\b",
            0.75,
            "question qui présuppose un trait dégradant d'un groupe",
        ),
        (
            rf"\bqui (?:veut|voudrait|aimerait|accepterait)(?: vraiment)? (?:d un|d une|des|un|une) {GROUP} "
            r"(?:comme|pour) (?:voisins?|voisines?|collegues?|gendres?|belles? filles?|patrons?|medecins?)\b",
            0.65,
            "question qui présuppose le rejet d'un groupe de personnes",
        ),
        (
            rf"\b{DET} {GROUP}(?: \w+){{0,2}},? (?:c est|ce sont|sont|est) (?:faits?|faites?) pour "
            r"(?:faire la vaisselle|faire le menage|faire la cuisine|la cuisine|le menage|se taire|obeir|"
            r"servir|faire des enfants|pondre des enfants|rester a la maison|les travaux des champs)\b",
            0.7,
            "groupe de personnes renvoyé « à sa place »",
        ),
        (
            rf"\b(?:{DET}|de|d) {GROUP}(?: \w+){{0,3}} (?:je|j) (?:ne )?(?:les|leur) (?:hais|deteste|meprise|"
            r"vomis|execre|supporte pas|supporte plus)\b"
            rf"|\b{DET} {GROUP}(?: \w+){{0,3}} (?:je|j) (?:ne )?(?:peux|veux|supporte) (?:plus|pas) "
            r"(?:les|leur) (?:voir|sentir|supporter|blairer|encadrer)\b",
            0.7,
            "haine déclarée envers un groupe de personnes",
        ),
        (
            rf"\b{DET} {GROUP}(?: \w+){{0,2}} (?:ne devraient pas|ne devraient jamais|n auraient jamais du|"
            r"n auraient pas du|ne doivent pas) (?:avoir|obtenir) le droit (?:de|d)\b",
            0.75,
            "droits refusés à un groupe de personnes",
        ),
        (
            rf"\b{DET} {GROUP},? (?:ca|c a) (?:vole|pue|mendie|ment|triche|agresse|viole|tue|deale|pille|"
            r"squatte|fraude|salit|braille|se reproduit)\b",
            0.75,
            "groupe de personnes désigné par « ça » et associé au crime",
        ),
        (
            rf"\b(?:un|une) {GROUP} (?:reste|restera|restera toujours|reste toujours) (?:un|une) {GROUP}\b",
            0.6,
            "essentialisation d'un groupe de personnes",
        ),
        (
            rf"\b{DET} {GROUP}(?: \w+){{0,2}} ne (?:seront|sont|serons) (?:jamais|pas) (?:compatibles|solubles) "
            r"(?:avec|dans) (?:la republique|la france|nos valeurs|la democratie|l occident|notre civilisation)\b",
            0.7,
            "négation de la capacité d'un groupe à s'intégrer",
        ),
        (
            rf"\b{DET} {GROUP}(?: \w+){{0,2}} ne savent (?:pas|rien|meme pas|toujours pas) (?:conduire|lire|"
            r"ecrire|compter|penser|reflechir|se laver|travailler|parler francais|se tenir)\b"
            rf"|\b{DET} {GROUP} savent (?:ils|elles) (?:seulement |meme |vraiment )?(?:lire|ecrire|compter|"
            r"penser|reflechir|se laver)\b",
            0.7,
            "incapacité prêtée à tout un groupe",
        ),
        (
            rf"\bjamais (?:un|une|de) {GROUP} (?:n )?(?:epousera|epouser|sortira avec|sortir avec|touchera|"
            r"toucher|approchera|approcher|n entrera|entrer chez) (?:ma|mes|mon)\b",
            0.7,
            "refus d'un groupe de personnes dans sa famille",
        ),
        (
            rf"\bqui (?:a|aurait) envie de (?:vivre|habiter|travailler) (?:a cote|pres|aupres) (?:d une famille de|"
            rf"de ces|des|d un|d une) {GROUP}\b",
            0.65,
            "question qui présuppose le rejet d'un groupe de personnes",
        ),
        (
            rf"\b{DET} {GROUP}(?: \w+){{0,2}} n ont pas (?:leur|de) place (?:en|ici|chez|dans|parmi|sur)\b",
            0.75,
            "rejet d'un groupe de personnes hors du pays",
        ),
        (
            rf"\b{DET} {GROUP}(?: \w+){{0,2}} ne (?:devraient|doivent|devrait|doit) (?:pas|jamais|plus) "
            r"(?:pouvoir |avoir le droit d )?(?:adopter|voter|se marier|enseigner|travailler|elever|"
            r"avoir d enfants|avoir des enfants|acheter|louer|entrer|etre elus?|etre soignes?)\b",
            0.7,
            "droits refusés à un groupe de personnes",
        ),
        (
            r"\binterdi\w* (?:l entree|l acces|le territoire|le sol|la france|l europe|le pays)"
            rf"(?: \w+){{0,3}} (?:aux|a des|a les|des) {GROUP}\b"
            rf"|\binterdi\w* (?:aux|a des) {GROUP} (?:d entrer|de venir|l entree|l acces)\b",
            0.7,
            "appel à exclure un groupe de personnes",
        ),
        (
            r"\b(?:je ne|on ne|nous ne|je n|on n|nous n|je refuse d|je refuse de|on refuse de|nous refusons de|pas question d|"
            r"pas question de|jamais je ne) (?:\w+ )?(?:loue|louer|embauche|embaucher|recrute|recruter|"
            r"sers|servir|accepte|accepter|prends|prendre|soigne|soigner|embaucherais|embaucherait|louerais|louerait|"
            r"recruterais|recruterait|accepterais|accepterait|servirais|servirait|soignerais|soignerait)(?: jamais| plus| pas)? "
            rf"(?:a des|a les|aux|des|les|de|d|un|une|a un|a une) {GROUP}\b",
            0.75,
            "discrimination déclarée envers un groupe de personnes",
        ),
        (
            rf"\b(?:des )?{NEG_NOUN}(?:,? et des {NEG_NOUN})?,? voila ce que sont {DET} {GROUP}\b",
            0.8,
            "généralisation dégradante sur un groupe de personnes",
        ),
        (
            r"\bchances? pour la france\b",
            0.6,
            "« chance pour la France » : sarcasme raciste, un humain doit juger",
        ),
        (
            r"\b(?:on ne se sent plus|on n est plus|on ne se croirait plus) en (?:france|europe)\b"
            r"|\bon se croirait (?:a alger|a tunis|a rabat|a bamako|a dakar|a kaboul|en afrique|au maghreb|"
            r"au bled|en algerie|au maroc|a mogadiscio)\b"
            # the weather, the food or the light is no group (« on se croirait à Alger avec cette chaleur »)
            rf"{LIKE_A_PLACE}",
            0.55,
            "un quartier dit « plus en France » : un humain doit juger",
        ),
        (
            r"\b(?:prenoms?|origines?|religion|couleur(?: de peau)?|nationalites?|tete|faciès|facies) "
            r"(?:des|du|de l|de la|de ces|de cet|de ce) (?:\w+ )?(?:emeutiers?|agresseurs?|suspects?|violeurs?|"
            r"voleurs?|delinquants?|coupables?|casseurs?|terroristes?|tueurs?|meurtriers?|racailles?|mec|type|"
            r"gars|auteurs?)\b(?=[^.!?]{0,80}\b(?:on devine|devinez|tu comprends|on comprend|vous comprendrez|"
            r"tout le monde (?:a compris|sait|comprend)|comme par hasard|bizarrement|sans surprise|quelle surprise|"
            r"on connait la chanson|je vous laisse deviner|pas besoin|c est (?:un|le) hasard))"
            r"|\b(?:on devine|devinez|je vous laisse deviner|pas besoin de (?:preciser|dire|vous faire un dessin))"
            r"(?: \w+){0,3} (?:le prenom|l origine|la religion|la couleur|la nationalite)\b"
            r"|\b(?:tous|toutes|ont tous|ont toutes) (?:la meme|le meme) (?:couleur(?: de peau)?|origine|religion|"
            r"prenom|type)\b",
            0.55,
            "insinuation sur l'origine des auteurs : un humain doit juger",
        ),
        (
            r"\bdepuis qu (?:ils|elles) sont (?:arrives|arrivees|la|ici|venus|venues|installes|installees)\b"
            r"(?=[^.!?]{0,60}\b(?:vols?|agressions?|viols?|delinquance|insecurite|cambriolages?|trafics?|"
            r"problemes|incivilites|crimes?)\b)",
            0.5,
            "crimes imputés à l'arrivée d'un groupe : un humain doit juger",
        ),
        (
            r"\ble vivre ensemble,? on (?:voit|sait|a vu) (?:bien )?(?:ce que|ce qu|ou) (?:ca|cela|c) "
            r"(?:donne|mene|a donne)\b",
            0.5,
            "sarcasme sur le « vivre-ensemble » : un humain doit juger",
        ),
        (
            # crime told with a wink at the authors' origin (« encore un "jeune" qui a poignardé un
            # passant, on sait d'où il vient », « devinez qui a encore cassé les abribus »)
            r"\b(?:a|ont) (?:encore |de nouveau |une fois de plus )?(?:poignarde|frappe|agresse|brule|casse|vole|"
            r"viole|tabasse|pille|incendie|attaque|tue|egorge|deface|saccage)\w*\b"
            r"(?=[^\n]{0,100}\b(?:on sait (?:tous )?d ou (?:il|elle|ils|elles) (?:vient|viennent)|on devine|"
            r"devinez|comme par hasard|on connait la chanson|quelle surprise|sans surprise|tout le monde a compris|"
            r"pas des bretons|pas un breton|jamais un breton|suivez mon regard|je vous laisse deviner))"
            r"|\b(?:devinez|je vous laisse deviner|on sait tous|suivez mon regard)(?: \w+){0,3} (?:qui|quelle "
            r"communaute|quel genre de personnes?) (?:a|ont) (?:encore )?(?:poignarde|frappe|agresse|brule|casse|vole|"
            r"viole|tabasse|pille|incendie|attaque|tue|egorge|deface|saccage)\w*\b"
            r"|(?:«|\") ?(?:jeunes?|desequilibres?|individus?|incivilites?) ?(?:»|\")[^\n]{0,80}\b(?:a|ont|qui) "
            r"(?:encore )?(?:poignarde|frappe|agresse|brule|casse|vole|viole|tabasse|pille|incendie|attaque|tue|"
            r"egorge|crie)\w*\b",
            0.55,
            "insinuation sur l'origine des auteurs : un humain doit juger",
        ),
        (
            r"\bconnus? des services\b(?=[^.!?]{0,60}\b(?:on devine|devinez|comme d habitude|comme par hasard|"
            r"on connait la chanson|sans surprise|quelle surprise))"
            r"|\b(?:comme d habitude|comme par hasard|sans surprise|encore)\b[^.!?]{0,40}\bconnus? des services\b",
            0.5,
            "insinuation sur l'origine des auteurs : un humain doit juger",
        ),
        (
            rf"\b(?:chaque|tout|toute|un|une) {GROUP},? (?:est|c est|ce sont|sont) (?:forcement |toujours |"
            rf"par nature |par definition |naturellement )?(?:un |une |des )?(?:{NEG_NOUN})\b",
            0.75,
            "généralisation dégradante sur un groupe de personnes",
        ),
        (
            rf"\b{DET} {GROUP}(?: \w+){{0,3}},? (?:tous|toutes) (?:des|de) {NEG_NOUN}\b",
            0.8,
            "généralisation dégradante sur un groupe de personnes",
        ),
        (
            rf"\bchez {DET} {GROUP},? tout le monde (?:vole|ment|triche|deale|fraude|agresse|viole|trafique)\b"
            rf"|\b{DET} {GROUP},? toujours a (?:s enrichir|voler|mentir|profiter|tricher|comploter|se plaindre|"
            r"pleurnicher|mendier|frauder)\b",
            0.75,
            "généralisation dégradante sur un groupe de personnes",
        ),
        (
            rf"\b{DET} {GROUP}(?: \w+){{0,1}} vivent (?:tous |toutes )?(?:des allocations|des allocs|des aides|"
            r"du rsa|aux crochets|sur le dos|de l assistanat|de nos impots)\b"
            rf"|\baucun {GROUP} ne (?:travaille|bosse|fait rien)\b",
            0.7,
            "généralisation dégradante sur un groupe de personnes",
        ),
        (
            rf"\b{DET} {GROUP} savent (?:ils|elles) faire (?:autre chose|quelque chose d autre) (?:que|qu)\b",
            0.75,
            "question qui présuppose un trait dégradant d'un groupe",
        ),
        (
            rf"\b(?:supporter|tolerer|accepter|subir) encore {DET} {GROUP}\b"
            rf"|\bencore (?:supporter|tolerer|accepter|subir) {DET} {GROUP}\b",
            0.6,
            "question qui présuppose le rejet d'un groupe de personnes",
        ),
        (
            rf"\b(?:normal|acceptable|tolerable|logique) (?:que|qu) (?:les|des) {GROUP} (?:puissent|aient le droit d|"
            r"aient le droit de) (?:adopter|voter|se marier|enseigner|elever|travailler|vivre)\b",
            0.6,
            "droits d'un groupe de personnes mis en question : un humain doit juger",
        ),
        (
            rf"\b(?:un|une|les|des) {GROUP},? (?:ca|c a|cela) sert a (?:quoi|rien)\b",
            0.75,
            "négation de la valeur d'un groupe de personnes",
        ),
        (
            rf"\bque {DET} {GROUP}(?: \w+){{0,2}} (?:rentrent|retournent|repartent|partent|degagent|"
            r"s en aillent|se cassent|quittent (?:la france|le pays|l europe|notre pays))\b",
            0.75,
            "appel à exclure un groupe de personnes",
        ),
        (
            r"\brefus\w* (?:des |les |un |une |le |la |l )?(?:logements?|emplois?|postes?|soins|l entree|l acces|"
            rf"appartements?|locations?|stages?) (?:a|aux|a des|a les) {GROUP}\b"
            rf"|\b(?:je|on|nous) ne (?:veux|veut|voulons) (?:pas|plus|aucun|aucune) (?:de |d )?{GROUP} "
            r"(?:dans|chez|a cote|pres|parmi)\b",
            0.75,
            "discrimination déclarée envers un groupe de personnes",
        ),
        (
            rf"\ba quoi (?:servent|sert) (?:les|des|ces|un|une) {GROUP}\b",
            0.75,
            "négation de la valeur d'un groupe de personnes",
        ),
        (
            rf"\blaisser (?:des|les|ces) {GROUP} (?:approcher|s occuper|toucher|garder|enseigner a) "
            r"(?:des|de nos|nos|les) enfants\b",
            0.7,
            "groupe de personnes présenté comme un danger pour les enfants",
        ),
        (
            r"\b(?:ils|elles) n ont rien a faire (?:en france|ici|chez nous|en europe|dans (?:notre|ce) pays)"
            r"(?: \w+){0,2} (?:ces gens la|ces gens|ces|les) ",
            0.7,
            "rejet d'un groupe de personnes hors du pays",
        ),
        (
            rf"\b(?:je|j) (?:les )?trouve {DET} {GROUP}(?: \w+){{0,2}} (?:vraiment |tellement |trop )?"
            rf"(?:{NEG_ADJ}|{DISGUST})\b",
            0.75,
            "attribut négatif prêté à un groupe de personnes",
        ),
        (
            rf"\b{DET} {GROUP}(?: \w+){{0,2}} (?:puent|empestent|sentent (?:mauvais|la merde|le poisson|la sueur)"
            r"|volent tout|pillent tout|mendient tous|trichent tous|mentent tous)\b",
            0.75,
            "attribut négatif prêté à un groupe de personnes",
        ),
        (
            rf"\b(?:typique|typiquement|bien digne|c est bien|c est tellement|du pur|comportement typique) "
            rf"d (?:un|une) {GROUP}\b(?! (?:de |d )?(?:gagner|reussir|etre (?:genereu|accueill|courageu|brillant|"
            r"gentil|solidaire)))",
            0.6,
            "stéréotype prêté à un groupe : un humain doit juger",
        ),
        (
            rf"(?<!pourquoi )\binterdi\w* (?:aux|a tous les|a toutes les|a des|les) {GROUP} (?:de|d) (?:se presenter|voter|travailler|"
            r"vivre|habiter|acheter|enseigner|louer|posseder|se marier|adopter|exercer|entrer|sortir)\b",
            0.7,
            "droits refusés à un groupe de personnes",
        ),
        (
            r"\b(?:(?:je suis|on est|nous sommes|suis) contre le fait|je m oppose a ce|je refuse|on refuse|"
            r"il est inadmissible|c est inadmissible|c est une honte|je n accepte pas|je n accepterai jamais) "
            rf"qu (?:un|une|des|les) {GROUP} (?:puisse|puissent|devienne|deviennent|soit|soient|ait|aient) "
            r"(?:\w+ )?(?:devenir |etre )?(?:elus?|elues?|maires?|ministres?|presidente?s?|deputee?s?|"
            r"juges?|policiers?|professeure?s?|enseignante?s?|medecins?|patrons?|proprietaires?|le droit|"
            r"les memes droits|francaise?s?)\b",
            0.7,
            "droits refusés à un groupe de personnes",
        ),
        (
            rf"\b(?:un|une|aucun|aucune) {GROUP} ne (?:pourra|peut|pourrait|saura|sait) (?:jamais|pas) "
            r"(?:\w+ )?(?:diriger|gouverner|reussir|travailler|comprendre|reflechir|penser|s integrer|apprendre|"
            r"commander|enseigner|etre (?:honnete|intelligente?|competente?|fiable|francaise?))\b"
            rf"|\b{DET} {GROUP}(?: \w+){{0,2}} ne (?:pourront|peuvent|pourraient|sauront|savent) (?:jamais|pas) "
            r"(?:\w+ )?(?:diriger|gouverner|reussir|travailler|comprendre|reflechir|penser|s integrer|apprendre|"
            r"commander|enseigner)\b",
            0.7,
            "incapacité prêtée à tout un groupe",
        ),
        (
            rf"\b{DET} {GROUP}(?: \w+){{0,2}} (?:nous )?(?:coutent|coutaient|couteront)(?: (?:beaucoup|bien|vraiment|"
            r"tellement|deja))? (?:trop cher|trop|si cher|tres cher|une fortune|un pognon|un bras|des milliards)\b",
            0.6,
            "groupe de personnes présenté comme un fardeau : un humain doit juger",
        ),
        (
            rf"\b(?:tous|toutes) les {NEG_NOUN}(?: \w+){{0,2}} (?:sont|soient|etaient|seraient) (?:des )?{GROUP}\b",
            0.7,
            "généralisation dégradante sur un groupe de personnes",
        ),
        (
            rf"\b(?:aux|les|des) {GROUP}(?: \w+){{0,2}} avant (?:les|nos) (?:francais|citoyens|compatriotes|"
            r"retraites|sdf|gens d ici)\b",
            0.55,
            "préférence nationale contre un groupe : un humain doit juger",
        ),
        (
            rf"\b{GROUP}\b[^.]{{0,40}}\b(?:pas etonnant|rien d etonnant|forcement|evidemment|logique|faut pas s etonner)"
            rf"(?: (?:que|qu|si))?\b[^.]{{0,50}}\b(?:nul|nuls|niveau (?:\w+ )?(?:soit |est )?(?:nul|bas|catastrophique)|{CRIME}|bordel|sale|sales|chomage)\b",
            0.6,
            "groupe de personnes rendu responsable : un humain doit juger",
        ),
        (
            rf"\bdepuis (?:qu il y a|l arrivee (?:de|des|d)|l ouverture (?:de|d)|que (?:les|des)|l installation (?:de|des|d))"
            rf" (?:\w+ ){{0,2}}(?:{GROUP}|mosquees?|foyers? de migrants|centres? (?:de|pour) (?:migrants|refugies)|"
            rf"camps? de migrants)\b[^.]{{0,60}}\b{CRIME}\b",
            0.6,
            "groupe de personnes rendu responsable : un humain doit juger",
        ),
        (
            rf"\b(?:enrichie?s? culturellement|enrichissement culturel|quartiers? enrichie?s?)\b[^.]{{0,60}}\b{CRIME}"
            rf"|\b(?:{CRIME}|incendies?|brule\w*|casse\w*|tague\w*|degradations?)[^\n]{{0,80}}\b(?:devinez|je vous laisse deviner) qui (?:habite|vit|vivent|habitent|loge|logent) (?:dans )?(?:le|ce|la|cette)"
            r" (?:quartier|immeuble|cite|rue|ville)\b"
            r"|\bvous avez vu la (?:tete|tronche|gueule|couleur) (?:du|des|de l) (?:suspect|agresseur|auteur|coupable|violeur|"
            r"voleur)s?\b"
            r"|\b(?:on ne (?:dira|donnera|citera) pas|on ne dit pas|ils ne disent pas|ils ne donnent pas) (?:le prenom|l origine|"
            r"la nationalite) (?:du|des|de l) (?:suspect|agresseur|auteur|coupable|violeur|voleur|meurtrier)s?"
            r"(?=[^.]{0,60}\b(?:compris pourquoi|devine pourquoi|devinez pourquoi|on se demande pourquoi|bizarre|"
            r"comme par hasard|on sait pourquoi))",
            0.55,
            "insinuation sur l'origine des auteurs : un humain doit juger",
        ),
        (
            rf"\b{DET} {GROUP}\b(?: \w+){{0,4}} (?:semi|mi|demi|a moitie) (?:humains?|hommes?|animal|animaux|singes?|betes?)\b"
            rf"|\b{DET} {GROUP}(?: \w+){{0,2}} (?:ne sont|ne seront|n est|ne sera) (?:pas|jamais) (?:les |l )?egaux? "
            r"(?:des|de|a|aux) (?:blancs|hommes|francais|europeens|autres|nous)\b"
            r"|\b(?:la femme|les femmes|une femme) (?:n est|ne sont|ne sera|ne seront) (?:pas|jamais) (?:l |les )?egales? "
            r"(?:de|a) l homme\b",
            0.7,
            "infériorité prêtée à un groupe de personnes",
        ),
        # violence against a group is hate too (« je vais égorger tous les … », « les … devraient
        # tous être tués »): the violence clause holds it, the racism clause as well
        (
            r"\b(?:(?:je|j|on|nous) (?:vais|va|allons|veux|veut|voudrais|aimerais|devrait|devrions|doit|devons)"
            rf"|il (?:faut|faudrait)|faut|faudrait) (?:\w+ )?(?:{KILL}|se debarrasser|eliminer|eradiquer|exterminer)"
            rf"(?: \w+){{0,2}}? (?:tous |toutes )?(?:les|des|ces|de|d) {GROUP}\b"
            rf"|\b{KILL_IMPERATIVE_WE}(?: \w+){{0,2}}? (?:tous |toutes )?(?:les|des|ces) {GROUP}\b"
            rf"|\b(?:envie de|vais|veux|voudrais|aimerais) (?:{KILL}|frapper|cogner|tabasser|taper sur|casser la gueule a)"
            rf" (?:chaque|tous les|toutes les|les|des|ces) {GROUP}\b"
            rf"|\bmort (?:aux|a tous les|a toutes les|a ces) {GROUP}\b"
            rf"|\b(?:{KILL}|eliminer|exterminer|frapper|tabasser) (?:des|les) {GROUP} (?:devrait|devrait etre|serait|est)"
            r" (?:legal|autorise|permis|un devoir|une bonne chose|normal)\b",
            0.85,
            "appel à la violence contre un groupe de personnes",
        ),
        (
            rf"\b(?:tous |toutes )?{DET} {GROUP}(?: \w+){{0,2}} (?:devraient|doivent|meritent d|meriteraient d) "
            r"(?:tous |toutes )?(?:etre |d etre )?(?:tue|tues|tuees|extermine\w*|elimine\w*|abattu\w*|pendu\w*|gaze\w*"
            r"|brule\w*|fusille\w*|egorge\w*|massacre\w*|morts?|mortes|mourir|crever|disparaitre)\b",
            0.85,
            "mort souhaitée d'un groupe de personnes",
        ),
        (
            # « ne serait-ce pas mieux si … étaient tous morts ? »: the negation is rhetorical
            rf"\b(?:mieux|bien|bon debarras) (?:si|que) {DET} {GROUP}(?: \w+){{0,2}} (?:etaient|soient|seraient) "
            r"(?:tous |toutes )?(?:morts?|mortes|extermine\w*|elimine\w*|disparus?|disparues)\b",
            0.85,
            "mort d'un groupe de personnes présentée comme souhaitable",
        ),
        (
            r"\b(?:plutot (?:mourir|crever)|je prefererais (?:mourir|crever)|je prefere (?:mourir|crever))"
            rf"(?: plutot)? (?:que|qu) (?:de )?(?:\w+ ){{0,3}}?(?:un|une|des|les) {GROUP}\b",
            0.7,
            "refus d'un groupe de personnes dans sa famille",
        ),
        (
            r"\b(?:je|j|on|nous) (?:ne|n) (?:respecte|respectons|respecterai|respecterons) (?:pas|plus|jamais|aucun|aucune)"
            rf" (?:les |des |ces |un |une )?{GROUP}\b",
            0.7,
            "mépris déclaré envers un groupe de personnes",
        ),
        (
            r"\b(?:ne (?:ferais|ferai|fais|ferions|peut|peux|pourra|pourrai|pourrait) (?:jamais|pas|plus) (?:faire )?"
            rf"confiance|jamais confiance) (?:a|aux) (?:un |une |des |les )?{GROUP}\b"
            rf"|\b{DET} {GROUP}(?: \w+){{0,2}} ne valent (?:rien|jamais rien|pas grand chose|pas un clou)\b"
            rf"|\b(?:la vie|les vies) (?:des|de ces|d un|d une) {GROUP} ne (?:vaut|valent) (?:rien|pas grand chose)\b",
            0.75,
            "négation de la valeur d'un groupe de personnes",
        ),
        (
            rf"\b{DET} {GROUP}(?: \w+){{0,2}} ne sont (?:ils|elles) pas (?:tous |toutes )?(?:vraiment |tellement )?"
            rf"(?:des |de )?(?:{NEG_ADJ}|{NEG_NOUN}|{DISGUST})\b",
            0.75,
            "question qui prête un défaut à tout un groupe",
        ),
        (
            rf"\b(?:des|les|ces) {GROUP}\b[^!?]{{0,60}}? (?:\. )?(?:ils|elles) sont (?:tous |toutes )?"
            rf"(?:vraiment |tellement |trop )?(?:des |de )?(?:{NEG_ADJ}|{NEG_NOUN}|{DISGUST})\b",
            0.7,
            "attribut négatif prêté à un groupe de personnes",
        ),
        (
            r"\brien ne (?:m|nous) (?:enerve|degoute|insupporte|ecoeure|revulse|agace|repugne) (?:plus|autant|davantage)"
            rf" que (?:les|ces|des) {GROUP}\b"
            r"|\b(?:je|j|on|nous) (?:ne|n) (?:supporte|supportons|peux|peut|pouvons) (?:pas|plus) (?:de |d )?"
            rf"(?:voir|entendre|croiser|cotoyer|avoir|sentir) (?:des|les|ces) {GROUP}\b",
            0.7,
            "émotion négative à l'égard d'un groupe de personnes",
        ),
        (
            rf"\b{DET} {GROUP}(?: \w+){{0,2}} ne (?:savent|font|pensent|cherchent) (?:que|qu a|rien d autre que|rien faire d autre que)"
            r" (?:voler|mentir|tricher|profiter|mendier|frapper|tuer|violer|se plaindre|pleurnicher|detruire|casser|"
            r"dealer|pondre|faire des gosses|nous envahir|nous voler|nous egorger|nous remplacer|squatter|foutre le bordel)\b",
            0.75,
            "généralisation dégradante sur un groupe de personnes",
        ),
        (
            rf"\bvous,? (?:les|des) {GROUP},? vous etes (?:tous |toutes )?(?:vraiment |tellement )?(?:des |une |un )?"
            rf"(?:{NEG_NOUN}|{NEG_ADJ})\b",
            0.75,
            "généralisation dégradante sur un groupe de personnes",
        ),
        (
            r"\bpour nous (?:remplacer|envahir|islamiser|coloniser|submerger|grand remplacer)\b"
            r"|\b(?:ils|elles|les \w+) (?:font|pondent) (?:des|plein d|trop d) (?:enfants|gosses|bebes|mioches)"
            r"(?: \w+){0,2} pour (?:nous )?(?:remplacer|envahir|toucher les allocs|les allocs)\b",
            0.6,
            "cliché de l'invasion ou du remplacement",
        ),
        (
            r"\b(?:ressemble|ressemblera|ressemblent|ressemblait) (?:de plus en plus|deja|maintenant) a (?:kinshasa|alger|bamako|tunis|dakar|kaboul|mogadiscio|bagdad|l afrique|un souk|un bled|le bled|tombouctou|lagos|tanger|casablanca|rabat|oran|abidjan|conakry|islamabad|karachi|riyad|teheran|la casbah|gaza)\b"
            r"|\bon se (?:croirait|croit|croyait) (?:a|en|au) (?:kinshasa|alger|bamako|tunis|dakar|kaboul|mogadiscio|bagdad|l afrique|un souk|un bled|le bled|tombouctou|lagos|tanger|casablanca|rabat|oran|abidjan|conakry|islamabad|karachi|riyad|teheran|la casbah|gaza|afrique|maghreb)\b"
            rf"{LIKE_A_PLACE}"
            r"|\b(?:dans \w+ ans|bientot|demain|d ici \w+ ans),? (?:on|nos enfants|nos petits enfants|tout le monde|vos enfants)"
            r" (?:parlera arabe|parleront arabe|priera|prieront|devra prier|devront prier|mangera halal|mangeront halal"
            r"|portera le voile|porteront le voile|sera musulman|seront musulmans|sera minoritaire|seront minoritaires)\b",
            0.55,
            "cliché de l'invasion ou du remplacement",
        ),
        (
            r"\b(?:regardez|il suffit de regarder|voyez|regarde|on sait|demandez vous) qui (?:remplit|remplissent|peuple|"
            r"peuplent|occupe|occupent) (?:nos|les) prisons\s*(?:[.!?]|$)"
            r"|\b(?:voleur|agresseur|suspect|coupable|violeur|dealer|auteur|cambrioleur|meurtrier)s? (?:\w+ ){0,2}(?:avait|a|ont"
            r"|avaient) un (?:petit |fort )?accent\b[^.]{0,40}\b(?:vous voyez (?:de qui|ce que)|suivez mon regard|"
            r"devinez|je vous laisse deviner|comme par hasard)",
            0.55,
            "insinuation sur l'origine des auteurs : un humain doit juger",
        ),
        (
            rf"\b{DET} {GROUP}(?: \w+){{0,2}} (?:sont partout dans|controlent|tiennent|dirigent|possedent|noyautent) "
            r"(?:tous |toutes )?(?:les medias|la finance|les banques|le monde|hollywood|le pouvoir|la politique|"
            r"l economie|les gouvernements|la presse)\b",
            0.7,
            "cliché complotiste sur un groupe de personnes",
        ),
        (
            r"\b(?:(?:ils|elles) (?:arrivent|debarquent|viennent)\b[^.]{0,40}\b(?:repartent avec|pour|et touchent|et profitent de)"
            r"|(?:ces gens la|ces gens) (?:touchent|profitent de|vivent de|piquent|volent|pompent)) (?:toutes )?nos "
            r"(?:allocs|allocations|aides sociales|aides|prestations)\b",
            0.5,
            "groupe de personnes présenté comme profiteur : un humain doit juger",
        ),
        (
            r"\b(?:a t on|est ce qu on a|est ce que l on a|avons nous|on a) (?:vraiment |reellement |encore )?besoin"
            rf" (?:de plus d|de plus de|de davantage d|davantage d|d encore plus d|d autres|de nouveaux|de) {GROUP}\b"
            r"(?=[^.!]{0,40}(?:\?|\. |$))",
            0.55,
            "question qui rejette un groupe de personnes : un humain doit juger",
        ),
        (
            # « c'est quand qu'on les renvoie chez eux, les clandestins ? »: the group named after
            rf"\b(?:renvoi|renvoy|expuls|vir|deport|chass)\w* chez eux\b[^.!?]{{0,20}}\b{GROUP}\b"
            rf"|\bfermer (?:les|nos) frontieres (?:aux|a tous les|a toutes les|a des|a ces) {GROUP}\b"
            rf"|\bcombien d (?:autres )?{GROUP}|\bcombien de (?:(?:ces|nouveaux|plus) )?{GROUP}"
            r"(?= (?:faut il|faudra t il|va t on|allons nous|doit on|devra t on|devons nous) (?:encore )?"
            r"(?:accueillir|supporter|subir|loger|nourrir|importer|faire entrer|laisser entrer)\b)",
            0.6,
            "question qui rejette un groupe de personnes : un humain doit juger",
        ),
        (
            rf"\b{DET} {GROUP},? (?:ils|elles|ca) (?:savent|sait|peuvent|peut) (?:faire )?(?:autre chose|"
            r"quelque chose d autre|rien d autre) que (?:mendier|voler|piller|tricher|frauder|profiter|"
            r"se plaindre|toucher|vivre|faire des enfants|dealer|casser|bruler|tuer)\b"
            rf"|\b{DET} {GROUP},? ca (?:travaille|bosse|pense|reflechit|se lave|comprend|parle francais|"
            r"paie|paye)(?: \w+)? (?:parfois|des fois|un jour|de temps en temps|quelquefois)\b"
            rf"|\b(?:est ce qu |est ce que )?(?:un|une) {GROUP} (?:peut|pourrait|sait) (?:vraiment |seulement )?"
            rf"(?:etre )?{POS_ADJ}(?= (?:sincerement|franchement|serieusement|vraiment|au fond|\.|$))"
            rf"|\bpourquoi {DET} {GROUP} (?:sont ils|sont elles|sont|ont ils|ont elles) (?:toujours|tous|toutes|"
            r"systematiquement|si souvent) (?!(?:moins payee?s|victimes|discrimine|sous represente|absents? des)\b)"
            r"(?:en retard|sales?|bruyante?s?|violente?s?|paresseu\w*|feneante?s?|faineante?s?|malhonnetes?|"
            r"agressi\w*|en train de (?:voler|mendier|se plaindre|rale\w*)|au chomage|en prison|dans les "
            r"embrouilles|a (?:voler|mendier|tricher|se plaindre))\b",
            0.6,
            "question qui prête un défaut à tout un groupe",
        ),
        (
            rf"\b{DET} {GROUP},? (?:moi |perso |personnellement )?(?:j en veux pas|je n en veux pas|j en veux plus|"
            r"je n en veux plus|on n en veut pas|on en veut pas|on n en veut plus|on en veut plus)\b"
            rf"|\b{DET} {GROUP},? (?:moi |perso )?(?:je|j) (?:ne )?les (?:aime pas|aime vraiment pas|supporte pas|"
            r"supporte plus|sens pas|blaire pas|encadre pas|piffe pas|deteste|hais|meprise|vomis)\b"
            rf"|\b{DET} {GROUP},? moins (?:il y en a|y en a|on en voit|on en a)\b",
            0.7,
            "rejet déclaré d'un groupe de personnes",
        ),
        (
            r"\b(?:steriliser|sterilisons|sterilisez|castrer|enfermer|enfermons|parquer|parquons|ficher|fichons|"
            r"deporter|deportons|gazer|interner|internons|marquer|rafler|raflons) (?:tous |toutes )?(?:les|ces|des) "
            rf"{GROUP}\b"
            rf"|\b{DET} {GROUP}(?: \w+){{0,2}} (?:devraient|doivent|devrait|meritent d) (?:tous |toutes )?etre "
            r"(?:parques|parquees|fiches|fichees|enfermes|enfermees|sterilises|sterilisees|castres|internes|"
            r"internees|marques|marquees|deportes|deportees)\b",
            0.75,
            "persécution d'un groupe de personnes souhaitée",
        ),
        (
            rf"\b{DET} {GROUP} (?:ont|possedent|detiennent|prennent) (?:beaucoup |bien |vraiment )?trop de "
            r"(?:pouvoir|influence|argent|place|droits|privileges)\b",
            0.6,
            "cliché d'un groupe qui aurait trop de pouvoir : un humain doit juger",
        ),
        (
            rf"\b(?:un|une|aucun|aucune) {GROUP} ne (?:devrait|doit|devrait jamais|doit jamais) (?:jamais |pas |plus )?"
            r"(?:pouvoir )?(?:approcher|s approcher|toucher|garder|s occuper|elever|adopter|enseigner|voter|"
            r"etre elue?|diriger)\b"
            r"|\b(?:retirer|supprimer|enlever|refuser|interdire) (?:le droit de vote|la nationalite|les allocations|"
            r"les aides sociales|les aides|les droits|le droit de se marier|le logement social) (?:a|aux|a tous les|"
            rf"a toutes les|des) (?:{GROUP}|francais d origine \w+|binationaux|naturalises)\b",
            0.7,
            "droits refusés à un groupe de personnes",
        ),
        (
            r"\b(?:vous connaissez|tu connais|t connais|connaissez vous|connais tu|vous en connaissez|tu en connais)"
            rf" (?:un|une|des|beaucoup d|beaucoup de) {GROUP} qui (?:travaille|travaillent|bosse|bossent|paie|paient|"
            r"paye|payent|est honnete|sont honnetes|respecte|respectent|se lave|se lavent|sait lire|savent lire)\b"
            rf"|\bdepuis quand (?:les|des|une|un) {GROUP} (?:savent|sait|peuvent|peut|sont capables d|est capable d)"
            r"(?:e)? ?\w+",
            0.6,
            "question qui prête un défaut à tout un groupe",
        ),
        (
            rf"\b(?:un|une) {GROUP} n a rien a faire (?:en|dans|a|au|ici|chez|parmi)\b",
            0.7,
            "appel à exclure un groupe de personnes",
        ),
    )
)

#: « ne … pas » before the hit, but not the restrictive « ne … que » (« je n'éprouve que du dégoût »).
NEGATION = regex_cache.compile(r"\b(?:ne|n)\b(?! \w+ (?:que|qu)\b) [^.]{0,30}$")
INNER_NEGATION = regex_cache.compile(
    r"\b(?:ne|n) (?:sont|seront|etaient|est) (?:pas|point)\b|\bpas (?:des|tous)\b"
)


#: Rules whose very words are a negation (« ne sont pas des êtres humains »): not discounted.
NEGATED_BY_DESIGN: frozenset[str] = frozenset(
    {
        "humanité ou normalité refusée à un groupe de personnes",
        "négation de la valeur d'un groupe de personnes",
        "négation d'une qualité chez tout un groupe",
        "négation de l'appartenance d'un groupe de personnes",
        "négation de la capacité d'un groupe à s'intégrer",
        "infériorité prêtée à un groupe de personnes",
        "qualité déniée à tout un groupe",
        "refus d'un groupe de personnes dans sa famille",
        "droits refusés à un groupe de personnes",
        "incapacité prêtée à tout un groupe",
        "existence refusée à un groupe de personnes",
        "mépris déclaré envers un groupe de personnes",
        "question qui met en doute l'humanité d'un groupe de personnes",
        "question qui prête un défaut à tout un groupe",
        "mort d'un groupe de personnes présentée comme souhaitable",
    }
)


#: « Est-ce raciste de dire que … », « on n'a plus le droit de dire que … »: the words after are
#: the commenter's own claim, defended, not reported.
ENDORSED_BEFORE = regex_cache.compile(
    r"\b(?:est ce|serait ce|c est|ce n est|c est pas|on n a (?:plus|pas|meme plus) le droit de|"
    r"on ne peut (?:plus|meme plus|pas)|j ai (?:bien )?le droit de|interdit de)"
    r"(?: \w+){0,3} (?:dire|ecrire|penser|constater|rappeler) (?:que|qu)\b"
)
#: Rules whose words are scare-quoted by those who use them (« une "chance pour la France" »):
#: the quotation marks are the sarcasm, not a quotation.
SCARE_QUOTED: frozenset[str] = frozenset(
    {
        "« chance pour la France » : sarcasme raciste, un humain doit juger",
        "insinuation sur l'origine des auteurs : un humain doit juger",
    }
)


def _score(base: float, view: Canonical, start: int, end: int, note: str = "") -> float:
    score = base
    before = view.sentence_before(start)
    inside = view.text[start:end]
    negated = NEGATION.search(before[-30:]) or INNER_NEGATION.search(inside)
    if negated and note not in NEGATED_BY_DESIGN:
        score *= 0.3
    if reported(view.text, start, end) and not ENDORSED_BEFORE.search(before):
        score *= 0.35
    if view.in_quotes(start, end) and note not in SCARE_QUOTED:
        score *= 0.5
    return score


def group_hate(text: str) -> list[tuple[float, Span, str]]:
    view = canonical(text)
    out: list[tuple[float, Span, str]] = []
    for pattern, base, note in RULES:
        for match in pattern.finditer(view.text):
            if match.end() <= match.start():
                continue
            span = view.span(match.start(), match.end())
            out.append(
                (
                    _score(base, view, match.start(), match.end(), note),
                    span,
                    f"{note} (« {span.text} »)",
                )
            )
    return out
