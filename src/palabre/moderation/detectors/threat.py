"""Threats and calls to violence (clause « Aucun appel à la violence »), read through the French
grammar of threats rather than a word list:

- who acts and when: « je vais / on va / j'vais » + a person as object, the future
  (« je te tuerai »), « il faut / faudrait », « mériter que / mérite une balle », the
  subjunctive of a wish (« qu'il crève »), the imperative first person plural
  (« exterminons-les »);
- violent acts, euphemisms and idioms: régler son compte, faire la peau, coudre la bouche,
  une balle dans la tête, au bout d'une corde, « t'es mort », six pieds sous terre, « tu ne
  verras pas Noël », « je sais où tu habites »;
- an addressee: tu/vous, a pronoun, a named person or a group.

What keeps contrasts clean: figurative subjects (« cette réforme va tuer le commerce » has no
person as object), harmless verbs (« je vais te répondre »), negation (« je ne vais pas te
tuer »), quotation marks, and report or condemnation before the words in the same sentence
(« il a été condamné pour avoir menacé… », « il a écrit "je vais te tuer" »). Rules run on the
canonical text, so leet, dotted and spaced forms (« ext3rminer », « t.u.e.r ») are read too."""

from __future__ import annotations

import re

from palabre.moderation import regex_cache
from palabre.moderation.charter import Charter
from palabre.moderation.detectors._canonical import Canonical, canonical
from palabre.moderation.detectors._lexical import aggregate
from palabre.moderation.detectors._rules import Rule, rule
from palabre.moderation.detectors._speech import reported
from palabre.moderation.figurative import BENIGN_OBJECT, about_pests
from palabre.moderation.findings import Category, CheckContext, DetectorOutput, Span


def _alt(words: str) -> str:
    return "(?:" + "|".join(words.split()) + ")"


KILL_STEMS = (
    "tu but abatt flingu egorg pend fusill massacr extermin liquid execut zigouill assassin lynch "
    "decapit poignard brul cram defonc tabass lapid tortur mutil eventr saign degomm dessoud "
    "refroid etrangl noy bastonn crev"
)
_STEM = _alt(KILL_STEMS)
KILL = rf"(?:{_STEM}(?:er|ir|re)|abattre|pendre|violer|planter|gazer|fumer|trouer|descendre|niquer|niker)"
KILL_FUTURE = rf"(?:{_STEM}e?r(?:ai|as|a|ons|ez|ont)|abattr(?:ai|as|a|ons|ez|ont)|pendr(?:ai|as|a|ons|ez|ont))"
KILL_SUBJ = (
    rf"(?:{_STEM}(?:e|es|ent)|abatte|pende|creve|crevent|meure|meurent|pourrisse|pourrissent)"
)
KILL_IMPERATIVE_WE = (
    r"(?:tuons|butons|exterminons|pendons|fusillons|massacrons|egorgeons|lynchons|brulons"
    r"|abattons|liquidons|cramons|flinguons|lapidons|executons|decapitons|eradiquons|gazons les"
    r"|noyons|etranglons|descendons)"
)
VIOLENT_IDIOM = (
    r"(?:faire la peau|regler (?:son|ton|leur|votre) compte(?! (?:en banque|bancaire|courant))"
    r"|coudre la bouche|casser (?:la gueule|la tete|les dents|les jambes)|peter (?:la gueule|les dents)"
    r"|refaire le portrait|faire sauter la cervelle|eclater (?:la tete|la gueule)|crever les yeux"
    r"|faire bouffer ses dents|pendre haut et court|briser les (?:jambes|os|genoux|doigts)"
    r"|casser les (?:jambes|genoux|doigts|os)|botter (?:le cul|les fesses|l arriere train))"
)
OBJ = r"(?:te|t|vous|le|la|les|l|lui|leur)"
PERSON_SUBJ = r"(?:je|j|jvais|on|nous|ils|il|elle|vous)"
GO = r"(?:vais|vas|va|allons|allez|vont|vai)"
PERSON_TARGET = r"(?:toi|vous|ta|ton|tes|ce|cet|cette|ces|tous|toutes|sa|son|ses|leur|leurs|mon|ma)"
BEAT = _alt(
    "soulever demonter eclater marave maraver goumer cogner frapper taper tabasser defoncer "
    "massacrer bolosser fracasser detruire allumer terminer finir exploser atomiser defigurer "
    "bousiller latter tataner"
)
BALL = r"(?:une|des|deux|la) balles? (?:dans|entre) (?:la tete|le crane|les yeux|la nuque|le dos|le bide|la gueule|le front)"


def _r(regex: str, score: float, note: str, negatable: bool = True) -> Rule:
    return rule(regex, score, note, negatable)


#: A friendly plan or a service after « je sais où tu habites » (« je passe te prendre à 8 h »,
#: « grâce au formulaire, merci »): not a threat.
FRIENDLY_AFTER = (
    r"(?![^.!?]{0,40}\b(?:je passe|on passe|je viens te (?:prendre|chercher)|je t apporte|je te depose"
    r"|je te ramene|ton colis|le colis|ton cadeau|pour (?:ton|ta) (?:anniversaire|fete)|pas besoin de"
    r"|t inquiete|grace (?:au|a la|a l|a ton|a ta)|merci|pour (?:la livraison|le colis|t envoyer|la facture|"
    r"l inscription|la carte)|je t envoie|on t envoie|on t enverra|je te l envoie|on (?:l|les) emmenera"
    r"|on (?:l|les) emmene|pour (?:la|ta) fete|je te (?:rends|rapporte)|pour te (?:rendre|rapporter|livrer)"
    r"|on se voit|on se retrouve|on se fait|pour l apero|pour (?:diner|dejeuner|le cafe|un cafe)|on dejeune"
    r"|on dine|boire un verre|un verre|si tu veux|tu veux que|cremaillere|on viendra (?:a|au|pour|feter|boire|manger|te feliciter)|sympa|super|joli|jolie|je te prepare|je viendrai|je viens|je passerai|je peux (?:la|le|les) (?:recuperer|chercher|prendre|raccompagner|accompagner|ramener|deposer)|fete des voisins|j y suis (?:deja )?(?:passe|alle)|je peux (?:aller |venir )?(?:le|la|les|te) "
    r"|chez (?:ta|ton|tes) (?:soeur|frere|mere|pere|parents|cousins?|cousines?|copain|copine|pote|potes)"
    r"|avis de passage|le facteur|le livreur|la livraison|le colis|le courrier|votre boite|ta boite"
    r"|on y a habite|j y ai habite|on y habitait|j y habitais|covoitur\w*|(?:tout )?pres de chez moi|"
    r"a cote de chez moi|quand (?:tu veux|vous voulez)|derriere le canape|cache cache))"
)

