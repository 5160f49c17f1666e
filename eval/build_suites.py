"""Authoring helper (not shipped; run from the repository root): writes the French functional
test suites `hate_fr.jsonl` and `threats_fr.jsonl` under
`src/palabre/moderation/evaluation/suites/`.

Every sentence below was written for palabre (hand-written cases and templates); no third-party
benchmark text is read or copied. The output is deterministic: randomness comes only from
`random.Random(20261207)`, and splits from SHA-256 of unit ids with the same seed.

Split: a *unit* is one hand-written base sentence or one template; every row of a unit lands in
the same split, so that test rows are not near-duplicates of training rows. Within a family,
units are ordered by SHA-256("20261207:<unit id>") and each one goes to the split that has the
fewest rows so far (ties broken by the hash), which gives about 50/50 per family.

Usage: python3 eval/build_suites.py
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

SEED = 20261207
OUT_DIR = Path("src/palabre/moderation/evaluation/suites")
MIN_TEST_PER_FAMILY = 12

# --------------------------------------------------------------------------------------------
# Groups. pl: plural noun; fem: grammatical gender of the plural; sg: singular with article;
# adjm/adjf: adjective forms ("" when the group has none); tags: which templates may use it.
# The tag "code" marks coded words that only appear in hateful templates.
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Group:
    pl: str
    fem: bool
    sg: str
    adjm: str
    adjf: str
    tags: frozenset[str]


def _g(pl: str, sg: str, adjm: str, adjf: str, tags: str, fem: bool = False) -> Group:
    return Group(pl, fem, sg, adjm, adjf, frozenset(tags.split()))


GROUPS: list[Group] = [
    _g("Arabes", "un Arabe", "arabe", "arabe", "origine"),
    _g("Noirs", "un Noir", "noir", "noire", "origine"),
    _g("Juifs", "un Juif", "juif", "juive", "origine religion"),
    _g("juifs", "un juif", "juif", "juive", "religion"),
    _g("musulmans", "un musulman", "musulman", "musulmane", "religion"),
    _g("Roms", "un Rom", "rom", "rom", "origine"),
    _g("migrants", "un migrant", "", "", "origine migr"),
    _g("Maghrébins", "un Maghrébin", "maghrébin", "maghrébine", "origine"),
    _g("Africains", "un Africain", "africain", "africaine", "origine"),
    _g("Asiatiques", "un Asiatique", "asiatique", "asiatique", "origine"),
    _g("Chinois", "un Chinois", "chinois", "chinoise", "origine"),
    _g("homosexuels", "un homosexuel", "homo", "homo", "lgbt"),
    _g("gays", "un gay", "gay", "", "lgbt"),
    _g("lesbiennes", "une lesbienne", "", "lesbienne", "lgbt", fem=True),
    _g("personnes trans", "une personne trans", "trans", "trans", "lgbt", fem=True),
    _g("femmes", "une femme", "", "", "genre", fem=True),
    _g("handicapés", "un handicapé", "handicapé", "handicapée", "handicap"),
    _g("Gitans", "un Gitan", "gitan", "gitane", "origine"),
    _g("Turcs", "un Turc", "turc", "turque", "origine"),
    _g("Algériens", "un Algérien", "algérien", "algérienne", "origine"),
    _g("Marocains", "un Marocain", "marocain", "marocaine", "origine"),
    _g("Tunisiens", "un Tunisien", "tunisien", "tunisienne", "origine"),
    _g("réfugiés", "un réfugié", "", "", "origine migr"),
    _g("immigrés", "un immigré", "", "", "origine migr"),
    _g("Sénégalais", "un Sénégalais", "sénégalais", "sénégalaise", "origine"),
    _g("Maliens", "un Malien", "malien", "malienne", "origine"),
    _g("Comoriens", "un Comorien", "comorien", "comorienne", "origine"),
    _g("Afghans", "un Afghan", "afghan", "afghane", "origine"),
    _g("Syriens", "un Syrien", "syrien", "syrienne", "origine"),
    _g("Tchétchènes", "un Tchétchène", "tchétchène", "tchétchène", "origine"),
    _g("Pakistanais", "un Pakistanais", "pakistanais", "pakistanaise", "origine"),
    _g("Antillais", "un Antillais", "antillais", "antillaise", "origine"),
    _g("Vietnamiens", "un Vietnamien", "vietnamien", "vietnamienne", "origine"),
    _g("Ivoiriens", "un Ivoirien", "ivoirien", "ivoirienne", "origine"),
    _g("Kurdes", "un Kurde", "kurde", "kurde", "origine"),
    _g("sionistes", "un sioniste", "", "", "code"),
    _g("musulmanes voilées", "une musulmane voilée", "", "", "religion genre", fem=True),
]
ALL_TAGS = "origine religion lgbt genre handicap migr"
HATE_TAGS = ALL_TAGS + " code"

# --------------------------------------------------------------------------------------------
# Word pools for templates. "[a|b]" picks a (masculine) or b (feminine) after filling, from the
# gender of the group or target of the row; "#f" at the end of a target marks it feminine.
# --------------------------------------------------------------------------------------------

POOLS: dict[str, list[str]] = {
    # hate
    "ins": [
        "[voleurs|voleuses]",
        "[fainéants|fainéantes]",
        "[menteurs|menteuses]",
        "[profiteurs|profiteuses]",
        "[assistés|assistées]",
        "parasites",
        "[arriérés|arriérées]",
        "[tricheurs|tricheuses]",
        "escrocs",
        "[bons à rien|bonnes à rien]",
        "[dégénérés|dégénérées]",
        "hypocrites",
        "[délinquants|délinquantes]",
        "incapables",
    ],
    "adj": [
        "sales",
        "bêtes",
        "[violents|violentes]",
        "fourbes",
        "[paresseux|paresseuses]",
        "[agressifs|agressives]",
        "[arriérés|arriérées]",
        "hypocrites",
        "[inférieurs|inférieures]",
        "malhonnêtes",
        "[dangereux|dangereuses]",
        "stupides",
        "[vicieux|vicieuses]",
    ],
    "slur": [
        "bougnoules",
        "négros",
        "ratons",
        "bicots",
        "youpins",
        "pédés",
        "tarlouzes",
        "bamboulas",
        "chintoks",
        "romanos",
        "bridés",
        "crouilles",
        "gouines",
        "travelos",
        "niakoués",
        "mongoliens",
        "nègres",
        "melons",
        "tantouzes",
    ],
    "lieu": [
        "devant la gare",
        "dans le bus",
        "au PMU",
        "à la CAF",
        "dans mon quartier",
        "au marché",
        "devant le lycée",
        "dans le RER",
        "à la piscine",
        "en bas de chez moi",
        "à Châtelet",
        "sur le parking de Leclerc",
    ],
    "action_pl": [
        "squattent le hall",
        "foutent le bordel",
        "traînent devant l'école",
        "font la loi dans la cité",
        "ont encore tout dégradé",
        "gueulent sous mes fenêtres",
        "vivent sur notre dos",
        "pourrissent le quartier",
    ],
    "deh": [
        "de la vermine qui grouille partout",
        "des rats qui se reproduisent sans arrêt",
        "des cafards, t'en vois un, y en a cent",
        "des parasites qui vivent sur notre dos",
        "un cancer qui ronge le pays",
        "des sangsues accrochées à la Sécu",
        "des nuisibles, rien de plus",
        "du bétail, pas des humains",
        "des animaux, pas des êtres humains",
        "une maladie qu'il faut éradiquer",
        "des microbes qui infectent nos villes",
    ],
    "deh_short": ["parasites", "vermine", "cafards", "rats", "sous-hommes", "nuisibles"],
    "emo": [
        "me dégoûtent",
        "me donnent envie de vomir",
        "me font gerber",
        "me répugnent",
        "me sortent par les yeux",
        "me font horreur",
        "me débectent",
    ],
    "emo_tail": [
        "c'est plus fort que moi",
        "je l'assume",
        "désolé pas désolé",
        "rien que de les voir ça m'énerve",
        "je les évite comme la peste",
        "et je suis pas le seul",
        "ça ne changera jamais",
    ],
    "tail": ["même avec des papiers", "point final", "quoi qu'on en dise", "faut arrêter de rêver"],
    "ville": [
        "Lyon",
        "Marseille",
        "Lille",
        "Roubaix",
        "Toulouse",
        "Nantes",
        "Strasbourg",
        "Saint-Denis",
        "Montpellier",
        "Grenoble",
        "Rennes",
        "Nice",
        "Mulhouse",
        "Bordeaux",
    ],
    "reforme": [
        "réforme de l'asile",
        "loi immigration",
        "réforme du regroupement familial",
        "réforme de l'AME",
        "nouvelle politique des visas",
        "circulaire sur les régularisations",
    ],
    "crit": [
        "mal pensée",
        "incohérente",
        "trop dure",
        "trop laxiste",
        "inapplicable",
        "mal financée",
        "purement électoraliste",
    ],
    "gouv": [
        "israélien",
        "turc",
        "chinois",
        "algérien",
        "iranien",
        "russe",
        "saoudien",
        "marocain",
    ],
    "gouv_action": [
        "bafoue le droit international",
        "emprisonne des journalistes",
        "doit rendre des comptes",
        "mène une politique désastreuse",
        "ne respecte pas les droits humains",
        "doit être sanctionné par l'Union européenne",
    ],
    "contr": ["plus contrôlée", "plus limitée", "choisie", "mieux encadrée", "mieux répartie"],
    "inst": [
        "le Vatican",
        "l'épiscopat",
        "le CFCM",
        "la Fédération protestante",
        "la direction de la grande mosquée",
        "le synode",
    ],
    "inst_crit": [
        "devrait être plus transparent sur ses finances",
        "a trop tardé à réagir aux abus",
        "ne représente pas vraiment les fidèles",
        "a pris une position dépassée sur ce sujet",
    ],
    "self_v": [
        "trouve ce débat épuisant",
        "suis [fier|fière] de mes origines",
        "vote comme tout le monde",
        "en ai marre des clichés",
        "me sens chez moi ici",
        "aimerais qu'on parle de nous autrement que dans les faits divers",
    ],
    "self_pl": [
        "veut juste vivre tranquilles",
        "paie nos impôts comme tout le monde",
        "organise une fête de quartier samedi",
        "en a marre d'être des sujets de débat",
        "sera à la manif dimanche",
    ],
    "bete": [
        "moustiques",
        "fourmis",
        "cafards",
        "punaises de lit",
        "guêpes",
        "limaces",
        "mulots",
        "taupes",
        "moucherons",
        "frelons",
        "rats",
        "pucerons",
        "termites",
        "chenilles",
    ],
    "lieu_maison": [
        "ma cuisine",
        "le grenier",
        "le jardin",
        "la cave",
        "l'immeuble",
        "le potager",
        "la salle de bains",
        "le camping",
        "la cantine de l'école",
    ],
    "act": [
        "m'a prêté sa perceuse",
        "m'a aidé à déménager",
        "garde mon chat quand je pars",
        "m'a appris à faire du pain",
        "a gagné le tournoi de pétanque",
        "nous a invités à son mariage",
        "arrose mes plantes en août",
        "a réparé mon vélo gratuitement",
    ],
    "metier": [
        "boulanger",
        "garagiste",
        "pharmacien",
        "prof de sport",
        "kiné",
        "plombier",
        "libraire",
        "médecin",
    ],
    # threats
    "tv": [
        "tuer",
        "buter",
        "crever",
        "égorger",
        "planter",
        "défoncer",
        "fracasser",
        "étrangler",
        "saigner",
        "massacrer",
        "démolir",
        "découper",
        "flinguer",
        "descendre",
        "casser les deux jambes",
        "défoncer la tête",
        "arracher la gueule",
    ],
    "tv_pres": [
        "tue",
        "bute",
        "crève",
        "égorge",
        "plante",
        "défonce",
        "fracasse",
        "étrangle",
        "saigne",
        "massacre",
        "flingue",
        "descends",
        "casse les jambes",
    ],
    "tv_pl": ["massacrer", "enterrer", "défoncer", "saigner", "cramer", "exterminer", "buter"],
    "quand": [
        "ce soir",
        "demain à la sortie",
        "dès que je te croise",
        "avant la fin de la semaine",
        "devant tes gosses",
        "quand tu t'y attendras le moins",
        "à la sortie du boulot",
        "dans ton sommeil",
        "samedi",
        "la prochaine fois que je te vois",
    ],
    "appel": [
        "sale balance",
        "petit con",
        "espèce de rat",
        "grosse merde",
        "pauvre type",
        "mon gars",
        "sale fouine",
        "tocard",
    ],
    "cond": [
        "reviens ici",
        "parles aux flics",
        "portes plainte",
        "touches encore à ma sœur",
        "remets les pieds dans mon bar",
        "publies encore un mot sur moi",
        "témoignes au procès",
        "t'approches de mes enfants",
        "refais ta vidéo",
    ],
    "T": [
        "ce salaud",
        "cette ordure#f",
        "le maire",
        "ce juge",
        "cette journaliste#f",
        "ce violeur",
        "mon ex",
        "ce ministre",
        "la prof#f",
        "ce flic",
        "cette traîtresse#f",
        "le proprio",
        "ce youtubeur",
        "la députée#f",
        "ce pédophile",
        "cette juge#f",
        "mon voisin",
    ],
    "Tp": [
        "traîtres",
        "pourris",
        "juges",
        "élus corrompus",
        "flics",
        "journalistes",
        "dealers",
        "violeurs",
        "ministres",
        "grévistes",
    ],
    "subj": [
        "crève",
        "se fasse égorger",
        "brûle [vif|vive]",
        "se prenne une balle",
        "finisse au bout d'une corde",
        "se fasse planter",
        "crève la bouche ouverte",
        "se fasse lyncher",
        "se fasse écraser par un camion",
    ],
    "subj_on": [
        "qu'on [le|la] pende",
        "qu'on lui coupe la tête",
        "qu'on [le|la] brûle",
        "qu'on lui tire une balle",
        "qu'on [le|la] lapide",
        "qu'on [le|la] fusille",
        "qu'on lui fasse la peau",
    ],
    "merite": [
        "une balle",
        "une balle dans la tête",
        "qu'on lui règle son compte",
        "qu'on lui fasse la peau",
        "d'être [pendu|pendue]",
        "de crever dans la rue",
        "qu'on brûle sa maison",
        "qu'on l'attende à la sortie",
        "de se faire lyncher",
        "qu'on l'égorge",
        "qu'on lui casse les genoux",
    ],
    "inf": [
        "buter",
        "pendre",
        "fusiller",
        "égorger",
        "abattre",
        "lyncher",
        "brûler",
        "descendre",
        "flinguer",
        "liquider physiquement",
        "crever",
    ],
    "impn": [
        "Exterminons",
        "Pendons",
        "Fusillons",
        "Brûlons",
        "Égorgeons",
        "Lynchons",
        "Abattons",
        "Massacrons",
    ],
    "adv": ["tous", "un par un", "sans pitié", "ce soir", "jusqu'au dernier", "sur la place"],
    "imp2": ["Butez", "Crevez", "Pendez", "Lynchez", "Égorgez", "Flinguez", "Descendez", "Cramez"],
    "adv2": ["dès qu'il sort", "à la sortie", "ce soir", "devant chez lui", "sans hésiter"],
    "imp3": ["butez", "cramez", "tabassez", "égorgez", "défoncez", "pendez"],
    "lieu_v": [
        "habites",
        "bosses",
        "gares ta voiture",
        "fais tes courses",
        "dors",
        "emmènes ton fils à l'école",
        "fais ton jogging",
        "vas à la salle",
    ],
    "menace": [
        "fais gaffe à toi",
        "à très bientôt",
        "dors bien cette nuit",
        "on passe te voir",
        "tu vas regretter",
        "compte les jours",
        "profite bien",
        "regarde derrière toi",
    ],
    "autre": [
        "l'école de ta fille",
        "tes horaires",
        "la plaque de ta voiture",
        "le nom de ta femme",
        "le club de foot de ton fils",
        "ton code d'immeuble",
    ],
    "idiom3": [
        "six pieds sous terre",
        "au bout d'une corde",
        "avec une balle dans la tête",
        "dans le canal",
        "dans un sac poubelle",
        "entre quatre planches",
        "dans un coffre",
    ],
    "idiom2": [
        "manger les pissenlits par la racine",
        "nourrir les poissons",
        "finir entre quatre planches",
        "faire un tour dans le coffre",
        "finir dans un sac",
        "prendre une balle dans la tête",
        "bouffer tes dents",
        "finir en morceaux",
    ],
    "fete": ["Noël", "le printemps", "l'été", "tes 18 ans", "la fin du mois", "le réveillon"],
    "role": [
        "Le maire",
        "La maire#f",
        "Le juge",
        "La juge#f",
        "Le député",
        "La députée#f",
        "La journaliste#f",
        "Le journaliste",
        "Le préfet",
        "La ministre#f",
        "Le proviseur",
        "La sénatrice#f",
        "Le conseiller municipal",
    ],
    "nom": [
        "Lemoine",
        "Vasseur",
        "Benali",
        "Dufresne",
        "Garnier",
        "Morel",
        "Rouxel",
        "Keller",
        "Fabre",
        "Renaud",
        "Hamdi",
        "Lefort",
        "Carvalho",
        "Nguyen",
    ],
    "nthreat": [
        "je vais [le|la] buter",
        "on va lui faire la peau",
        "[il|elle] ne finira pas l'année",
        "une balle dans la tête et c'est réglé",
        "on sait où [il|elle] habite, on arrive",
        "je [le|la] plante à la prochaine réunion",
        "qu'on [le|la] pende devant la mairie",
        "[il|elle] va finir dans le coffre d'une voiture",
    ],
    "gv": ["tabasser", "cramer", "lyncher", "descendre", "massacrer", "casser", "chasser"],
    "GT": [
        "flics",
        "journalistes",
        "élus",
        "migrants",
        "juifs",
        "Arabes",
        "homos",
        "Roms",
        "musulmans",
        "profs",
        "gendarmes",
        "Noirs",
        "sans-papiers",
        "trans",
    ],
    "gimp": ["descendez", "butez", "chassez", "cramez", "tabassez", "massacrez"],
    "dw": ["crever", "mourir", "y passer", "finir à la morgue", "pourrir dans un fossé"],
    "how": [
        "dans d'atroces souffrances",
        "seul comme un chien",
        "dans un accident",
        "à petit feu",
        "bientôt",
        "cette année",
        "avant tes parents",
    ],
    "mort": ["mort"],
    "quand3": [
        "ce soir",
        "demain",
        "à la sortie du tribunal",
        "avant la fin de la semaine",
        "samedi",
        "dès qu'on [le|la] croise",
        "devant chez [lui|elle]",
    ],
    "nthreat2": [
        "je [le|la] bute",
        "je lui plante un couteau",
        "je lui fais la peau",
        "[il|elle] finit à l'hosto, ou pire",
        "je lui explose la tête",
        "[il|elle] ne rentrera pas chez [lui|elle]",
    ],
    "fig": [
        "Cette réforme va tuer le petit commerce",
        "Cette taxe va tuer les petits producteurs",
        "Le nouveau centre commercial va tuer le centre-ville",
        "La hausse du gazole va tuer les artisans",
        "Le télétravail va tuer les cafés du quartier d'affaires",
        "La fermeture de la ligne va tuer le village",
        "Ce règlement va assassiner le bénévolat",
        "Le prix des loyers va tuer les librairies",
        "Cette pub a massacré la chanson",
    ],
    "plat": ["cette pizza", "ce burger", "ce plat de pâtes", "ce tajine", "cette raclette"],
    "quand_sms": ["ce soir", "dmn", "a la sortie", "tkt", "wesh", "frero", "sur ma mere"],
    # contrasts (threats)
    "ecraser": ["écraser", "démolir", "atomiser", "massacrer", "exploser", "détruire"],
    "equipe": [
        "Lyon",
        "l'équipe d'en face",
        "le club voisin",
        "Toulouse",
        "les Belges",
        "Montpellier",
        "les cadets de Vienne",
    ],
    "quand_sport": ["samedi", "dimanche", "en finale", "au match retour", "ce week-end"],
    "tue_par": [
        "Ce film",
        "Cette série",
        "Ce sketch",
        "Ta vidéo",
        "Le dernier épisode",
        "Ce livre",
        "Ce spectacle",
    ],
    "mort_de": ["rire", "fatigue", "honte", "faim", "froid", "trouille"],
    "benign": [
        "répondre",
        "rappeler",
        "envoyer les photos",
        "rendre ton livre",
        "présenter ma sœur",
        "prêter ma tondeuse",
        "expliquer l'exercice",
        "faire visiter l'appart",
        "ramener tes clés",
    ],
    "quand_b": ["demain", "ce soir", "après le boulot", "samedi matin", "dans la semaine"],
    "rv": ["retrouver", "chercher", "attendre"],
    "lieu_rv": [
        "au café",
        "à la gare",
        "devant la mairie",
        "au marché",
        "devant le ciné",
        "à la sortie du métro",
        "au stade",
    ],
    "suj_rep": [
        "Un homme",
        "Une femme",
        "Le prévenu",
        "Un habitant du quartier",
        "Un retraité",
        "Un lycéen",
    ],
    "peine": [
        "condamné à six mois avec sursis",
        "placé en garde à vue",
        "jugé en comparution immédiate",
        "condamné à un an de prison",
        "interpellé",
    ],
    "vict": [
        "son voisin",
        "une élue",
        "un arbitre",
        "sa collègue",
        "un journaliste local",
        "le maire du village",
        "une infirmière",
        "son ancien patron",
    ],
    "quoted": [
        "je vais te tuer",
        "on sait où tu habites",
        "t'es mort",
        "faut tous les fusiller",
        "tu ne verras pas Noël",
        "on va te faire la peau",
        "qu'il crève",
        "je vais te buter",
        "elle mérite une balle",
    ],
    "evt": [
        "Une fusillade",
        "Une attaque au couteau",
        "Une rixe",
        "Un incendie criminel",
        "Un règlement de comptes",
        "Une agression au marteau",
    ],
    "bilan": [
        "deux morts et un blessé grave",
        "un mort, l'enquête est ouverte",
        "trois blessés, dont un en urgence absolue",
        "un suspect interpellé",
        "la police lance un appel à témoins",
    ],
    "tue_jeu": ["tué", "buté", "détruit", "éliminé", "exterminé", "démoli"],
    "ennemi": [
        "le boss final",
        "tous les zombies",
        "le dragon",
        "le chef des orcs",
        "le roi liche",
        "la horde de squelettes",
        "le dernier survivant",
    ],
    "jeu": [
        "sur Elden Ring",
        "dans Minecraft",
        "sur Fortnite",
        "à la partie d'hier soir",
        "dans le donjon",
        "en ranked",
        "au paintball",
    ],
    "chute": [
        "c'est le majordome",
        "ils se marient à la fin",
        "le héros survit",
        "tout était un rêve",
        "c'est la sœur jumelle",
    ],
    "nul": ["nul[|le]", "une quiche", "une catastrophe", "une brêle", "un boulet"],
    "domaine": [
        "maths",
        "cuisine",
        "bricolage",
        "orthographe",
        "danse",
        "informatique",
        "jardinage",
        "géographie",
    ],
    "c_grave": [
        "c'est grave",
        "j'ai honte",
        "même mon chat le sait",
        "ma famille se moque de moi",
        "j'assume",
        "je ne m'en remets pas",
    ],
    "supprimer": [
        "supprimer",
        "éliminer",
        "abolir",
        "tuer dans l'œuf",
        "démanteler",
        "en finir avec",
        "liquider",
        "faire sauter",
    ],
    "chose": [
        "cette taxe",
        "le gaspillage",
        "les niches fiscales",
        "ce projet de rocade",
        "la paperasse administrative",
        "les passe-droits",
        "le cumul des mandats",
        "les zones blanches",
        "les frais bancaires abusifs",
    ],
}

# --------------------------------------------------------------------------------------------
# Families: (slug, expected, category). Order is the order of the output files.
# --------------------------------------------------------------------------------------------

HATE_FAMILIES: list[tuple[str, str, str]] = [
    ("explicit_derogation", "signale", "haine"),
    ("generalisation", "signale", "haine"),
    ("implicit_derogation", "signale", "haine"),
    ("dehumanisation", "signale", "haine"),
    ("negative_emotion", "signale", "haine"),
    ("negative_attribute", "signale", "haine"),
    ("negated_positive", "signale", "haine"),
    ("hateful_question", "signale", "haine"),
    ("hateful_opinion", "signale", "haine"),
    ("exclusion", "signale", "haine"),
    ("invasion_replacement", "signale", "haine"),
    ("threat_to_group", "signale", "haine"),
    ("obfuscated", "signale", "haine"),
    ("race_of", "signale", "haine"),
    ("neutral_group_mention", "accepte", "aucune"),
    ("positive_group_mention", "accepte", "aucune"),
    ("counter_speech", "accepte", "aucune"),
    ("quoted_hate_condemned", "accepte", "aucune"),
    ("negated_hate", "accepte", "aucune"),
    ("policy_criticism", "accepte", "aucune"),
    ("group_self_reference", "accepte", "aucune"),
    ("non_group_vermin", "accepte", "aucune"),
    ("identity_in_everyday_use", "accepte", "aucune"),
]

THREAT_FAMILIES: list[tuple[str, str, str]] = [
    ("direct_threat_future", "signale", "violence"),
    ("conditional_threat", "signale", "violence"),
    ("subjunctive_wish", "signale", "violence"),
    ("merite_que", "signale", "violence"),
    ("il_faut", "signale", "violence"),
    ("imperative_plural", "signale", "violence"),
    ("on_va", "signale", "violence"),
    ("knows_address", "signale", "violence"),
    ("idioms_euphemisms", "signale", "violence"),
    ("threat_named_person", "signale", "violence"),
    ("threat_group", "signale", "violence"),
    ("death_wish", "signale", "violence"),
    ("obfuscated_threat", "signale", "violence"),
    ("sms_register", "signale", "violence"),
    ("figurative", "accepte", "aucune"),
    ("benign_future_addressed", "accepte", "aucune"),
    ("reported_threat", "accepte", "aucune"),
    ("quoted_threat_condemned", "accepte", "aucune"),
    ("violent_news", "accepte", "aucune"),
    ("games_fiction", "accepte", "aucune"),
    ("idiom_benign", "accepte", "aucune"),
    ("self_deprecation", "accepte", "aucune"),
    ("policy_hard_opinion", "accepte", "aucune"),
    ("schoolyard_threat", "signale", "violence"),
    ("schoolyard_benign", "accepte", "aucune"),
]

# --------------------------------------------------------------------------------------------
# Hand-written cases (source "main"), one base sentence per line. Register variants of the
# same base, when there are any, share the line, separated by " || ", and share its split.
# --------------------------------------------------------------------------------------------

HATE_MAIN: dict[str, str] = {
    "explicit_derogation": """