RULES: tuple[Rule, ...] = (
    _r(
        r"\b(?:je|j|on) (?:vais|va|vas) t en (?:mettre|coller|foutre|retourner) une\b",
        0.75,
        "menace de coups (« je vais t'en mettre une »)",
    ),
    _r(
        r"\btu vas (?:pleurer|morfler|deguster|comprendre ta douleur|le sentir passer|"
        r"regretter d etre ne|prendre cher|te prendre une (?:droite|gauche|beigne|raclee))\b"
        r"(?! (?:de rire|de joie|d emotion|au cinema|devant))",
        0.6,
        "intimidation : un humain doit juger",
    ),
    _r(r"\bregretter d etre ne\b", 0.7, "intimidation (« regretter d'être né »)"),
    _r(
        r"\b(?:t as|tu as|vous avez|t a) interet a (?:courir|te cacher|partir|fuir|raser les murs"
        r"|changer de ville|dormir avec un oeil ouvert)\b",
        0.65,
        "intimidation : un humain doit juger",
    ),
    _r(
        r"\bon (?:regle|reglera|va regler|se regle) (?:ca|nos comptes|tes comptes|le probleme) "
        r"(?:a la sortie|dehors|apres les cours|derriere le)\b",
        0.65,
        "rendez-vous pour en découdre : un humain doit juger",
    ),
    _r(
        r"\b(?:on|je|j) (?:va|vais) te (?:choper|chopper|attraper|coincer|serrer)\b"
        r"(?! (?:un|une|des|du|de la|le|la|les|deux|ta|ton|tes|au|a la) )",
        0.6,
        "menace de s'en prendre à quelqu'un : un humain doit juger",
    ),
    _r(
        rf"\b(?:(?:je|j|on|nous) (?:vais|va|vas|allons)|jvais|jvai) (?:te|t|vous) (?:{BEAT})\b"
        rf"(?! (?:un|une|des|du|de la|le|la|les|ce|cet|cette|ces|mon|ma|mes|a la porte|les oreilles"
        rf"|les pieds|la tete avec|de rire|en (?:beaute|musique)|au (?:scrabble|foot|tennis|jeu|match)))",
        0.7,
        "menace de coups (« je vais te démonter »)",
    ),
    _r(
        rf"\b(?:si (?:je|j|on) (?:te|vous) (?:croise|chope|vois|attrape|trouve)\w* ?,? (?:je|j|on) (?:te|vous) "
        rf"(?:{BEAT}|{KILL})|(?:attends?|attendez) (?:que|qu) (?:je|j|on) (?:te|vous) (?:croise|chope|attrape|trouve))\b",
        0.7,
        "menace conditionnelle (« si je te croise… »)",
    ),
    _r(
        r"\b(?:je|j|on) (?:vais|va) (?:te|vous|lui|leur) faire (?:du mal|mal|regretter|souffrir|payer"
        r"|la misere|passer l envie)\b",
        0.65,
        "intimidation (« je vais te faire du mal »)",
    ),
    _r(
        r"\b(?:tu vas|tu va|t vas|vous allez|vous aller) avoir (?:des|de gros|de graves|de serieux) "
        r"(?:problemes|ennuis|soucis)\b(?! (?:de|d|avec|pour|si|quand|a cause))",
        0.6,
        "intimidation : un humain doit juger",
    ),
    _r(
        r"\b(?:tes|vos|ses) jours sont comptes\b|\bcompte tes jours\b|\bprepare (?:ton|ta) (?:cercueil|tombe|enterrement)\b",
        0.75,
        "menace de mort déguisée",
    ),
    _r(
        r"\b(?:il|ca) (?:va|pourrait|risque de) (?:t|te|vous|lui|leur) arriver (?:un accident|malheur|un malheur"
        r"|quelque chose de (?:grave|mal|facheux))\b|\bfais gaffe a (?:toi|ta famille|tes gosses|tes enfants)\b"
        r"(?! (?:sur la route|en voiture|au volant|avec|il (?:pleut|neige|fait)))",
        0.6,
        "intimidation : un humain doit juger",
    ),
    _r(
        r"\b(?:je|j|on) (?:te|vous) retrouverai\w*\b|\b(?:tu|vous) (?:me |le )?(?:paieras|paierez|payeras|payerez)\b"
        r"|\b(?:ta|votre) famille (?:va|vont) (?:payer|souffrir|y passer)\b",
        0.6,
        "intimidation : un humain doit juger",
    ),
    _r(
        r"\b(?:je|j|on) (?:vais|va) (?:mettre le feu|foutre le feu) (?:chez (?:toi|vous|lui|eux)|a (?:ta|votre|sa|leur) (?:maison|baraque|voiture))"
        r"|\btirer dans (?:le tas|la foule)\b|\b(?:tordre|briser) (?:le|ton|son) cou\b",
        0.8,
        "menace de violence grave",
    ),
    _r(
        rf"\b(?:je|j|on|nous) (?:veux|veut|voudrais|voudrait|aimerais|aimerait|voulons|voudrions) "
        rf"(?:{KILL}|{VIOLENT_IDIOM}) (?:tous|toutes|les|ces|ce|cette|cet|ton|ta|tes)\b",
        0.85,
        "désir déclaré de tuer ou de frapper des personnes",
    ),
    _r(
        rf"\b(?:on|nous|vous|ils|il) (?:devrait|devrions|devraient|doit|doivent|devrait tous) "
        rf"(?:{KILL}) (?:tous|toutes|les|ces)\b",
        0.85,
        "appel à la violence (« on devrait … tous les … »)",
    ),
    _r(
        r"\b(?:devrait|devraient|doit|doivent|merite|meritent|meriterait|meriteraient|faudrait le"
        r"|faudrait la|faudrait les) (?:tous |toutes )?(?:etre |d etre )(?:pendu|fusille|abattu|tue|execute|brule"
        r"|gaze|lynche|decapite|egorge|guillotine|flingue|bute|lapide|torture)(?:e|s|es)?\b",
        0.85,
        "souhait d'exécution (« devrait être pendu »)",
    ),
    _r(
        r"\b(?:fasse|faire|faites|fassent) taire (?:definitivement|pour de bon|a jamais)\b",
        0.75,
        "appel à réduire quelqu'un au silence pour de bon",
    ),
    _r(
        r"\b(?:je|j|on|nous) (?:connais|connait|connaissons|sais|sait|savons) (?:ta voiture"
        r"|tes horaires|ton ecole|tes enfants|ta femme|ton mari|ta fille|ton fils|ton numero"
        r"|ou tu (?:travailles|bosses|te gares|vas)|ou vous (?:travaillez|vivez))\b"
        rf"{FRIENDLY_AFTER}",
        0.7,
        "intimidation : la cible est surveillée",
    ),
    _r(
        rf"\b(?:{PERSON_SUBJ} {GO} (?:tous )?{OBJ}|(?:jvais|jvai) {OBJ}|jte|jvous) (?:{KILL}|{VIOLENT_IDIOM}|retrouver et)\b",
        0.9,
        "menace directe (« je vais / on va » + violence contre quelqu'un)",
    ),
    _r(
        rf"\b(?:je|j|on|nous) {GO} {KILL} {PERSON_TARGET}\b",
        0.85,
        "menace directe contre une personne",
    ),
    _r(rf"\b(?:je|j|on|nous|ils|il) {OBJ} {KILL_FUTURE}\b", 0.85, "menace au futur"),
    _r(
        rf"\b(?:je|j|on|nous) (?:te|vous|le|la|les|l) {_STEM}(?:e|es|ent|ons)\b",
        0.8,
        "menace directe (« on te crève »)",
    ),
    _r(
        r"\bj ?te (?:supprime|bute|tue|defonce|nique|niques|crame|egorge|plante|demonte)\b",
        0.85,
        "menace directe",
    ),
    _r(
        rf"\b{OBJ} {KILL_FUTURE}\b(?! (?:le|la|les) (?:temps|suspense|commerce))",
        0.6,
        "violence annoncée au futur contre une personne",
    ),
    _r(
        rf"\b(?:il|y) (?:faut|faudrait|faudra|fallait) (?:juste |tous |toutes )?(?:{OBJ} )?"
        rf"(?:tous |toutes )?{KILL}\b(?! (?:le|la|les) (?:temps|suspense|gaspillage|moustiques?))",
        0.85,
        "appel à la violence (« il faut » + tuer, pendre…)",
    ),
    _r(
        rf"\b(?:faut|faudrait) (?:{OBJ} )?{KILL} (?:tous|toutes|ces|les|ce|cette|cet)\b",
        0.85,
        "appel à la violence",
    ),
    _r(
        rf"\b{KILL_IMPERATIVE_WE}\b(?: (?:les|le|la|tous|toutes|ces))",
        0.9,
        "appel à la violence à l'impératif (« exterminons-les »)",
    ),
    _r(
        rf"^{KILL_IMPERATIVE_WE}\b|\. {KILL_IMPERATIVE_WE}\b",
        0.8,
        "appel à la violence à l'impératif",
    ),
    _r(
        rf"\bmerit\w* (?:qu on|que l on|qu on lui|qu on leur|qu on les|qu on le|qu on la) "
        rf"(?:lui |leur |les |le |la |l )?(?:{KILL_SUBJ}|{VIOLENT_IDIOM}|regle son compte|fasse la peau"
        rf"|(?:\w+ ){{0,2}}(?:regle|fasse|casse|coupe|creve|pende|tue|bute|brise|explose|eclate"
        rf"|defonce|arrache|tranche|crame|brule))",
        0.85,
        "souhait de violence (« mériterait qu'on lui règle son compte »)",
    ),
    _r(
        r"\bmerit\w* (?:une balle|la corde|la mort|de crever|de mourir|d etre (?:pendu|fusille|abattu|tue|brule|execute)s?"
        r"|la potence|le peloton|une bonne raclee|un coup de couteau)",
        0.85,
        "souhait de mort",
    ),
    _r(
        r"\bmerit\w* (?:des coups(?! (?:francs?|d envoi|de (?:pied arretes|coeur|chance|genie|theatre|pouce|fil|main|"
        r"projecteur|bol|boost|foudre|maitre|pub)))(?: de \w+)?|une (?:bonne )?(?:gifle|claque|baffe|beigne|torgnole)|des (?:gifles|claques|baffes)"
        r"|(?:une |sa |la )?(?:bonne )?(?:raclee|rouste|trempe|derouillee|branlee|correction|"
        r"volee|degelee|dérouillée))\b",
        0.6,
        "souhait de coups : un humain doit juger",
    ),
    _r(
        r"\b(?:il|elle|tu|vous|ils|elles) (?:repart|repartira|repartiras|repartirez|repartent|finira|finiras|"
        r"finirez|finiront|termine|terminera|va finir|vas finir|vont finir) (?:en ambulance|sur une civiere|"
        r"les pieds devant|a l hopital|aux urgences|dans un fosse|au cimetiere|entre quatre planches|"
        r"dans un sac|sous terre|a la morgue)\b"
        r"|\b(?:ce|cette|ces) \w+ (?:finira|finiront|va finir|vont finir) (?:dans un fosse|au cimetiere|"
        r"entre quatre planches|dans un sac|sous terre|a la morgue|les pieds devant)\b",
        0.75,
        "menace : quelqu'un finira blessé ou mort",
    ),
    _r(
        r"\bune balle (?:entre les (?:deux )?yeux|dans la nuque|dans le crane|dans la tronche)\b"
        r"|\b(?:lui|leur|te|vous) faire sa fete\b|\b(?:lui|leur|te|vous) faire (?:sa|ta|leur|votre) fete\b",
        0.75,
        "menace (expression violente)",
    ),
    _r(
        r"\b(?:devrait|devraient|ferait bien de|feraient bien de|ferais bien de|feriez bien de) "
        r"(?:faire attention|se mefier|surveiller (?:ses|ses|leurs|tes|vos) arrieres) (?:en rentrant|le soir|"
        r"quand (?:il|elle|ils|elles|tu|vous) (?:rentre|rentrent|rentres|rentrez|sort|sortent|sors|sortez))"
        + FRIENDLY_AFTER,
        0.6,
        "intimidation : un humain doit juger",
    ),
    _r(
        rf"\bqu (?:il|elle|ils|elles|tu|on (?:le|la|les|l|lui|leur)) (?:{KILL_SUBJ}|se fasse (?:{KILL}))\b",
        0.8,
        "souhait de mort (subjonctif)",
    ),
    _r(
        rf"\b(?:on|je|j|nous) {GO} (?:{OBJ} )?{VIOLENT_IDIOM}", 0.85, "menace (expression violente)"
    ),
    _r(rf"\b{OBJ} {VIOLENT_IDIOM}\b", 0.75, "menace (expression violente)"),
    _r(
        r"\b(?:je|on|j|qui|ils|nous) (?:sais|sait|savent|savons|connais|connait|connaissent|connaissons|a) (?:tres bien |bien |parfaitement |exactement |deja )?(?:ou tu (?:habites|vis|dors|bosses|travailles|crèches|creches|te caches|gares)"
        r"|ou vous (?:habitez|vivez)|ton adresse|votre adresse|ta rue|ton immeuble|ou te trouver|ou vous trouver"
        r"|ou se trouve (?:ton|votre|ta) (?:domicile|maison|appartement|appart)"
        r"|tout de ta vie|ou habite ta|ou est ta|ou (?:sont|vont) tes enfants|ou elle habite|ou il habite)"
        # a friendly plan after it (« je sais où tu habites, je passe te prendre à 8 h »)
        rf"{FRIENDLY_AFTER}",
        0.8,
        "menace : « je sais où tu habites »",
    ),
    _r(
        r"\b(?:je|on|j|nous) (?:sais|sait|connais|connait|connaissons) (?:dans |a )?(?:quelle|ou est|l adresse de)"
        r" (?:l )?(?:ecole|creche|college|lycee|bureau|travail)(?: \w+){0,3} (?:ta|ton|tes|vos|votre) "
        r"(?:fille|fils|enfants?|gosses?|femme|mari|gamins?|gamines?)\b"
        rf"{FRIENDLY_AFTER}",
        0.65,
        "menace : on sait où trouver les proches de quelqu'un",
    ),
    _r(
        r"\b(?:je|j|on|nous) (?:sais|sait|savons|connais|connait|connaissons) (?:tres bien |bien |parfaitement |"
        r"exactement |deja )?(?:dans quel(?:le)? (?:immeuble|rue|quartier|maison|appart|appartement|residence|"
        r"ecole|lycee|college|creche) (?:tu|vous|ta|ton|tes|vos|votre)|le chemin (?:de|jusqu a) (?:ton|ta|tes|"
        r"votre|vos|chez) ?(?:ecole|maison|travail|boulot|lycee|college|bureau|toi|vous)?|(?:a quelle heure|quand)"
        r" (?:(?:ta|ton|tes|votre|vos) (?:fille|fils|enfants?|gosses?|gamins?|femme|mari|copine|copain) "
        r"(?:sort|sortent|rentre|rentrent|part|partent|finit|finissent)|(?:tu|vous) (?:es seule?|etes seule?s?)))\b"
        rf"{FRIENDLY_AFTER}",
        0.6,
        "intimidation : la cible est surveillée",
    ),
    _r(
        r"\b(?:j ai|on a|nous avons) (?:ta|ton|votre) (?:plaque|adresse|immatriculation)\b"
        rf"{FRIENDLY_AFTER}"
        r"(?![^.!?]{0,30}\b(?:pour|je (?:passe|t envoie|te l)|merci))",
        0.55,
        "intimidation : on a trouvé où vit quelqu'un",
    ),
    _r(
        r"\b(?:on|je|j) (?:va|vais|vas) (?:te|vous) trouver\s*(?:[.!,]|$)",
        0.55,
        "menace de retrouver quelqu'un : un humain doit juger",
    ),
    _r(
        r"\b(?:ton|ta|votre) (?:adresse|maison|appart|appartement|domicile|immeuble) (?:n a pas ete|n etait pas|"
        r"n est pas|a ete|etait|est) (?:\w+ )?(?:difficile|dure|"
        r"compliquee|facile|simple|longue) a trouver\b"
        r"|\b(?:quelqu un|on|ils|j|je|nous) (?:a|ai|ont|avons) (?:poste|publie|partage|diffuse|balance|leake|affiche)"
        r" (?:ton|votre|ta|tes) (?:adresse|numero|plaque|photo de ta maison)\b"
        rf"{FRIENDLY_AFTER}",
        0.6,
        "intimidation : on a trouvé où vit quelqu'un",
        negatable=False,
    ),
    _r(
        r"\b(?:je|j|on|nous) (?:connais|connait|connaissons) (?:bien |tres bien )?(?:ta|ton|votre) (?:maison|rue|"
        r"immeuble|appart|appartement|quartier|porte|residence)\b"
        rf"{FRIENDLY_AFTER}"
        r"(?![^.!?]{0,40}\b(?:joli|jolie|belle|beau|superbe|sympa|charmant|charmante|pour|j y|on y))",
        0.55,
        "intimidation : la cible est surveillée",
    ),
    _r(
        r"\b(?:tes|vos|ta|ton|votre) (?:enfants?|gosses?|fille|fils|femme|mari|gamins?|gamines?|copine|copain)"
        r" (?:va|vont|est|sont|travaille|travaillent|sort|sortent|rentre|rentrent|part|partent|prend|prennent|"
        r"passe|passent|fait|font)\b[^.?!]{0,60},? "
        r"(?:n est ce pas|hein|non|pas vrai|c est bien ca|je me trompe|on le sait|je le sais|on sait|je sais)"
        r"\s*(?:\.\s*)?(?:[?]|$)",
        0.55,
        "intimidation : on surveille les proches de quelqu'un, un humain doit juger",
    ),
    _r(
        r"\b(?:on|je|j|nous|ils) (?:t|vous) (?:attend|attends|attendons|attendent|attendra|attendrai) (?:devant|en bas de)"
        r" chez (?:toi|vous)\b"
        rf"{FRIENDLY_AFTER}"
        r"(?![^.!?]{0,40}\b(?:pour|on part|on va|on ira|avec la voiture|en voiture|a \d+ ?h))",
        0.55,
        "intimidation : un humain doit juger",
    ),
    _r(
        r"\b(?:on|je|j|ils|nous) (?:va|vais|vont|allons|passe|passerai|passera|passerons|viendrai|viendra|viendront"
        r"|debarque|debarquerai) (?:venir |passer |debarquer |monter )?(?:ce soir |demain |cette nuit |bientot )?"
        r"(?:chez (?:toi|vous)|frapper a (?:ta|votre) porte)\b"
        r"(?=[^.!?]{0,40}\b(?:prepare toi|preparez vous|tu vas voir|tu verras|fais gaffe|"
        r"faites gaffe|attends toi|bonne nuit|dors bien|a bientot|on verra|tu vas comprendre)\s*(?:[.!]|$))",
        0.55,
        "intimidation : on annonce une visite, un humain doit juger",
    ),
    _r(
        r"\btu (?:habites|vis|dors|travailles) (?:au|a|rue|dans|avenue|boulevard|pres)\b[^.?!]{0,40},? (?:je|on) "
        r"(?:sais|sait|le sais|le sait)\b",
        0.55,
        "intimidation : la cible est surveillée",
    ),
    _r(
        # the address found, kept or spread (« j'ai trouvé où tu vis », « ton adresse circule déjà »,
        # « ton numéro et ton adresse, je les ai », « on a des photos de ta maison »)
        r"\b(?:j ai|on a|nous avons|ils ont) (?:trouve|retrouve|decouvert|su) ou (?:tu|vous) (?:vis|habites|"
        r"habitez|vivez|dors|dormez|bosses|travailles|travaillez)\b"
        r"|\b(?:ton|votre) (?:adresse|numero)(?: perso)? (?:circule|tourne|est en ligne|est partout|a fuite)\b"
        r"|\b(?:ton|ta|votre) (?:numero|adresse|plaque)(?: et (?:ton|ta|votre) \w+)?,? (?:je|on|nous) "
        r"(?:les|l) (?:ai|a|avons)\b"
        r"|\b(?:j ai|on a|nous avons) (?:des |une |plein de )?photos? de (?:ta|ton|votre|tes|vos) (?:maison|"
        r"appart|appartement|voiture|enfants?|fille|fils|femme|mari|immeuble|porte|gosses?)\b"
        r"|\b(?:je|j|on|nous) (?:connais|connait|connaissons|sais|sait|savons) (?:tres bien |bien |par coeur )?"
        r"(?:les horaires|l emploi du temps|les habitudes|le trajet|le parcours|les allers et venues) "
        r"(?:de|d) (?:ta|ton|tes|votre|vos)\b"
        rf"{FRIENDLY_AFTER}",
        0.6,
        "intimidation : on a trouvé où vit quelqu'un ou on le surveille",
    ),
    _r(
        # a relative watched (« votre fille est ravissante à la sortie du lycée »), the target seen
        # leaving home with « la prochaine fois », a visit announced with a wink, « à ta place je
        # déménagerais »
        r"\b(?:ta|votre|ton) (?:fille|femme|fils|mere|soeur|copine) (?:est|etait) (?:\w+ )?(?:ravissante|mignonne|"
        r"jolie|belle|charmante|mignon|beau) a la sortie (?:de l ecole|du lycee|du college|de la creche|du travail)\b"
        r"|\b(?:je|on|j) (?:t|vous) (?:ai|a) vue?s? (?:sortir|entrer|rentrer) (?:de chez|chez) (?:toi|vous)\b"
        r"(?=[^\n]{0,80}\bla prochaine fois\b)"
        r"|\b(?:on|je|j|nous) (?:va|vais|allons|ira|irai|irons|passera|passerai|passerons) (?:lui|te|leur|vous) "
        r"(?:rendre (?:une )?(?:petite |bonne )?visite|voir)\b"
        r"(?=[^.!?]{0,40}\b(?:tu sais pourquoi|vous savez pourquoi|il sait pourquoi|tu vas comprendre|"
        r"prepare toi|preparez vous|tu verras|on a a parler|on va discuter|il va comprendre)\b)"
        r"|\b(?:on|je|j|nous) (?:va|vais|allons) (?:lui|te|leur|vous) rendre une (?:petite|bonne) visite\s*(?:[.!]|$)"
        r"|\b(?:a ta place|a votre place|si j etais toi|si j etais vous),? (?:je|j) (?:demenagerais|partirais|"
        r"changerais d adresse|changerais de ville|quitterais la ville|ferais attention)\b",
        0.55,
        "intimidation : on surveille quelqu'un ou on annonce une visite, un humain doit juger",
    ),
    _r(
        r"\b(?:ce|il) serait (?:dommage|malheureux|regrettable|triste) (?:qu|que) (?:il|quelque chose) "
        r"(?:(?:lui|leur|t|vous|te) )?(?:arrive|arrivent)\b",
        0.7,
        "menace voilée : « ce serait dommage qu'il lui arrive quelque chose »",
    ),
    _r(
        r"\b(?:je|j) passe (?:souvent|tous les soirs|tous les jours|chaque soir|chaque jour|chaque nuit|"
        r"regulierement) devant chez (?:toi|vous)\b|\b(?:on|je|j|nous) (?:t|vous) (?:a|ai|avons) repere\w*\b"
        r"|\b(?:ton|ta|tes|votre|vos) (?:fils|fille|gamins?|gamines?|gosses?|enfants?|femme|mari) "
        r"(?:sort|sortent|rentre|rentrent) (?:de l ecole |du travail |du college |seule? |seuls? |seules )?"
        r"(?:a (?:\d+ )?h\b|a \d+|le soir|la nuit|tard|vers (?:\d+ )?h\b)"
        rf"{FRIENDLY_AFTER}",
        0.55,
        "intimidation : on surveille quelqu'un ou ses proches, un humain doit juger",
    ),
    _r(
        r"\b(?:je|on|j|nous) (?:t|vous) (?:ai|a|avons) suivie?s? jusqu (?:a|chez) (?:chez )?(?:toi|vous)\b"
        r"|\b(?:j ai|on a|nous avons) (?:trouve|retrouve|eu|recupere|chope) (?:ton|ta|votre|tes|vos) "
        r"(?:adresse|numero|plaque|domicile)\b"
        rf"{FRIENDLY_AFTER}",
        0.6,
        "intimidation : on a trouvé où vit quelqu'un",
    ),
    _r(
        r"\b(?:t es|tes|t|tu es|vous etes|t est|ta) (?:un homme |une femme )?(?:mort|morte|morts|mortes|fini|finie)\b"
        r"(?! (?:de rire|de fatigue|de honte|de peur|de froid|de faim|d ennui))",
        0.8,
        "menace de mort (« t'es mort »)",
    ),
    _r(rf"\b{BALL}\b", 0.8, "évocation d'une exécution (« une balle dans la tête »)"),
    _r(
        r"\bau bout d une corde\b|\bpendus? (?:a|au|aux) (?:un arbre|un lampadaire|une branche|des crocs)",
        0.8,
        "évocation d'une pendaison",
    ),
    _r(r"\b(?:six|6) pieds sous terre\b", 0.75, "menace de mort"),
    _r(
        r"\btu (?:ne )?verras (?:pas|plus) (?:noel|demain|la fin|ton prochain|l ete|le printemps)",
        0.8,
        "menace de mort déguisée",
        negatable=False,
    ),
    _r(
        r"\b(?:j espere|je souhaite|pourvu|vivement|j aimerais) (?:que |qu )?(?:tu|il|elle|ils|elles|vous|on) "
        rf"(?:\w+ ){{0,3}}?(?:creve\w*|meure\w*|brule\w*|{KILL_SUBJ}|se fasse \w+|te fasses \w+|finisse \w+ (?:une balle|pendu))",
        0.8,
        "souhait de mort",
    ),
    _r(
        r"\b(?:va|allez|vas) (?:crever|mourir)\b|\bcrevez\b|\bcreve (?:sale|charogne|connard|ordure)",
        0.8,
        "souhait de mort adressé à quelqu'un",
    ),
    _r(r"\bmort (?:aux?|a la|a l) \w+", 0.85, "appel à la mort d'un groupe ou d'une personne"),
    _r(
        r"\b(?:tu|vous) (?:vas|allez) (?:le |la )?(?:regretter|payer|souffrir|le sentir passer)\b"
        # « tu vas le payer cher, ce téléphone » is a price
        r"(?!(?: cher| tres cher| trop cher)? (?:ce|cette|ces|ton|ta|tes|votre|vos|en|au|a la|par|avec|"
        r"euros?|\d))",
        0.5,
        "intimidation : un humain doit juger",
    ),
    _r(
        r"\b(?:tu|vous) (?:vas|vais|allez|va) voir(?: \w+){0,2} ce (?:que|qu) (?:je|j|on|nous) (?:vais|va|allons) "
        r"(?:te|vous) faire\b|\b(?:tu|vous) (?:vas|allez) voir ce qui va (?:t|vous) arriver\b",
        0.6,
        "intimidation : un humain doit juger",
    ),
    _r(
        r"\b(?:on|je|j|nous) (?:va|vais|allons) (?:s|m|nous) occuper de (?:ton|ta|votre|son|sa) "
        r"(?:cas|petite gueule|gueule|tronche|sale gueule)\b",
        0.55,
        "intimidation : un humain doit juger",
    ),
    _r(
        r"\b(?:(?:on|je|j) (?:va|vais|vas) (?:te|vous|le|la|les|l) retrouver|(?:on|je|j) (?:te|vous) retrouve)\b"
        r"(?! (?:au|a la|a l|devant|demain|ce soir|pour|apres|chez|la bas|dans|en|sur))",
        0.6,
        "menace de retrouver quelqu'un : un humain doit juger",
    ),
    _r(
        r"\b(?:niquer|nique|niker|nike) (?:ta|sa|ta mere|ta race|ta famille)\b",
        0.55,
        "injure et menace (« nique ta race »)",
    ),
    # Schoolyard and street register: a fight set for after school, a blow announced.
    _r(
        r"\b(?:on|je|j|nous|ils) (?:t|te|vous|l|le|la) (?:attend|attends|attendons|attendent|attendra|attendrai)"
        r" a la sortie\b(?! (?:du|de|des|d|pour|avec)\b)"
        r"(?![^.!?]{0,40}\b(?:pour (?:manger|dejeuner|diner|la photo|le match|aller|y aller|t accompagner"
        r"|le bus|le cine|un cafe)|on va (?:au|a la|manger|boire|voir)|ne t inquiete))",
        0.55,
        "rendez-vous pour en découdre : un humain doit juger",
    ),
    _r(
        r"\b(?:(?:je|j|on|nous) (?:vais |va |allons )?(?:te|t|vous|lui|leur)|jte|jvous|jvais te|jvai te) (?:fais|fait|ferai|fera|faire|ferons)"
        r" (?:manger|bouffer|gouter|avaler|lecher|embrasser|mordre) (?:a |au |a la )?(?:le |la |l |du |de la |les |tes |vos )?"
        r"(?:goudron|sol|bitume|tarmac|trottoir|dents|mur|pave|paves|asphalte|beton|carrelage|poing)\b",
        0.7,
        "menace de coups (« je te fais manger le goudron »)",
    ),
    _r(
        r"\b(?:mon|mes) (?:poing|poings|pied|pieds|genou|boule|couteau|lame|batte|coude|tete)s? "
        r"(?:dans|sur|contre) (?:ta|ton|tes|votre|vos|sa|son|ses|leur) (?:gueule|gueules|tronche|face|figure|"
        r"visage|bouche|nez|dents|cul|ventre|bide|crane|machoire|yeux|oeil)\b",
        0.7,
        "menace de coups (« mon poing dans ta gueule »)",
    ),
    _r(
        r"\b(?:je|j|on) (?:t|vous|lui|leur) en (?:colle|colles|mets|met|fous|fout|retourne|mettrai|collerai"
        r"|foutrai|balance|allume|decoche) une\b(?! (?:part|tranche|assiette|portion|bouteille|copie|place))"
        r"|\bjt ?en (?:colle|mets|met|fous|retourne|balance|allume) une\b",
        0.7,
        "menace de coups (« je t'en colle une »)",
    ),
    _r(
        r"\b(?:on|ils|nous) (?:va|vont|allons) (?:te|vous|le|la|l) (?:prendre|choper|chopper|attraper|coincer"
        r"|tabasser|defoncer|frapper|taper) a (?:\d+|plusieurs|deux|trois|quatre|cinq|six|dix|vingt|toute la bande)\b"
        r"(?! ?(?:h\b|heures?|ans|minutes?|pile))",
        0.7,
        "menace d'agression en groupe",
    ),
    _r(
        r"\b(?:je|j|on|nous|ils) (?:vais|va|vas|allons|vont) (?:te|t|vous) (?:choper|chopper|attraper|coincer|serrer)"
        r" (?:a la sortie|dehors|en bas de chez|apres les cours|dans la rue|dans un coin|seule?s?)\b",
        0.6,
        "menace de s'en prendre à quelqu'un : un humain doit juger",
    ),
    _r(
        r"\b(?:te|t|vous|lui|leur|le|la|les) (?:pete|petes|petent|petera|peterai|peterais|peterait|eclate|eclates"
        r"|eclaterai|eclaterais|eclaterait|defonce|defonces|defoncerai|defoncerais|defoncerait|casse|casses|casserai"
        r"|cassera|casserais|casserait|refais|referais|refait)(?: bien| volontiers| avec plaisir)? (?:la gueule|la gl|la tronche|les dents|le crane"
        r"|la figure|le nez|les jambes|les genoux|la machoire|les doigts|les bras|les cotes)\b",
        0.75,
        "menace de coups (« je te pète la gueule »)",
    ),
    _r(
        r"\b(?:ou|sinon|sinn|snn|ou bien) (?:tu vas|tu va|tva|t vas|vous allez|vous aller) voir\b(?= ?[.!]|$| ce| a | ta | tes )",
        0.55,
        "intimidation : un humain doit juger",
    ),
    _r(
        r"\b(?:ca|sa) va (?:chauffer|barder|saigner|cogner|mal finir|mal se passer) pour (?:toi|vous|ta|ton|tes|lui|eux|elle)\b",
        0.55,
        "intimidation : un humain doit juger",
    ),
    _r(
        r"\b(?:je|j|on|nous) (?:vais|va|allons|vas) (?:te|t|vous|le|la|l) trainer (?:par (?:les|tes|ses|la|le|ton|ta)"
        r"|dans (?:la boue|la cour|la rue|le caniveau))",
        0.6,
        "menace de violence : un humain doit juger",
    ),
    _r(
        r"(?:\b(?:tu veux|vous voulez|t veux|tu ve) (?:te|vous|qu on se|qu on) (?:battre|fight|bagarrer|bastonner|"
        r"friter|taper)\b|\bviens? (?:te|qu on se|on se) (?:battre|bagarrer|friter|fight)\b)"
        r"(?!.{0,40}\b(?:au|a la|aux|en|sur) (?:mario|jeu|jeux|fortnite|ping|tennis|echecs|foot|"
        r"babyfoot|baby|cartes|console|fifa|scrabble|boules? de neige|polochon|pouce|belote|tarot|"
        r"bras de fer|petanque))",
        0.5,
        "provocation à se battre : un humain doit juger",
    ),
    _r(
        r"\b(?:1 ?v ?1|ivi|i v i) (?:devant|demain|a la sortie|apres les cours|dehors|irl|en vrai|en bas)\b",
        0.5,
        "provocation à se battre : un humain doit juger",
    ),
    _r(
        r"\b(?:ose|osez|recommence|recommences|recommencez|refais|refaites)\b[^.!?]{0,60}\b(?:tu vas|tu va|tva"
        r"|vous allez) voir\s*(?:[.!]|$)",
        0.55,
        "intimidation : un humain doit juger",
    ),
    _r(
        r"\b(?:je|j|on) (?:baise|baiserai|bz|pine|t bz|tbz|te baise) (?:ta mere|ta race|ta famille|ton pere|ta soeur"
        r"|tout ton|toute ta|tes morts|tes ancetres)\b",
        0.55,
        "injure et menace (« je baise ta race »)",
    ),
    _r(
        r"\bsi (?:je|j|on) (?:le|la|les|l|te|vous)? ?(?:croise|chope|vois|attrape|trouve|recroise)\w*(?: \w+){0,4}"
        r",? (?:il|elle|ils|elles|tu|vous) (?:ne|n) (?:rentre|rentrera|rentreras|rentrerez|rentrent|rentreront|repart"
        r"|repartira|repartiras|repartent|sortira|sortiras) (?:pas|plus|jamais)\b"
        r"(?!(?: \w+){0,3} (?:sans|avant|tant qu|tant que)\b)",
        0.65,
        "menace conditionnelle (« si je le croise, il ne rentre pas chez lui »)",
        negatable=False,
    ),
    _r(
        r"\b(?:on|je|j|nous) (?:va|vais|allons) (?:s|m|nous) occuper (?:d elle|de lui|de toi|de vous|d eux|d elles)"
        r"(?! (?:a l|au|pendant|comme|avec|ce|cette|demain|bien|tres bien|des que|quand|en attendant|ne t))\s*(?:[.!,]|$)",
        0.5,
        "intimidation : un humain doit juger",
    ),
    _r(
        r"\b(?:je|j|on|nous) (?:vais|va|allons) (?:te|vous|le|la|les|l) (?:retrouver|attendre|choper|attraper) a la sortie"
        r"(?! (?:du|de|des|d|pour|avec)\b)",
        0.6,
        "rendez-vous pour en découdre : un humain doit juger",
    ),
    _r(r"\b(?:au poteau|a la lanterne|au peloton)\b", 0.6, "appel à l'exécution"),
    _r(
        r"\b(?:bon|bons|bonne|bonnes) a (?:tuer|pendre|fusiller|abattre|gazer|bruler)\b",
        0.75,
        "souhait de mort",
    ),
    _r(
        r"\b(?:faut|faudrait|il faut) (?:les )?(?:mettre|envoyer) (?:au four|dans (?:des|les) (?:camps|chambres a gaz|fours))",
        0.9,
        "appel à l'extermination",
    ),
    _r(
        r"\b(?:tous|toutes) (?:les )?(?:pendre|fusiller|tuer|exterminer|gazer|bruler|abattre|buter)\b",
        0.85,
        "appel au meurtre d'un groupe",
    ),
)