Encore ces bougnoules qui squattent le hall de mon immeuble, j'en peux plus.
Les négros du quartier foutent le bordel tous les soirs.
Sales youpins, toujours à compter leur fric.
ces ratons on devrait plus les laisser monter dans le bus
Les bicots ont encore tout cassé après le match.
Bande de pédés, allez faire vos saloperies ailleurs.
Les tarlouzes de la gay pride défilent encore, quelle honte pour la ville.
On se croirait en Afrique avec tous ces bamboulas dans la rue.
Les chintoks rachètent tous les bars-tabacs du coin.
ces romanos ont encore volé des câbles sur le chantier
LES CROUILLES DEHORS ON EN A MARRE
Vla les gouines qui se pavanent main dans la main, dégueulasse.
Toujours les mêmes bougnoules à la CAF hein, bizarrement.
c des bamboulas ces mecs jte jure ils savent pas vivre
Les travelos devraient pas avoir le droit d'entrer dans les toilettes des femmes.
Les mongoliens, ça coûte une blinde à la Sécu pour rien.
Les pouffiasses qui votent pour ça devraient retourner en cuisine.
""",
    "generalisation": """
Les Arabes sont tous des voleurs, faut arrêter de se voiler la face.
Tous des violeurs ces migrants, ouvrez les yeux.
Les Roms, c'est tous des pickpockets, tout le monde le sait.
Les Noirs sont tous des dealers dans ma ville, c'est un constat.
Les musulmans sont tous des terroristes en puissance.
les algeriens ils sont tous pareil, des voleurs et des menteurs
Les femmes sont toutes des menteuses et des manipulatrices.
Les Juifs, tous des escrocs qui ne pensent qu'à l'argent.
Les réfugiés sont tous des profiteurs qui viennent pour les allocs.
Les Tchétchènes sont tous des brutes, sans exception.
Les homos sont tous des pervers, faut pas les laisser approcher des gosses.
Les Africains sont tous des fainéants qui attendent l'aide internationale.
tous des assistés ces marocains, 0 exception
Les Turcs sont tous des mafieux, demandez à n'importe quel flic.
Les Afghans c'est tous des violeurs, regardez les faits divers.
Un Pakistanais, deux Pakistanais, c'est toujours la même racaille.
""",
    "implicit_derogation": """
Ces gens-là ne s'intègrent jamais, on le voit bien dans nos quartiers.
Encore un coup des Roms, comme d'habitude.
On sait bien d'où viennent les problèmes dans ce quartier, pas besoin de faire un dessin.
Comme par hasard, le voleur s'appelait Mohamed.
Les sionistes contrôlent les médias et la finance, réveillez-vous.
Toujours les mêmes qui tiennent les banques et les journaux, suivez mon regard.
Chez eux, battre sa femme c'est culturel, faut pas s'étonner.
Quand on voit la population du quartier, on comprend vite qui a brûlé les voitures.
Bizarre, à chaque vol dans le RER, c'est jamais un Breton.
Les « chances pour la France » ont encore frappé hier soir.
Encore un « déséquilibré » qui crie Allah Akbar, on connaît la chanson.
Le quartier a changé de couleur, et comme par hasard la délinquance a explosé.
jvous laisse deviner la religion du mec qui a fait ça
Avant c'était un beau village, maintenant on se croirait à Alger.
Depuis que la famille africaine est arrivée dans l'immeuble, fini la tranquillité, évidemment.
Ce n'est pas un hasard si les Rothschild sont derrière chaque gouvernement, renseignez-vous.
Un prénom pareil, pas étonnant qu'il ait fini en prison.
""",
    "dehumanisation": """
Les migrants sont de la vermine qui grouille dans nos villes.
Ces Roms, c'est des rats, ils se reproduisent et ils pillent.
Les juifs sont des parasites qui sucent le sang des nations.
Les Arabes, c'est comme les cafards, tu en vois un, il y en a cent.
L'islam est un cancer et les musulmans en sont les métastases.
Les Noirs, c'est des singes, qu'ils retournent dans les arbres.
Ces réfugiés, c'est du bétail qu'on déverse dans nos campagnes.
Les homosexuels sont une maladie qu'il faut soigner de force.
Les Africains se multiplient comme des lapins et débarquent chez nous.
Les Afghans, une horde d'animaux qui ne connaissent que la violence.
les gitans c des nuisibles point barre
Les trans sont des monstres, des erreurs de la nature.
Les handicapés, c'est des légumes qui coûtent cher à tout le monde.
Ces sauterelles de migrants s'abattent sur nos côtes chaque été.
Les Algériens, c'est de la mauvaise herbe : tu arraches, ça repousse.
Les femmes, c'est du bétail, ça sert juste à pondre des gosses.
""",
    "negative_emotion": """
Les Arabes me dégoûtent, je ne peux plus les voir.
J'ai la haine des Roms depuis toujours et ça partira pas.
Je ne supporte pas les homos, ils me donnent envie de vomir.
Les juifs me répugnent, physiquement.
les noirs jpeux pas les blairer serieux
Je hais les musulmans, je l'assume totalement.
Rien qu'à voir des migrants dans mon train, j'ai la nausée.
Les personnes trans me dégoûtent profondément.
J'ai horreur des Chinois, ils me mettent mal à l'aise rien qu'en existant.
Je vomis les Maghrébins et leur arrogance.
Je déteste les femmes, toutes autant qu'elles sont.
Les handicapés me font gerber, je change de trottoir quand j'en vois un.
Je ne peux pas encadrer les Turcs, ni de près ni de loin.
Plus je vois de réfugiés, plus je les hais.
J'AI LA RAGE CONTRE CES GITANS
Franchement les Africains me dégoûtent, leur odeur, leur bruit, tout.
""",
    "negative_attribute": """
Les Arabes sont violents par nature, c'est génétique.
Les Noirs sont moins intelligents, c'est prouvé scientifiquement.
Les Roms sont sales, ils ne se lavent jamais.
Les femmes sont trop bêtes pour faire de la politique.
Les juifs sont avares et fourbes, c'est dans leur sang.
Les musulmans sont incapables de vivre en démocratie.
Les gays sont tous malades dans leur tête.
les africains sont faineants de naissance
Les Asiatiques sont fourbes, on ne peut jamais leur faire confiance.
Les handicapés mentaux sont un fardeau pour la société.
Les Gitans ont le vol dans le sang.
Les migrants sont primitifs, ils n'ont aucune culture.
Les trans sont des malades mentaux, point.
Les Algériens sont naturellement agressifs.
Les Turcs sont bruyants et arriérés, tous.
Le cerveau d'une femme n'est pas fait pour les maths.
""",
    "negated_positive": """
Les Arabes ne seront jamais de vrais Français.
Un Rom honnête, ça n'existe pas.
Un musulman modéré, c'est comme une licorne : tout le monde en parle, personne n'en a vu.
Les Noirs ne sont pas capables de diriger un pays.
Jamais vu un migrant bosser de sa vie.
Les femmes ne seront jamais aussi compétentes que les hommes.
Un juif qui ne pense pas à l'argent, j'en ai jamais rencontré.
Aucun Maghrébin n'a sa place dans la police.
Les homos ne feront jamais de bons parents.
Les réfugiés n'apportent rien de bon, rien du tout.
Un Gitan qui travaille, faudrait le mettre au musée.
les africains savent pas ce que c'est le respect
Les trans ne seront jamais de vraies femmes ni de vrais hommes.
Aucun Chinois n'est digne de confiance.
Un handicapé n'a rien à apporter à une entreprise.
Un Algérien reconnaissant envers la France, ça n'existe pas.
""",
    "hateful_question": """
Pourquoi les Arabes sont-ils tous des voleurs ?
Qui a encore envie de vivre à côté des Roms ?
Pourquoi on laisse encore entrer ces migrants qui agressent nos femmes ?
C'est moi ou les Noirs ont vraiment un QI plus bas ?
Pourquoi les juifs contrôlent-ils toutes les banques ?
Sérieux, à quoi ça sert un handicapé à part coûter du fric ?
Combien de temps encore on va supporter ces parasites de réfugiés ?
Quelqu'un peut m'expliquer pourquoi les musulmans sont incapables de respecter nos lois ?
Pourquoi les femmes ont le droit de vote alors qu'elles ne réfléchissent pas ?
pk les gitans ils volent tout le temps ?
Les homos, c'est une maladie ou un vice ?
Pourquoi les Chinois mangent-ils des chiens comme des sauvages ?
Quel intérêt d'embaucher un Africain, franchement ?
Vous laisseriez un Maghrébin épouser votre fille, vous ? Moi jamais.
Les trans, on les enferme quand à l'asile ?
Pourquoi l'Algérie nous envoie toute sa racaille ?
""",
    "hateful_opinion": """
Je pense que les Arabes n'ont rien à faire en France.
À mon avis, les Roms n'ont pas leur place dans notre société.
Pour moi, les homosexuels ne devraient pas avoir les mêmes droits que nous.
J'estime que les femmes devraient rester à la maison et se taire.
Selon moi, les musulmans sont incompatibles avec la République, ils devraient tous partir.
Perso je trouve que les Noirs devraient avoir leurs propres quartiers, loin des nôtres.
Mon opinion : les juifs ne devraient pas avoir le droit d'être élus.
Je suis convaincu que les handicapés ne devraient pas avoir le droit d'avoir des enfants.
Honnêtement, les migrants, on ne devrait même pas les soigner.
je pense sincerement que les trans devraient etre interdits d'enseigner
On devrait interdire aux Africains de louer dans les beaux quartiers, c'est mon avis.
Je crois qu'un Chinois ne devrait jamais pouvoir acheter une maison chez nous.
Je refuse de louer à des Maghrébins, et je conseille à tout le monde d'en faire autant.
Franchement, les Gitans devraient être parqués dans des camps.
Pour moi, un Turc reste un Turc, même avec des papiers, et il n'a rien à faire ici.
Je suis pour qu'on retire la nationalité à tous les Franco-Algériens, sans exception.
""",
    "exclusion": """
Renvoyez-les chez eux, tous ces migrants !
Dehors les Arabes !
Qu'ils retournent dans leur pays, ces Africains.
La France aux Français, les bougnoules dehors !
Remigration pour tous les Maghrébins, billet aller simple.
Les Roms hors de nos villes !
Pas de musulmans dans notre village, qu'ils aillent ailleurs.
Dehors les pédés, pas chez nous.
REMIGRATION MAINTENANT, TOUS DANS L'AVION
qu'ils retournent au bled ces algeriens et qu'ils nous foutent la paix
Interdiction d'entrée aux Noirs dans mon bar, je l'assume.
Vivement qu'on les mette tous dans un bateau direction l'Afrique, ces Maliens.
Les juifs n'ont qu'à partir en Israël, ici c'est pas chez eux.
On ne veut pas de réfugiés dans notre commune, ni maintenant ni jamais, qu'ils dégagent.
Renvoyez les Turcs à Ankara, tous autant qu'ils sont.
La France aux Français de souche, les Comoriens à Moroni.
""",
    "invasion_replacement": """
C'est une véritable invasion migratoire, et personne ne fait rien.
Le grand remplacement est en marche, regardez les classes de nos écoles.
Ils nous envahissent, dans vingt ans on sera minoritaires chez nous.
Les musulmans font des gosses pour nous remplacer, c'est voulu.
On est en train de se faire remplacer par l'Afrique, point.
Ce n'est plus de l'immigration, c'est une colonisation à l'envers par les Arabes.
Les Africains débarquent par milliers pour prendre nos places et nos femmes.
Bientôt la charia en France, ils sont déjà partout ces musulmans.
grand remplacement = réalité, faut être aveugle pour pas le voir
Les Arabes ont déjà conquis nos banlieues, prochaine étape les campagnes.
Les élites ont organisé le remplacement des Européens par des migrants.
Nos villages se remplissent de Maghrébins, les Français de souche vont disparaître.
Les migrantes viennent accoucher chez nous, c'est une invasion par les ventres.
On est submergés de Roms, c'est une occupation.
Les Chinois nous envahissent, ils sont partout comme une armée d'occupation.
L'Europe est envahie par des hordes de réfugiés.
""",
    "threat_to_group": """