NEGATION = regex_cache.compile(r"\b(?:ne|n)\b [^.]{0,25}$|\b(?:jamais|pas)\b [^.]{0,6}$")
NEGATION_FACTOR = 0.3
BENIGN_FACTOR = 0.2
REPORT_FACTOR = 0.35
QUOTE_FACTOR = 0.45


def _score(threat: Rule, text: Canonical, start: int, end: int) -> float:
    score = threat.score
    before = text.sentence_before(start)
    inside = text.text[start:end]
    negated = NEGATION.search(before) or re.search(r"\b(?:ne|n) \w+ (?:pas|jamais|plus)\b", inside)
    if threat.negatable and negated:
        score *= NEGATION_FACTOR
    if reported(text.text, start, end):
        score *= REPORT_FACTOR
    if text.in_quotes(start, end):
        score *= QUOTE_FACTOR
    if BENIGN_OBJECT.search(text.text[end : end + 60]) or BENIGN_OBJECT.search(
        " " + inside.split(" ", 3)[-1]
    ):
        score *= BENIGN_FACTOR
    elif about_pests(text.text):
        score *= BENIGN_FACTOR  # « les chenilles, je les brûle au chalumeau »
    return score


def find_threats(text: str) -> list[tuple[float, Span, str]]:
    view = canonical(text)
    out: list[tuple[float, Span, str]] = []
    for threat in RULES:
        for match in threat.pattern.finditer(view.text):
            if match.end() <= match.start():
                continue
            span = view.span(match.start(), match.end())
            score = _score(threat, view, match.start(), match.end())
            out.append((score, span, f"{threat.note} (« {span.text} »)"))
    return out


class ThreatDetector:
    name = "menace"
    categories: tuple[Category, ...] = ("violence",)

    def detect(self, text: str, context: CheckContext, charter: Charter) -> DetectorOutput:
        finding = aggregate(
            find_threats(text), "violence", self.name, "Menace ou appel à la violence"
        )
        return DetectorOutput(findings=(finding,) if finding else ())