Il faudrait tous les exterminer, ces Roms.
On devrait les gazer, tous ces juifs.
Mort aux Arabes !
Un bon migrant est un migrant noyé.
Faudrait mettre le feu à leurs mosquées avec les musulmans dedans.
Les pédés, on devrait les pendre comme avant.
Qu'on les fusille tous, ces Africains.
Vivement une bonne ratonnade ce week-end.
Il faut couler les bateaux de migrants, pas les secourir.
On va aller casser du Noir ce soir, qui est chaud ?
Les trans, faut les brûler.
Une balle pour chaque Algérien, et le problème est réglé.
exterminez les gitans et on sera tranquilles
Stérilisation forcée pour tous les handicapés.
Un jour on les chassera à coups de fusil, ces Maghrébins.
Faudrait raser les quartiers arabes avec eux dedans.
""",
    "obfuscated": """
Encore des b0ugn0ules à la gare ce matin.
Les n.è.g.r.e.s foutent le bordel dans le bus.
sale r4ton va
Les y0upins contrôlent la banque, comme d'hab.
B I C O T S dehors
les p3d3s du marais ils me dégoûtent
ces t@rlouzes qui défilent, honte
Des ch1nt0ks partout dans le métro.
les r0m4n0s ont pillé le parking
n€gr0s de merde
Les b-o-u-g-n-o-u-l-e-s encore au chômage.
Les ju1fs = p4r4sites
m*slims = t3rr0r1stes
Encore des cr0u1lles qui traînent devant le lycée.
Les 4r4bes c'est tous des v0leurs.
les m1gr4nts = v3rm1ne
""",
    "race_of": """
Sale race de bougnoules.
Race de voleurs, ces Gitans.
Les Arabes, c'est une race de menteurs.
Sale race, retourne dans ton pays.
Quelle race de sauvages, ces Africains.
Ces Roms, race maudite.
Race inférieure, voilà ce que sont les Noirs.
Nique ta race de Marocain.
Les migrants, cette race de parasites.
Les juifs, une race de comploteurs.
race de chiens ces algeriens
Sale race de pédés.
Ces Turcs, race de barbares.
Race de bâtards, les Tchétchènes.
Ces Maghrébins, c'est vraiment une sale race.
La race jaune nous prend tout, les Chinois rachètent tout.
""",
    "neutral_group_mention": """
Selon l'Insee, la part des immigrés dans la population française est stable depuis dix ans.
La communauté juive de Strasbourg a inauguré un nouveau centre culturel.
Les musulmans de France entament le ramadan ce soir.
Un rapport de la Défenseure des droits porte sur les discriminations subies par les Roms.
Le nombre de demandeurs d'asile afghans a augmenté l'an dernier.
Les associations LGBT organisent la marche des fiertés samedi.
Les femmes représentent 42 % des élus municipaux dans le département.
Le Nouvel An chinois sera célébré dans le 13e arrondissement dimanche.
Plusieurs familles gitanes se sont installées sur l'aire d'accueil prévue par la mairie.
Les Turcs de France votent aujourd'hui au consulat pour les élections en Turquie.
Le musée de l'Armée consacre une salle aux tirailleurs venus du Sénégal et du Mali.
Les personnes handicapées attendent toujours l'accessibilité des gares.
La communauté marocaine de Bordeaux organise une fête de quartier.
L'article compare les salaires des Noirs et des Blancs aux États-Unis.
Des réfugiés ukrainiens et syriens suivent des cours de français au centre social.
les algeriens de france peuvent voter au consulat jusqu'a samedi
""",
    "positive_group_mention": """
Les Maghrébins de mon quartier sont les voisins les plus accueillants que j'ai connus.
J'adore la cuisine turque, et les Turcs que je connais sont d'une générosité folle.
Les migrants qui travaillent dans les hôpitaux ont tenu le pays pendant le Covid.
Les femmes ingénieures de mon équipe sont brillantes.
La culture juive a énormément apporté à la littérature française.
Les Roms que j'ai rencontrés au festival jouaient une musique magnifique.
Bravo aux athlètes handisport, quelle leçon de courage.
Mes amis musulmans m'ont invité à rompre le jeûne, super moment.
Les réfugiés afghans de notre village se sont super bien intégrés, ils tiennent la boulangerie.
les africains que jai rencontré au boulot sont vraiment des crèmes
Merci aux couples homos qui adoptent, ces enfants ont bien de la chance.
Les Chinois de ma promo étaient les plus bosseurs et les plus sympas.
Les personnes trans de l'association font un travail formidable.
La musique gitane, c'est de l'or, vive les Gipsy Kings !
Les infirmières algériennes de l'hôpital sont d'une gentillesse incroyable.
Les Sénégalais du club de foot ont porté l'équipe toute la saison.
""",
    "counter_speech": """
Le racisme n'a rien à faire dans ces commentaires, point.
Ça suffit de mettre tous les musulmans dans le même sac.
Les migrants sont des êtres humains, on parle de vies, pas de chiffres.
Je suis fatigué de lire autant d'antisémitisme sous chaque article.
Personne ne choisit sa couleur de peau, arrêtez avec vos préjugés.
L'homophobie pousse encore des jeunes au suicide, il faut en parler.
Soutien à la famille rom agressée hier, c'est inacceptable.
Les femmes ne vous doivent rien, ni sourire ni silence.
Respectez les personnes trans, c'est la base.
juger qqn sur ses origines c nul, point
Ce fil devient une fosse à préjugés contre les Arabes, modérez svp.
Un handicap n'enlève rien à la dignité d'une personne.
On peut débattre d'immigration sans insulter qui que ce soit.
Les stéréotypes sur les Asiatiques font des dégâts réels, écoutez les concernés.
Ma grand-mère est arrivée ici comme réfugiée, un peu d'humanité ne coûte rien.
Je signale tous les messages haineux que je vois ici, faites pareil.
""",
    "quoted_hate_condemned": """
Écrire « les Noirs sont des singes » sous un article sur le foot, c'est du racisme, et c'est puni.
Un élu a parlé d'« invasion » à propos des réfugiés, c'est indigne de sa fonction.
Le graffiti « Juifs dehors » a été effacé par les habitants du quartier dès le matin.
On m'a traité de « sale bougnoule » au travail, j'ai porté plainte.
Le collégien répétait « les pédés, ça devrait pas exister », le principal l'a sanctionné.
Quand j'entends « les Roms sont tous des voleurs », je pense à mes amis roms et ça me révolte.
Le message « mort aux migrants » a été signalé à Pharos.
« Les femmes c'est fait pour la cuisine » : en 2024 on entend encore ça, c'est affligeant.
Le tribunal a condamné l'auteur du tweet « les musulmans sont un cancer ».
Mon fils s'est fait appeler « chintok » à l'école, la maîtresse a réagi immédiatement.
Le « grand remplacement » est une théorie complotiste raciste, rappelle le chercheur.
Quelqu'un a tagué « les gitans dehors » sur l'aire d'accueil, la mairie a porté plainte.
Arrêtez de répéter « un handicapé ça coûte cher », c'est ignoble.
Le supporter qui a crié « retourne en Afrique » au joueur doit être interdit de stade à vie.
« Les trans sont des malades » : ce genre de phrase pousse des ados au désespoir.
Le prof a expliqué d'où vient le mot « raton » et pourquoi il est raciste.
""",
    "negated_hate": """
Les migrants ne sont pas des criminels.
Non, les Arabes ne sont pas tous des voleurs.
Les musulmans ne sont pas des terroristes.
Les Roms ne sont pas sales, ils vivent dans des conditions indignes.
Les femmes ne sont pas moins intelligentes que les hommes.
Être homo n'est pas une maladie.
Les réfugiés ne viennent pas pour les allocs, ils fuient la guerre.
Les Noirs ne sont pas plus violents que les autres, les études le montrent.
Il n'y a pas de « race » inférieure, ça n'existe pas.
Les juifs ne contrôlent rien du tout, c'est un vieux mythe.
Les handicapés ne sont pas un fardeau.
les gitans ne sont pas des voleurs, arrêtez
Les personnes trans ne sont pas des malades mentaux.
Il n'y a aucune invasion, les chiffres de l'immigration sont stables.
Les Africains ne sont pas des fainéants, beaucoup bossent plus dur que nous.
Non, les Chinois n'ont pas « ramené le virus », ils en ont été les premières victimes.
""",
    "policy_criticism": """
La politique migratoire du gouvernement est incohérente et mal financée.
Je suis contre la dernière loi immigration, elle ne règle rien.
Le gouvernement israélien doit cesser les bombardements sur Gaza.
Je critique la position de l'Église sur la contraception, elle est dépassée.
Le CFCM n'a jamais réussi à représenter les musulmans de France, il faut le réformer.
Les délais de traitement des demandes d'asile sont indignes pour tout le monde.
Le régime chinois enferme les Ouïghours, il faut des sanctions.
La France et l'Algérie devraient enfin régler le contentieux sur les visas.
Le gouvernement turc muselle sa presse, l'UE doit réagir.
Les quotas d'immigration professionnelle me semblent une mauvaise idée.
La gestion des campements de Calais par l'État est un échec total.
Le Vatican a trop tardé à reconnaître les abus dans l'Église.
Je suis pour une immigration plus contrôlée, avec de vrais moyens d'intégration.
La colonisation en Cisjordanie viole le droit international.
je suis pas d'accord avec le port du voile dans la fonction publique, la loi actuelle me va
L'accord UE-Turquie sur les migrants est un marchandage honteux.
""",
    "group_self_reference": """
En tant que Noir, j'en ai marre qu'on me demande d'où je viens vraiment.
Moi, fils d'immigrés algériens, je suis fier de mes deux cultures.
Je suis juive et je fête Hanouka avec mes voisins musulmans chaque année.
Nous les gouines, on sera en tête de cortège samedi !
Comme beaucoup de Roms, j'ai grandi dans une caravane, et je suis devenu instit.
En tant que femme dans la tech, je vois bien le plafond de verre.
Je suis musulman, pratiquant, et je vote comme tout le monde.
Nous, les réfugiés, on veut juste travailler et vivre en paix.
moi chui rebeu et j'adore le camembert, ça choque qui ?
En tant que personne trans, je rappelle qu'on existe et qu'on veut juste vivre tranquilles.
Je suis en fauteuil depuis dix ans et je cours des marathons.
Nous, les Chinois de Belleville, on a aussi nos galères avec les agressions.
Je suis gitan, catholique et fier de ma famille.
Je suis Marocaine, née à Casablanca, et je vis à Lyon depuis vingt ans.
Nous les renois du quartier, on organise un tournoi de foot samedi.
En tant que Turc, je trouve les kebabs d'ici trop gras, désolé.
""",
    "non_group_vermin": """
Les cafards ont envahi ma cuisine, quelqu'un connaît un bon désinsectiseur ?
Une invasion de moustiques cet été, impossible de dîner dehors.
Les rats pullulent près des poubelles du marché.
Les punaises de lit ont envahi l'hôtel, c'est une vraie plaie.
Ces chenilles processionnaires sont un fléau pour les pins.
Les frelons asiatiques déciment les ruches de la région.
Les pigeons de la place sont devenus de vrais parasites.
La mérule, c'est le cancer des vieilles maisons.
Les sangliers envahissent les jardins du village chaque nuit.
Il faut exterminer les fourmis avant qu'elles n'attaquent la charpente.
Les tiques sont une vraie vermine en forêt cette année.
Invasion de guêpes en terrasse, on a dû rentrer.
Les moustiques tigres colonisent tout le sud.
Les souris ont grignoté tous les câbles du grenier.
jsuis envahi de moucherons dans ma cuisine c'est l'enfer
Le campagnol est une vraie peste pour les potagers.
""",
    "identity_in_everyday_use": """
Mon voisin marocain m'a prêté sa perceuse.
Le traiteur chinois du coin fait les meilleurs raviolis.
Ma belle-sœur est juive et elle fait un gâteau au fromage incroyable.
J'ai acheté mes tomates chez l'épicier turc.
Ma prof de maths était algérienne, la meilleure que j'aie eue.
On a fêté l'Aïd chez nos amis, c'était délicieux.
Mon coloc est gay et il cuisine mieux que moi.
L'équipe a recruté un ailier sénégalais.
Le médecin de garde était une femme noire, très pro.
Ma fille joue au foot avec une petite gitane de son école.
Mon collègue trans m'a recommandé un super podcast.
Le kiné de mon cabinet est en fauteuil et il est génial.
La famille syrienne d'en face nous a invités à dîner.
jai pris un taxi avec un chauffeur comorien trop sympa
Mon beau-père est tunisien et il fait le meilleur couscous.
La pâtisserie arabe de ma rue ferme pour les vacances.
""",
}

THREAT_MAIN: dict[str, str] = {
    "schoolyard_threat": """
Kevin, demain on t'attend à la sortie, et viens pas avec tes potes.
Je t'attends dehors après les cours, on verra si tu fais toujours le malin.
On t'attendra devant le collège lundi, t'auras pas tes profs pour te protéger.
Redis ça et je te fais manger le bitume.
Continue de rigoler, on va te faire bouffer le trottoir à la récré.
jvais te faire lécher le goudron devant tout le monde
La prochaine fois c'est mon poing dans ta face.
Encore un mot et c'est mon pied dans ta tronche, Lucas.
tu parles encore de ma sœur et c'est ma boule dans ta gueule
Tu m'énerves, je t'en colle une à la pause.
Baisse les yeux ou je t'en retourne une.
jten mets une si tu touches encore à mon sac
Fais le malin, on va te prendre à quatre derrière le gymnase.
Ils vont te coincer à plusieurs à la sortie, je te préviens.
Samedi on va te choper dehors, tu pourras pas courir.
Je vais te péter la gueule devant ta copine. || jte pete la gueule devant ta meuf
On te casse les dents si tu remets les pieds au parc.
Je te défonce la tronche à la sortie du foot.
Supprime cette vidéo ou tu vas voir.
Enlève ce post tout de suite, sinon tu vas voir.
Ose encore me traiter et tu vas voir.
Ça va chauffer pour toi à la récré, crois-moi.
Ça va saigner pour ta gueule demain matin.
On va te traîner par les cheveux jusqu'au terrain.
Tu veux te battre ? Viens derrière le bahut à midi.
1v1 à la sortie demain, si t'as les couilles.
Je vais te défigurer, t'oseras plus sortir.
On va te bousiller en rentrant, Yanis.
Je vais te latter les côtes si tu balances encore.
""",
    "schoolyard_benign": """
Je t'attends à la sortie du métro, on va au ciné ensemble.
On t'attend devant le collège à midi pour aller manger un kebab.
Je t'attends dehors, il fait trop chaud dans la salle.
On se retrouve à la sortie des cours pour réviser le bac blanc.
Je vais te faire goûter la tarte de ma grand-mère, tu vas adorer.
Le coach nous a fait manger de la poussière pendant tout l'entraînement.
On va leur faire manger la poussière au cross du collège !
Mon poing dans la pâte à pain, je pétris depuis une heure.
Je t'en mets une part de côté pour ce soir ?
Je t'en colle une affiche dans le hall, promis, pour ta soirée.
On va te prendre à quatre heures devant la gare, sois à l'heure.
Je passe te chercher à la sortie de l'école, ne t'inquiète pas.
Ça va chauffer dans la salle de concert ce soir, j'ai hâte !
Essaie ce jeu, tu vas voir, il est génial.
Refais la recette avec du beurre salé, tu vas voir la différence.
1v1 sur Fortnite ce soir, je vais te plier !
Tu veux te battre ? Au Mario Kart, quand tu veux.
On va vous écraser au tournoi de ping-pong vendredi.
Je t'attends à la sortie du vestiaire pour la photo d'équipe.
Tu vas voir, la prof de SVT est super sympa.
J'ai gagné le 1v1 hier soir sur Rocket League.
On va te préparer une surprise pour ton anniversaire, ferme les yeux.
Le prof m'a dit : « je vous attends à la sortie du labo pour ranger ».
Mon chien m'a fait lécher le sol en me faisant tomber, quelle honte !
Viens, on se bat à coups de boules de neige dans la cour !
Elle m'a mis une claque au tennis, 6-0 6-1.
Je vais te chercher un pain au chocolat à la boulangerie.
Ils m'ont coincé à plusieurs dans l'ascenseur ce matin, on était serrés comme des sardines.
""",
    "direct_threat_future": """
Je vais te tuer, tu m'entends ?
On va te retrouver, et ça va très mal finir pour toi.
Je vais te casser les deux jambes à la sortie du taf.
Je vais venir chez toi et te défoncer la tête.
Tu vas payer, je vais te saigner comme un porc.
Je vais t'égorger devant ta famille.
Je vais te planter, sale balance.
jvais te fracasser demain devant le lycée
Je vais t'étrangler de mes propres mains.
Toi et ta famille, je vais vous massacrer un par un.
Je vais te défigurer à l'acide, tu ressembleras plus à rien.
JE VAIS TE CREVER
Demain je t'attends à la sortie avec mes potes et je te démonte.
Je te jure sur ma mère que je vais te tuer.
""",
    "conditional_threat": """
Si tu reviens ici, tu es mort.
Si tu publies encore un article sur nous, on te retrouve.
Tu remets les pieds dans ce quartier et je te plante.
Si tu témoignes, ta famille va le regretter.
Un mot de plus et je t'éclate la tête contre le mur.
Si tu touches encore à ma sœur, je te bute.
Si jamais tu portes plainte, je brûle ta voiture avec toi dedans.
Tant que tu bosses pour ce journal, t'es une cible.
Si le maire signe ce permis, il ne finira pas son mandat vivant.
si tu parles aux flics t'es un homme mort
Continue de me chercher et tu finiras à l'hôpital, ou pire.
Rembourse-moi avant vendredi ou je te casse les doigts un par un.
Tu la quittes pas, je te tue, c'est simple.
Encore une vidéo sur moi et je t'égorge.
""",
    "subjunctive_wish": """
Qu'il crève, ce salaud.
Qu'on le pende sur la place publique.
Qu'elle brûle vive avec toute sa famille.
Que quelqu'un lui tire une balle, vite.
Qu'on lui coupe la tête, à ce traître.
Qu'ils crèvent tous, ces pourris.
qu'il se fasse écraser par un bus ce bouffon
Qu'on l'attache à un poteau et qu'on le lapide.
Que ce juge se fasse égorger en rentrant chez lui.
Qu'on leur arrache les yeux, à ces pourris.
Que sa maison brûle avec lui dedans.
Qu'on la noie dans la Seine.
Que quelqu'un lui fasse la peau, à ce pédophile.
QU'IL CRÈVE LA BOUCHE OUVERTE
""",
    "merite_que": """
Il mériterait qu'on lui règle son compte à la sortie.
Elle mérite une balle.
Ce type mérite qu'on le tabasse jusqu'à ce qu'il ne se relève plus.
Ce journaliste mériterait d'être pendu.
Ils méritent tous de finir au bout d'une corde.
Le maire mériterait qu'on brûle sa maison.
Cette prof mérite qu'on l'attende à la sortie de l'école.
il merite de se faire planter ce batard
Ces violeurs méritent qu'on leur coupe les couilles à la hache.
Elle mériterait de se faire lapider pour ce qu'elle a dit.
Ce député mérite une balle dans la nuque.
Ce flic mérite de crever dans la rue.
Mon voisin mériterait qu'on lui défonce la tête.
Lui, il mérite la chaise électrique, et c'est moi qui appuie sur le bouton.
""",
    "il_faut": """
Il faut le buter, ce type.
Faudrait les fusiller tous.
Il faut la retrouver et lui faire payer, physiquement.
Il faudrait pendre ce ministre.
Faut lui casser les jambes pour qu'il comprenne.
Il faut brûler la maison de ce juge.
Il faudrait égorger ces traîtres un par un.
faut l'attendre à la sortie et le défoncer
Il faut tirer dans le tas, c'est la seule solution.
Il faudrait lui mettre une balle, et vite.
Faut aller chez elle et lui faire comprendre avec une batte.
Il faut abattre ce journaliste avant qu'il publie.
Faudrait l'enterrer vivant.
Il faut leur trancher la gorge, à tous.
""",
    "imperative_plural": """
Exterminons-les tous.
Pendons-les.
Allons chez lui ce soir et cassons-lui la gueule.
Brûlons leurs maisons.
Retrouvons ce juge et faisons-lui payer.
Tuez-les tous, Dieu reconnaîtra les siens.
Chopez-le à la sortie et défoncez-le.
Armez-vous et descendez-les.
Lynchons ce pédophile.
Allez, tous à la mairie, et on pend le maire.
Crevez-lui les pneus, et ensuite crevez-le.
balancez-le dans le canal
Égorgez-les tous.
Tabassez-la jusqu'à ce qu'elle se taise.
""",
    "on_va": """
On va leur faire la peau.
On va te faire regretter d'être né.
On va venir te chercher chez toi cette nuit.
On va lui régler son compte, à cette balance.
On va les saigner un par un.
On va cramer ta bagnole, et toi avec.
ce soir on va aller les tabasser
On va le lyncher dès qu'il sort du tribunal.
On va te trouver, et on va te découper.
On va te faire bouffer tes dents.
On va leur apprendre la vie à coups de barre de fer.
Le jour où on te chope, on va t'exploser.
On va vous enterrer, toi et ta clique.
On va égorger cette journaliste.
""",
    "knows_address": """
Je sais où tu habites.
On connaît ton adresse et ton école.
Je sais à quelle heure ta fille sort de l'école.
12 rue des Lilas, 3e étage, c'est bien chez toi ? À bientôt.
Je sais quelle voiture tu conduis et où tu la gares.
On a ton adresse, ta plaque et les horaires de ta femme.
Je t'ai vu ce matin à la boulangerie, t'avais un manteau bleu. Fais gaffe.
jsais ou tu crèches, tu vas voir
On sait où tu bosses, on t'attendra.
J'ai trouvé ton adresse en deux minutes. Dors bien.
Ton fils est à l'école Jean-Moulin, pas vrai ?
Nous connaissons ta maison, monsieur le juge. Pensez à vos enfants.
Je passe devant chez toi tous les soirs, tu le savais ?
On a fait une petite visite de ta rue hier soir. Belle maison, dommage.
""",
    "idioms_euphemisms": """
Toi, on va te régler ton compte.
Tu vas finir six pieds sous terre.
Tu ne verras pas Noël.
T'es mort, tu le sais ?
On va te coudre la bouche, tu parleras plus.
Une balle dans la tête, c'est tout ce qu'il mérite.
Il finira au bout d'une corde, je m'en occupe.
Tu vas manger les pissenlits par la racine.
Je vais te faire la peau.
On va t'envoyer nourrir les poissons.
Ta mère va pleurer sur ta tombe.
Tu vas faire un tour dans le coffre.
Prépare ton costume en sapin.
t es un homme mort mon gars
""",
    "threat_named_person": """
Le maire de Saint-Aubin, on va lui faire la peau à la prochaine réunion publique.
Ce juge qui a libéré le suspect, je vais le retrouver et le descendre.
La journaliste Claire Vasseur ferait bien de surveiller ses arrières, on sait où elle habite.
Le député Lemoine mérite une balle, et je suis volontaire.
Si je croise la ministre, je lui plante un couteau.
Le préfet, faut le pendre devant la préfecture.
Ce prof, M. Dufresne, on va l'attendre à la sortie du collège.
Le président, qu'on le guillotine.
L'arbitre de samedi, je vais lui défoncer la tête s'il revient au stade.
La conseillère municipale Nadia Benali ferait mieux de démissionner si elle tient à sa vie.
Le patron de l'usine, on va le brûler dans sa voiture.
cette juge Martin on va la retrouver elle et ses gosses
Le maire, on va lui faire sa fête, et pas une fête d'anniversaire.
Je vais tuer le directeur de l'hôpital, il a laissé mourir ma mère.
""",
    "threat_group": """
Il faut aller casser du flic ce soir.
Prenez vos armes et tuez les juifs.
Allons brûler le camp de Roms.
Tous à la mosquée vendredi, on va les cramer.
Faut lyncher les journalistes, tous.
On va descendre les migrants du camp, ramenez des barres.
Les élus, on va les pendre à la sortie de l'Assemblée.
ce soir on chasse les pédés au parc
Allez frapper des Arabes, ça défoule.
Toutes les féministes devraient être abattues.
On va faire un carnage à la marche des fiertés.
Chaque Noir croisé ce soir, on le tabasse.
Il faut tirer sur les gendarmes.
On va ratonner tous les Maghrébins de la gare.
""",
    "death_wish": """
J'espère que tu vas crever.
J'espère que ta famille brûle dans votre maison.
Je souhaite que tu meures dans d'atroces souffrances.
Crève, sale merde.
Vivement que tu crèves d'un cancer.
J'espère qu'un camion va t'écraser.
jespere que tu creves seul comme un chien
Puisses-tu mourir ce soir.
Je prie pour que ton avion s'écrase.
Ce serait bien que tu disparaisses, définitivement, sous terre.
J'attends avec impatience la nouvelle de ta mort.
J'espère que tes gosses vont crever aussi.
Va crever dans un fossé.
J'ESPÈRE QUE TU VAS MOURIR CETTE NUIT, ORDURE
""",
    "obfuscated_threat": """
Je vais te t.u.e.r.
On va les ext3rminer.
j3 vais te buter
Tu vas cr3v3r.
je vais te m-a-s-s-a-c-r-e-r
On va te b u t e r
Je vais t'ég0rg3r.
T'es m0rt ce soir.
je vais te f@ire la p3au
Une b@lle dans ta t3te bientôt.
On va te p3ndr3.
Je vais t€ d€fonc€r la tête.
Je vais te t*er, attends.
tu vas finir 6 pi3ds sous t3rre
""",
    "sms_register": """
jvais te niker ta race
t mort ce soir
jte retrouve jte bute
tu vas voir ce ki va t arriver ce soir
on va t defoncer ta gueule dmn a 16h
jsai ou t'habites wesh, on arrive
g 1 flingue pr toi
jte jure jte plante si tu parles
tkt on va tfaire la peau
tmort frero, ts mes potes te cherchent
jv te crever sale bouffon
t finiras ds 1 sac poubelle
ta famille va payer, tkt
wsh jte casse les jambes si tu rembourse pa
""",
    "figurative": """
Cette réforme va tuer le petit commerce.
Ce film m'a tué, j'ai pleuré du début à la fin.
Je suis mort de rire devant ta vidéo.
On va écraser l'équipe adverse samedi !
Ce trajet en RER va finir par me tuer.
Ma prof de maths m'a massacré au contrôle.
L'inflation assassine le pouvoir d'achat.
Ce concert était une tuerie.
Ce prof nous tue avec ses devoirs.
jsuis morte de fatigue
Le PSG a exécuté Marseille 4 à 0.
Le débat d'hier soir : la ministre a flingué son adversaire.
Cette chaleur m'achève.
On va les démolir en finale, croyez-moi.
""",
    "benign_future_addressed": """
Je vais te répondre demain, là je suis au boulot.
On va te retrouver au café à 18 h.
Je vais passer chez toi samedi pour la perceuse.
On sait où tu habites, on t'apporte le gâteau ce soir !
Je vais t'appeler après le match.
On va te chercher à la gare, ne bouge pas.
je te retrouve devant le ciné a 20h
Je vais te battre aux échecs, prépare-toi.
Si tu reviens ici, on t'offre le café.
Je vais t'envoyer le lien de l'article.
On va te faire une surprise pour ton anniversaire, chut.
Je t'attends à la sortie de l'école avec le goûter.
Je vais te casser les oreilles avec ma nouvelle playlist, désolé d'avance.
Je vais te tuer au Scrabble ce soir, prépare ton dico.
""",
    "reported_threat": """
Il a été condamné pour avoir menacé son voisin de mort.
La journaliste a reçu des menaces de mort et a porté plainte.
Un homme a été interpellé après avoir menacé le maire sur Facebook.
Le juge est placé sous protection après des menaces.
La députée a déposé plainte pour menaces de mort, annonce son cabinet.
Le tribunal a retenu la circonstance aggravante de menaces réitérées.
L'élève qui avait menacé sa professeure sera jugé en mars.
La police enquête sur une lettre de menaces reçue par la mosquée.
Selon la victime, son ex-mari lui avait promis de la tuer.
Le harceleur a écopé de six mois avec sursis pour des messages menaçants.
Plusieurs élus ruraux disent recevoir régulièrement des menaces.
mon voisin a porté plainte parce que l'autre l'avait menacé avec un couteau
L'arbitre a été menacé par des supporters, la fédération a saisi la justice.
Le rapport recense une hausse des menaces contre les maires.
""",
    "quoted_threat_condemned": """
Écrire « je vais te tuer » à quelqu'un, même pour rire, c'est grave.
Il a reçu un message disant « on sait où tu habites », il a porté plainte, et il a bien fait.
« Qu'il crève » sous un article sur un malade ? Vous n'avez pas honte ?
Le commentaire « faut les fusiller tous » a été signalé, j'espère qu'il sera supprimé.
Ma fille a reçu « t'es morte demain » sur son téléphone, on est allés au commissariat.
Dire « il mérite une balle » d'un élu, c'est une menace, pas une opinion.
Les tags « mort au maire » sur la mairie ont été effacés, la commune porte plainte.
Le slogan « pendez-les » scandé dans la manif est indigne d'une démocratie.
J'ai signalé le compte qui écrivait « on va te faire la peau » à une journaliste.
Quand on lit « je sais où tu habites » sous ses vidéos, on comprend pourquoi elle a arrêté.
Son agresseur lui avait écrit « tu ne verras pas Noël » : la justice a enfin réagi.
« On va les exterminer » : ces mots n'ont rien à faire ici, modération svp.
Arrêtez d'écrire « t'es mort » aux gens en commentaire, ça n'a rien de drôle.
Le prof a expliqué aux élèves pourquoi « je vais te buter » peut valoir une plainte.
""",
    "violent_news": """
Un homme a été tué par balle cette nuit à Marseille.
L'attaque au couteau a fait deux blessés graves.
Les combats ont fait des centaines de morts dans l'est du pays.
Le procès de l'assassin présumé s'ouvre lundi.
Une femme a été retrouvée morte, son compagnon est en garde à vue.
L'explosion d'une voiture piégée a tué douze personnes.
Un adolescent poignardé à la sortie d'un collège, l'enquête est ouverte.
Les bombardements ont détruit l'hôpital de la ville.
Le tireur a été abattu par la police.
La fusillade a fait trois morts devant une discothèque.
Le corps a été découvert dans un étang, l'autopsie est prévue demain.
Les rescapés de l'attentat témoignent au procès.
Un règlement de comptes sur fond de trafic fait un mort.
Le génocide des Tutsi a fait près d'un million de victimes en 1994.
""",
    "games_fiction": """
J'ai tué le boss final en une seule tentative !
Dans le dernier épisode, le héros égorge le traître, scène incroyable.
On a exterminé les zombies sur la carte 3, trop facile.
Le roman commence par un meurtre dans un manoir breton.
Au loup-garou, on m'a éliminé dès la première nuit.
Mon perso s'est fait décapiter par un dragon.
Headshot au sniper depuis l'autre bout de la map, gg.
Le méchant du film promet de tuer tout le village, frissons garantis.
jai buté tous les gardes en mode furtif
Au Cluedo, c'était le colonel Moutarde avec le chandelier.
Le polar de cet été : un tueur en série dans les Alpes.
On va les détruire en ranked ce soir.
Le dernier acte de Macbeth est un bain de sang.
La série a tué mon personnage préféré, je suis dévasté.
""",
    "idiom_benign": """
On tue le temps en jouant aux cartes.
Elle a acheté une balle de tennis neuve.
Je dois régler mon compte en banque avant la fin du mois.
Il faut tuer le suspense : c'est le majordome.
Il a fait un carton au tir à l'arc à la fête du village.
Je suis crevé, je vais me coucher.
Ils ont exécuté la commande en un temps record.
Le coup de pistolet du starter a lancé le marathon.
On a pendu la crémaillère samedi.
Le chef a découpé le poulet avec un couteau très aiguisé.
Mon ordi est mort, je vais en racheter un.
Il frappe à bout portant et trompe le gardien, quel but !
Il faut abattre ses cartes maintenant.
J'ai une faim de loup, je vais massacrer ce burger.
""",
    "self_deprecation": """
Je suis vraiment une quiche en maths.
J'ai envie de me gifler d'avoir oublié mes clés.
Quel idiot je fais, j'ai encore raté mon train.
Je me suis tué au travail toute la semaine, pour rien.
Je suis nulle en cuisine, même les pâtes je les rate.
Je vais me maudire jusqu'à la fin de mes jours d'avoir vendu ces actions.
jsuis trop bête, g effacé mes photos
Moi et l'orthographe, c'est une histoire d'amour impossible.
Je me donnerais des baffes d'avoir dit ça en réunion.
J'ai encore cramé le gâteau, je suis une catastrophe ambulante.
Je suis le roi des boulets, j'ai envoyé le mail à toute la boîte.
J'ai la mémoire d'un poisson rouge, désolé.
Je me suis ridiculisé au karaoké, je vais devoir changer de pays.
Je m'en veux à mort d'avoir oublié l'anniversaire de ma mère.
""",
    "policy_hard_opinion": """
Il faut supprimer cette taxe, elle étrangle les artisans.
Il faut éliminer le gaspillage dans les cantines.
Il faudrait abattre ce mur de béton qui défigure le front de mer.
Il faut tuer dans l'œuf ce projet d'autoroute.
Il faut en finir avec les niches fiscales.
Faut virer ce ministre aux prochaines élections.
Il faut liquider cette agence inutile et rendre l'argent aux contribuables.
Il faut démanteler les réseaux de trafiquants.
Il faudrait raser ce centre commercial abandonné et planter des arbres.
Il faut exterminer les rats du métro, c'est une question de santé publique.
Il faut sanctionner durement les fraudeurs fiscaux.
faut dégager ce maire aux municipales, il a rien fait
Il faut frapper fort contre la corruption.
Il faut abolir la peine de mort partout dans le monde.
""",
}

# --------------------------------------------------------------------------------------------
# Templates (source "modele"): (text, rows, group tags). Slots: {G} plural group, {sg}
# singular with article, {sgn} singular noun, {adjm}/{adjf} adjectives, {self} self-naming
# noun; any other {name} draws from POOLS; {obf_name} draws from POOLS (or the group) and
# obfuscates. A template only uses groups sharing one of its tags ("" = every non-coded group).
# --------------------------------------------------------------------------------------------

Template = tuple[str, int, str]

OR = "origine religion migr"
OR_CODE = "origine religion migr code"

HATE_TEMPLATES: dict[str, list[Template]] = {
    "explicit_derogation": [
        ("Encore des {slur} {lieu}, on se croirait plus en France.", 4, ""),
        ("Ces {slur} de merde {action_pl}.", 4, ""),
        ("Marre de ces {slur} {lieu}.", 3, ""),
        ("Les {slur}, je les reconnais de loin, ils {action_pl}.", 3, ""),
    ],
    "generalisation": [
        ("Les {G} sont [tous|toutes] des {ins}.", 5, HATE_TAGS),
        ("[Tous|Toutes] des {ins}, ces {G}.", 4, ALL_TAGS),
        ("Les {G}, c'est [tous|toutes] des {ins}, {tail}.", 4, ALL_TAGS),
        ("Faut arrêter de dire le contraire : les {G} sont des {ins}, sans exception.", 3, OR),
    ],
    "implicit_derogation": [
        ("Encore un coup des {G}, comme par hasard.", 4, OR_CODE),
        (
            "Depuis que les {G} sont arrivé[s|es] dans le quartier, on ne dort plus tranquilles.",
            3,
            OR,
        ),
        ("On sait tous ce qui arrive quand on laisse des {G} s'installer.", 3, OR),
        (
            "Comme par hasard, le type qui a agressé la mamie {lieu} était encore {sg}.",
            3,
            "origine religion migr",
        ),
        ("Un vol {lieu} ? Pas besoin de demander qui, encore les {G}.", 2, OR),
    ],
    "dehumanisation": [
        ("Les {G}, c'est {deh}.", 6, HATE_TAGS),
        ("Les {G} sont {deh}.", 4, ALL_TAGS),
        ("Les {G} se reproduisent comme des rats, bientôt il y en aura partout.", 3, OR),
        ("Ces {G}, des {deh_short}, rien d'autre.", 3, ALL_TAGS),
    ],
    "negative_emotion": [
        ("Les {G} {emo}.", 5, ALL_TAGS),
        ("J'ai la haine des {G}, {emo_tail}.", 4, ALL_TAGS),
        ("Je ne supporte pas les {G}, {emo_tail}.", 4, ALL_TAGS),
        ("Je hais les {G} de tout mon cœur.", 3, ALL_TAGS),
    ],
    "negative_attribute": [
        ("Les {G} sont {adj} par nature.", 5, ALL_TAGS),
        ("C'est génétique, les {G} sont {adj}.", 4, ALL_TAGS),
        ("Les {G} naissent {adj}, on n'y peut rien.", 3, ALL_TAGS),
        ("Les {G} sont {adj}, c'est dans leur culture.", 3, OR),
    ],
    "negated_positive": [
        ("Les {G} ne seront jamais de vrais Français, {tail}.", 4, OR),
        ("{sg} honnête, ça n'existe pas.", 4, ALL_TAGS),
        ("{sg} [intelligent|intelligente], j'en ai jamais vu.", 3, ALL_TAGS),
        ("Les {G} n'ont jamais rien apporté à ce pays.", 3, ALL_TAGS),
        ("[Aucun|Aucune] {sgn} n'est [digne|digne] de confiance.", 3, ALL_TAGS),
    ],
    "hateful_question": [
        ("Pourquoi les {G} sont-[ils|elles] [tous|toutes] des {ins} ?", 5, ALL_TAGS),
        ("Qui a encore envie de vivre à côté des {G} ?", 3, ALL_TAGS),
        ("Sérieux, les {G}, ça sert à quoi à part coûter cher ?", 3, ALL_TAGS),
        ("Pourquoi on continue d'accepter des {G} chez nous ?", 3, OR),
        ("C'est génétique ou culturel, le fait que les {G} soient aussi {adj} ?", 3, ALL_TAGS),
    ],
    "hateful_opinion": [
        ("Je pense que les {G} n'ont rien à faire en France.", 4, ALL_TAGS),
        ("À mon avis, les {G} ne devraient pas avoir le droit de vote.", 3, ALL_TAGS),
        ("Pour moi, les {G} ne méritent pas les mêmes droits que nous.", 4, ALL_TAGS),
        ("Perso, jamais je ne louerai mon appart à des {G}, et j'assume.", 3, ALL_TAGS),
        ("Je pense qu'on devrait interdire aux {G} d'enseigner à nos enfants.", 3, ALL_TAGS),
    ],
    "exclusion": [
        ("Dehors les {G} !", 4, OR),
        ("Renvoyez les {G} chez [eux|elles], et vite.", 3, OR),
        ("Que les {G} retournent dans leur pays, on n'en veut pas.", 3, OR),
        ("Remigration pour les {G}, billet aller simple.", 3, OR),
        ("Pas de {G} dans notre village, qu'[ils|elles] aillent ailleurs.", 3, ALL_TAGS),
    ],
    "invasion_replacement": [
        ("Les {G} nous envahissent, et personne ne réagit.", 4, OR_CODE),
        ("Invasion de {G} dans nos villes, ouvrez les yeux.", 3, OR),
        ("Les {G} sont en train de nous remplacer, c'est le grand remplacement.", 4, OR),
        ("Dans vingt ans, les {G} seront majoritaires et on sera des étrangers chez nous.", 3, OR),
        ("Encore des milliers de {G} qui débarquent, c'est une invasion.", 2, OR),
    ],
    "threat_to_group": [
        ("Il faudrait exterminer [tous|toutes] les {G}.", 4, HATE_TAGS),
        ("On devrait gazer les {G}, [tous|toutes].", 3, ALL_TAGS),
        ("Mort aux {G} !", 4, HATE_TAGS),
        ("Faudrait [tous|toutes] les fusiller, ces {G}.", 3, ALL_TAGS),
        ("Une balle pour chaque {sgn}, et le problème est réglé.", 2, ALL_TAGS),
    ],
    "obfuscated": [
        ("Encore des {obf_slur} {lieu}.", 5, ""),
        ("Les {G}, [tous|toutes] des {obf_ins}.", 4, ALL_TAGS),
        ("Les {obf_G} = {deh_short}", 4, OR),
        ("Sale race de {obf_slur}.", 3, ""),
        ("dehors les {obf_slur}", 3, ""),
    ],
    "race_of": [
        ("Sale race de {slur}.", 4, ""),
        ("Les {G}, race de {ins}.", 4, ALL_TAGS),
        ("Race de {ins}, ces {G}.", 4, ALL_TAGS),
        ("Les {G}, c'est vraiment une sale race.", 3, ALL_TAGS),
    ],
    "neutral_group_mention": [
        ("Un reportage sur les {G} de {ville} sera diffusé ce soir.", 6, ALL_TAGS),
        ("Le sondage porte sur les conditions de logement des {G} en France.", 5, ALL_TAGS),
        ("Une conférence sur l'histoire des {G} en Europe aura lieu jeudi.", 5, ALL_TAGS),
        ("Plusieurs associations de {G} ont été reçues à la mairie de {ville}.", 5, ALL_TAGS),
        ("Selon l'étude, les {G} sont plus souvent discriminé[s|es] à l'embauche.", 4, ALL_TAGS),
    ],
    "positive_group_mention": [
        (
            "Les {G} de mon quartier sont adorables, toujours prêt[s|es] à rendre service.",
            6,
            ALL_TAGS,
        ),
        ("J'ai énormément appris au contact des {G} de ma promo.", 5, ALL_TAGS),
        ("Merci aux {G} qui font vivre les associations de {ville}.", 5, ALL_TAGS),
        ("Honnêtement, les {G} que je connais sont des gens en or.", 5, ALL_TAGS),
        ("Bravo aux {G} du club, la saison a été magnifique.", 4, ALL_TAGS),
    ],
    "counter_speech": [
        ("Arrêtez de généraliser sur les {G}, c'est insupportable.", 6, ALL_TAGS),
        ("Les {G} méritent le même respect que tout le monde.", 5, ALL_TAGS),
        ("Soutien aux {G} qui se font insulter tous les jours ici.", 5, ALL_TAGS),
        ("La haine contre les {G} n'est pas une opinion, c'est un délit.", 5, ALL_TAGS),
        ("Les commentaires sur les {G} sous cet article me font honte, sérieux.", 4, ALL_TAGS),
    ],
    "quoted_hate_condemned": [
        ("Quelqu'un a écrit « dehors les {G} » sur le mur de l'école, c'est honteux.", 5, OR),
        (
            "Le commentaire « les {G} sont des {ins} » a été signalé, j'espère qu'il sautera.",
            5,
            ALL_TAGS,
        ),
        ("Répéter que les {G} sont des « {ins} », c'est de la haine pure et simple.", 4, ALL_TAGS),
        (
            "Mon collègue a dit « les {G}, c'est des {ins} », je lui ai expliqué que c'était "
            "inacceptable.",
            5,
            ALL_TAGS,
        ),
        ("Le tag « mort aux {G} » a été effacé par la mairie, qui a porté plainte.", 4, ALL_TAGS),
    ],
    "negated_hate": [
        ("Les {G} ne sont pas des {ins}.", 6, ALL_TAGS),
        ("Non, les {G} ne sont pas [tous|toutes] des {ins}, arrêtez.", 5, ALL_TAGS),
        ("Les {G} ne sont pas {adj} par nature, c'est un cliché.", 5, ALL_TAGS),
        ("Il est faux de dire que les {G} sont des {ins}, les chiffres le montrent.", 4, ALL_TAGS),
        ("Les {G} ne nous envahissent pas, il faut arrêter avec ce fantasme.", 4, OR),
    ],
    "policy_criticism": [
        ("La {reforme} du gouvernement est {crit}.", 7, ""),
        ("Le gouvernement {gouv} {gouv_action}.", 7, ""),
        ("Je suis pour une immigration {contr}, avec des règles claires.", 5, ""),
        ("À mon avis, {inst} {inst_crit}.", 6, ""),
    ],
    "group_self_reference": [
        ("En tant que {self}, je {self_v}.", 7, ALL_TAGS),
        ("Je suis {self}, et je {self_v}.", 6, ALL_TAGS),
        ("Nous, les {G}, on {self_pl}.", 6, ALL_TAGS),
        ("Moi qui suis {self}, je peux vous dire que le quartier est très calme.", 4, ALL_TAGS),
    ],
    "non_group_vermin": [
        ("Une invasion de {bete} dans {lieu_maison}, au secours.", 7, ""),
        ("Il faut exterminer les {bete} de {lieu_maison} avant l'été.", 6, ""),
        ("Les {bete}, c'est une vraie vermine cette année.", 5, ""),
        (
            "Ces {bete}, de vrais parasites, ces bestioles ont tout dévasté dans {lieu_maison}.",
            4,
            "",
        ),
    ],
    "identity_in_everyday_use": [
        ("Mon voisin {adjm} {act}.", 7, ALL_TAGS),
        ("Ma collègue {adjf} {act}.", 6, ALL_TAGS),
        ("Le {metier} {adjm} de mon quartier est le meilleur du coin.", 5, ALL_TAGS),
        ("Mon amie {adjf} m'a invitée au mariage de sa sœur.", 5, ALL_TAGS),
    ],
}

THREAT_TEMPLATES: dict[str, list[Template]] = {
    "schoolyard_threat": [],
    "schoolyard_benign": [],
    "direct_threat_future": [
        ("Je vais te {tv} {quand}.", 6, ""),
        ("Je te jure que je vais te {tv}, {appel}.", 5, ""),
        ("Attends un peu, je vais te {tv} {quand}.", 5, ""),
    ],
    "conditional_threat": [
        ("Si tu {cond}, je te {tv_pres}.", 6, ""),
        ("Tu {cond} et t'es [mort|morte].", 5, ""),
        ("Si jamais {T} revient ici, [il|elle] est [mort|morte].", 5, ""),
    ],
    "subjunctive_wish": [
        ("Qu'[il|elle] {subj}, {T}.", 6, ""),
        ("{T}, {subj_on}.", 6, ""),
        ("Que {T} {subj}, ça ferait du bien.", 4, ""),
    ],
    "merite_que": [
        ("{T} mérite {merite}.", 6, ""),
        ("{T} mériterait {merite}, et vite.", 5, ""),
        ("Franchement, {T}, [il|elle] mérite {merite}.", 5, ""),
    ],
    "il_faut": [
        ("Il faut {inf} {T}.", 6, ""),
        ("Faudrait [le|la] {inf}, {T}.", 5, ""),
        ("Il faudrait {inf} tous ces {Tp}.", 5, ""),
    ],
    "imperative_plural": [
        ("{impn}-les {adv} !", 6, ""),
        ("{imp2}-le {adv2} !", 5, ""),
        ("Allez chez {T} et {imp3}-[le|la].", 5, ""),
    ],
    "on_va": [
        ("On va te {tv} {quand}.", 6, ""),
        ("{T}, on va lui faire la peau {quand3}.", 5, ""),
        ("On va vous {tv_pl} [tous|toutes], {appel}.", 5, ""),
    ],
    "knows_address": [
        ("Je sais où tu {lieu_v}, {menace}.", 7, ""),
        ("On connaît ton adresse et {autre}, {menace}.", 5, ""),
        ("J'ai ton adresse, {appel}. {menace}.", 4, ""),
    ],
    "idioms_euphemisms": [
        ("{T}, [il|elle] va finir {idiom3}.", 6, ""),
        ("Tu vas {idiom2}, {appel}.", 5, ""),
        ("Tu ne verras pas {fete}, {appel}.", 5, ""),
    ],
    "threat_named_person": [
        ("{role} {nom}, {nthreat}.", 9, ""),
        ("Si je croise {role_l} {nom}, {nthreat2}.", 6, ""),
    ],
    "threat_group": [
        ("Ce soir, on va {gv} les {GT}.", 6, ""),
        ("Il faut tuer tous les {GT}, un par un.", 5, ""),
        ("Prenez vos armes et {gimp} les {GT} !", 5, ""),
    ],
    "death_wish": [
        ("J'espère que tu vas {dw} {how}.", 6, ""),
        ("Vivement que {T} crève {how}.", 5, ""),
        ("Crève {how}, {appel}.", 5, ""),
    ],
    "obfuscated_threat": [
        ("Je vais te {obf_tv} {quand}.", 6, ""),
        ("On va les {obf_tv_pl}, {appel}.", 5, ""),
        ("T'es {obf_mort} {quand}.", 5, ""),
    ],
    "sms_register": [
        ("jvais te {tv} {quand_sms}", 6, ""),
        ("jte {tv_pres} si tu {cond}", 5, ""),
        ("on va te {tv} {quand_sms}", 5, ""),
    ],
    "figurative": [
        ("{fig}, c'est évident.", 6, ""),
        ("{fig}, vous verrez.", 6, ""),
        ("On va {ecraser} {equipe} {quand_sport} !", 7, ""),
        ("{tue_par} m'a tué, je ne m'en remets pas.", 6, ""),
        ("Je suis [mort|morte] de {mort_de}, sérieux.", 6, ""),
    ],
    "benign_future_addressed": [
        ("Je vais te {benign} {quand_b}.", 9, ""),
        ("On va te {rv} {lieu_rv} {quand_b}.", 8, ""),
        ("Je sais où tu habites, je te dépose le colis {quand_b}.", 5, ""),
        ("Si tu reviens {quand_b}, je te fais goûter ma tarte.", 5, ""),
    ],
    "reported_threat": [
        ("{suj_rep} a été {peine} pour avoir menacé de mort {vict}.", 9, ""),
        ("{vict} a reçu des menaces de mort et a porté plainte.", 7, ""),
        ("L'enquête sur les menaces visant {vict} a été confiée à la gendarmerie.", 6, ""),
    ],
    "quoted_threat_condemned": [
        ("Écrire « {quoted} » à quelqu'un, c'est une menace, pas de l'humour.", 7, ""),
        ("Le message « {quoted} » a été signalé à la modération, et tant mieux.", 7, ""),
        ("Mon fils a reçu « {quoted} » sur son téléphone, on a porté plainte.", 6, ""),
        ("Quelqu'un a écrit « {quoted} » sous la vidéo, c'est lamentable.", 5, ""),
    ],
    "violent_news": [
        ("{evt} à {ville} : {bilan}.", 10, ""),
        ("{suj_rep} a été tué par balle à {ville}, l'enquête est ouverte.", 6, ""),
        ("Le procès de l'attaque au couteau de {ville} s'ouvre lundi.", 6, ""),
    ],
    "games_fiction": [
        ("J'ai {tue_jeu} {ennemi} {jeu} !", 9, ""),
        ("On s'est fait massacrer {jeu}, revanche demain.", 6, ""),
        ("Dans le roman, le tueur laisse une carte sur chaque victime à {ville}.", 5, ""),
        ("Mon perso a égorgé {ennemi} {jeu}, trop stylé.", 5, ""),
    ],
    "idiom_benign": [
        ("On tue le temps à {ville} en attendant le train.", 6, ""),
        ("Il faut tuer le suspense : {chute}.", 7, ""),
        ("Je passe à la banque régler mon compte {quand_b}.", 5, ""),
        ("J'ai une faim de loup, je vais massacrer {plat}.", 3, ""),
        ("Il a fait un carton au concours de tir de {ville}.", 5, ""),
    ],
    "self_deprecation": [
        ("Je suis {nul} en {domaine}, {c_grave}.", 10, ""),
        ("J'ai encore tout raté en {domaine}, je suis irrécupérable.", 7, ""),
    ],
    "policy_hard_opinion": [
        ("Il faut {supprimer} {chose}.", 10, ""),
        ("Il faudrait {supprimer} {chose}, c'est urgent.", 7, ""),
        ("Le gouvernement doit {supprimer} {chose} une bonne fois pour toutes.", 6, ""),
    ],
}

# --------------------------------------------------------------------------------------------
# Text helpers: filling, gender agreement, elision, obfuscation, registers.
# --------------------------------------------------------------------------------------------

SLOT = re.compile(r"\{(\w+)\}")
ALT = re.compile(r"\[([^\[\]|]*)\|([^\[\]|]*)\]")
ELISION = re.compile(
    r"\b(que|Que|de|De|je|Je|te|me|se|ne|le|la)"
    r" (?=[aeiouyàâéèêëîïôûAEIOUÉÈÀ]|h(?:yp|om|onn|ist|abit|eur|uit))"
)
GROUP_SLOTS = {"G", "sg", "sgn", "adjm", "adjf", "self", "obf_G"}
LEET = {"a": "4@", "e": "3€", "i": "1!", "o": "0", "s": "5$", "u": "ù"}
VOWELS = "aeiouéèêàâîïôû"


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    )


def obfuscate(word: str, rng: random.Random) -> str:
    style = rng.choice(["leet", "leet", "dots", "spaced", "hyphen", "star"])
    letters = list(word)
    if style == "dots":
        return ".".join(letters)
    if style == "spaced":
        return " ".join(c.upper() for c in letters)
    if style == "hyphen":
        return "-".join(letters)
    if style == "star":
        inner = [i for i, c in enumerate(letters) if c.lower() in VOWELS and 0 < i < len(word) - 1]
        if inner:
            letters[rng.choice(inner)] = "*"
            return "".join(letters)
    out = [
        rng.choice(LEET[c.lower()]) if c.lower() in LEET and rng.random() < 0.6 else c
        for c in letters
    ]
    if out == letters:
        out = [LEET[c.lower()][0] if c.lower() in LEET else c for c in letters]
    return "".join(out)


SMS_RULES: list[tuple[str, str]] = [
    (r"\bc'est\b", "c"),
    (r"\bje suis\b", "jsuis"),
    (r"\bje vais\b", "jvais"),
    (r"\bje te\b", "jte"),
    (r"\bje t'", "jt'"),
    (r"\bje sais\b", "jsais"),
    (r"\bt'es\b", "t"),
    (r"\btu es\b", "t"),
    (r"\bqu'", "k"),
    (r"\bque\b", "ke"),
    (r"\bqui\b", "ki"),
    (r"\bquoi\b", "koi"),
    (r"\bpourquoi\b", "pk"),
    (r"\bbeaucoup\b", "bcp"),
    (r"\btoujours\b", "tjrs"),
    (r"\bvraiment\b", "vrmt"),
    (r"\bquand\b", "qd"),
    (r"\bdans\b", "ds"),
    (r"\bavec\b", "avc"),
    (r"\btout\b", "tt"),
    (r"\bmeme\b", "mm"),
    (r"\bdemain\b", "dmn"),
    (r"\bil y a\b", "ya"),
    (r"\bne ", ""),
    (r"\bn'", ""),
    (r"\bpour\b", "pr"),
    (r"\bparce que\b", "pcq"),
    (r"\bsoir\b", "soir"),
]
FAUTES_RULES: list[tuple[str, str]] = [
    (r"\bsont\b", "son"),
    (r"\bc'est\b", "cest"),
    (r"\bces\b", "ses"),
    (r"\bça\b", "sa"),
    (r"\btous\b", "tout"),
    (r"\bquand\b", "quant"),
    (r"\bparce que\b", "parce-que"),
    (r"\bil y a\b", "il ya"),
    (r"\bfaut\b", "faux"),
    (r"\btu es\b", "tu est"),
    (r"\bleur ", "leurs "),
    (r"\bt'es\b", "tes"),
    (r"\bmérite\b", "mérites"),
    (r"\bva\b", "vas"),
    (r"\bmais\b", "mé"),
    (r"\bpeut\b", "peu"),
    (r"\bdéjà\b", "deja"),
]
REGISTERS = ["std", "noacc", "lower", "sms", "fautes", "upper"]
REGISTER_WEIGHTS = [40, 12, 16, 12, 12, 8]


def apply_register(text: str, reg: str, rng: random.Random) -> str:
    if reg == "noacc":
        return strip_accents(text)
    if reg == "lower":
        return strip_accents(text).lower().rstrip(" .!")
    if reg == "upper":
        shout = text.upper()
        if shout.endswith("."):
            shout = shout[:-1] + rng.choice(["", " !!", "!!!"])
        return shout
    if reg == "sms":
        out = strip_accents(text).lower()
        for pattern, repl in SMS_RULES:
            if rng.random() < 0.8:
                out = re.sub(pattern, repl, out)
        out = out.replace(" ,", ",").rstrip(" .!")
        if rng.random() < 0.5:
            out = out.replace(",", "")
        return re.sub(r"\s+", " ", out).strip()
    if reg == "fautes":
        out = text
        for pattern, repl in FAUTES_RULES:
            if rng.random() < 0.6:
                out = re.sub(pattern, repl, out)
        if out == text:
            out = strip_accents(text)
        return out
    return text


def capitalise(text: str) -> str:
    for i, c in enumerate(text):
        if c.isalpha():
            return text[:i] + c.upper() + text[i + 1 :]
        if c not in '«" ':
            break
    return text


def self_noun(group: Group, fem: bool) -> str:
    form = group.adjf if fem else group.adjm
    if not form:
        return group.sg.split(" ", 1)[1]
    if "origine" in group.tags and "religion" not in group.tags:
        return form[0].upper() + form[1:]
    return form


def fill(template: str, tags: str, rng: random.Random) -> str:
    slots = SLOT.findall(template)
    values: dict[str, str] = {}
    fem = rng.random() < 0.3
    if GROUP_SLOTS & set(slots):
        wanted = frozenset((tags or ALL_TAGS).split())
        candidates = [
            g
            for g in GROUPS
            if g.tags & wanted
            and ("adjm" not in slots or g.adjm)
            and ("adjf" not in slots or g.adjf)
        ]
        group = rng.choice(candidates)
        fem = group.fem
        if "self" in slots:
            if not group.fem and group.adjf and rng.random() < 0.5:
                fem = True
            values["self"] = self_noun(group, fem)
        values.update(
            G=group.pl,
            sg=group.sg,
            sgn=group.sg.split(" ", 1)[1],
            adjm=group.adjm,
            adjf=group.adjf,
            obf_G=obfuscate(group.pl, rng),
        )
    for name in ("T", "role"):
        if name in slots or f"{name}_l" in slots:
            value = rng.choice(POOLS[name])
            fem = value.endswith("#f")
            values[name] = value.removesuffix("#f")
            if name == "role":
                values["role_l"] = values[name][0].lower() + values[name][1:]
    for name in slots:
        if name in values:
            continue
        if name.startswith("obf_"):
            values[name] = obfuscate(strip_alt(rng.choice(POOLS[name[4:]]), fem), rng)
        else:
            values[name] = rng.choice(POOLS[name]).removesuffix("#f")
    text = SLOT.sub(lambda m: values[m.group(1)], template)
    text = strip_alt(text, fem)
    text = ELISION.sub(lambda m: m.group(1)[:-1] + "'", text)
    return capitalise(re.sub(r"\s+", " ", text).strip())


def strip_alt(text: str, fem: bool) -> str:
    return ALT.sub(lambda m: m.group(2 if fem else 1), text)


def norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", strip_accents(text).lower()).strip()


# --------------------------------------------------------------------------------------------
# Building a suite.
# --------------------------------------------------------------------------------------------

FORCED_REGISTER = {"sms_register": "sms", "obfuscated": "std", "obfuscated_threat": "std"}


@dataclass
class Unit:
    key: str
    source: str
    texts: list[str]


def hand_units(prefix: str, family: str, block: str, seen: set[str]) -> list[Unit]:
    units: list[Unit] = []
    lines = [line.strip() for line in block.strip().splitlines() if line.strip()]
    for i, line in enumerate(lines, 1):
        texts = []
        for variant in line.split(" || "):
            key = norm(variant)
            if key in seen:
                print(f"doublon écrit à la main ignoré : {variant}", file=sys.stderr)
                continue
            seen.add(key)
            texts.append(variant)
        if texts:
            units.append(Unit(f"{prefix}-{family}-main-{i:02d}", "main", texts))
    return units


def template_units(
    prefix: str, family: str, templates: list[Template], seen: set[str], rng: random.Random
) -> list[Unit]:
    units: list[Unit] = []
    for j, (template, rows, tags) in enumerate(templates, 1):
        texts: list[str] = []
        attempts = 0
        while len(texts) < rows and attempts < 60 * rows:
            attempts += 1
            text = fill(template, tags, rng)
            reg = FORCED_REGISTER.get(family) or rng.choices(REGISTERS, REGISTER_WEIGHTS)[0]
            text = apply_register(text, reg, rng)
            key = norm(text)
            if key in seen:
                continue
            seen.add(key)
            texts.append(text)
        if texts:
            units.append(Unit(f"{prefix}-{family}-modele-{j:02d}", "modele", texts))
    return units


def unit_hash(key: str) -> int:
    return int(hashlib.sha256(f"{SEED}:{key}".encode()).hexdigest()[:16], 16)


def assign_splits(units: list[Unit]) -> dict[str, str]:
    """Unit order by SHA-256; each unit joins the split with fewer rows so far."""
    rows = {"train": 0, "test": 0}
    split_of: dict[str, str] = {}
    for unit in sorted(units, key=lambda u: unit_hash(u.key)):
        if rows["train"] == rows["test"]:
            split = "test" if unit_hash(unit.key) % 2 else "train"
        else:
            split = "test" if rows["test"] < rows["train"] else "train"
        split_of[unit.key] = split
        rows[split] += len(unit.texts)
    return split_of


def build_suite(
    prefix: str,
    families: list[tuple[str, str, str]],
    main: dict[str, str],
    templates: dict[str, list[Template]],
    rng: random.Random,
) -> list[dict[str, str]]:
    seen: set[str] = set()
    records: list[dict[str, str]] = []
    for family, expected, category in families:
        units = hand_units(prefix, family, main[family], seen)
        units += template_units(prefix, family, templates[family], seen, rng)
        split_of = assign_splits(units)
        n = 0
        for unit in units:
            for text in unit.texts:
                n += 1
                records.append(
                    {
                        "id": f"{prefix}-{family}-{n:03d}",
                        "family": family,
                        "text": text,
                        "expected": expected,
                        "category": category,
                        "split": split_of[unit.key],
                        "source": unit.source,
                    }
                )
    return records


def write_jsonl(path: Path, records: list[dict[str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def report(name: str, records: list[dict[str, str]], minimum: int) -> list[str]:
    problems: list[str] = []
    by_family: dict[str, Counter[str]] = {}
    for r in records:
        c = by_family.setdefault(r["family"], Counter())
        c["total"] += 1
        c[r["split"]] += 1
        c[r["source"]] += 1
        c[r["expected"]] += 1
    print(f"\n{name}")
    print(
        f"{'famille':28} {'attendu':8} {'total':>5} {'train':>5} {'test':>5} "
        f"{'main':>5} {'modele':>6}"
    )
    for family, c in by_family.items():
        expected = "signale" if c["signale"] else "accepte"
        print(
            f"{family:28} {expected:8} {c['total']:5} {c['train']:5} {c['test']:5} "
            f"{c['main']:5} {c['modele']:6}"
        )
        if c["test"] < MIN_TEST_PER_FAMILY:
            problems.append(f"{name}: {family} n'a que {c['test']} cas de test")
    total: Counter[str] = Counter()
    for c in by_family.values():
        total.update(c)
    n = len(records)
    print(
        f"{'TOTAL':28} {'':8} {n:5} {total['train']:5} {total['test']:5} "
        f"{total['main']:5} {total['modele']:6}"
    )
    print(
        f"signale {total['signale']} ({100 * total['signale'] / n:.1f} %), "
        f"accepte {total['accepte']} ({100 * total['accepte'] / n:.1f} %), "
        f"main {100 * total['main'] / n:.1f} %, test {100 * total['test'] / n:.1f} %"
    )
    if n < minimum:
        problems.append(f"{name}: {n} cas, il en faut au moins {minimum}")
    if total["main"] < 0.4 * n:
        problems.append(f"{name}: moins de 40 % de cas écrits à la main")
    return problems


def main() -> int:
    rng = random.Random(SEED)
    hate = build_suite("hate", HATE_FAMILIES, HATE_MAIN, HATE_TEMPLATES, rng)
    threats = build_suite("threats", THREAT_FAMILIES, THREAT_MAIN, THREAT_TEMPLATES, rng)
    write_jsonl(OUT_DIR / "hate_fr.jsonl", hate)
    write_jsonl(OUT_DIR / "threats_fr.jsonl", threats)
    problems = report("hate_fr.jsonl", hate, 700) + report("threats_fr.jsonl", threats, 500)
    for problem in problems:
        print(f"ERREUR : {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
