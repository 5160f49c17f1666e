"""Authoring helper (not shipped; run from the repository root): writes
`src/palabre/moderation/lexicons/lexique.tsv` from the hand-made lists below, crediting
LDNOOBW (CC BY 4.0), french-badwords-list (MIT) or the MLMA keywords (MIT) when a form appears
there. No non-commercial source (HurtLex, CyberAgression) is read.

Usage: python3 eval/build_lexicon.py [DATA_DIR]  (default ../shared/data)"""

import sys
import unicodedata
from collections import Counter
from pathlib import Path

D = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data") / "lexicons"
OUT = Path("src/palabre/moderation/lexicons/lexique.tsv")


def _lines(*names: str) -> set[str]:
    return {
        line.strip().lower()
        for name in names
        for line in (D / name).read_text(encoding="utf-8").splitlines()
        if line.strip()
    }


ld = _lines("ldnoobw_fr.txt", "ldnoobw_fr-CA.txt")
fbl = _lines("french_badwords_list_fr.txt")
mlma = _lines("mlma_search_keywords_fr.txt")

INSULTE = """
connard .7|connarde .7|connasse .7|conasse .7|conard .7|enculé .75|enculée .75|enculeur .7|enfoiré .7|enfoirée .7
salope .75|salopard .7|salaud .65|salop .65|pétasse .65|pouffiasse .7|poufiasse .7|grognasse .6|grogniasse .6
fils de pute .85|fille de pute .85|fdp .8|ntm .75|nique ta mère .8|nique ta race .85|la putain de ta mère .85
ta mère la pute .85|trou du cul .7|trouduc .7|sous-merde .75|merdeux .55|merdeuse .55|raclure .7|ordure .35
pourriture .6|fumier .35|crevure .7|enflure .65|bâtard .6|batard .6|tocard .55|toquard .55|ducon .65
duconnot .6|tête de con .7|sac à merde .75|sac à foutre .8|mange-merde .7|chiennasse .7|lopette .55
abruti .6|abrutie .6|crétin .6|crétine .6|imbécile .6|débile .4|décérébré .6|décérébrée .6|bouffon .6
bouffonne .6|boloss .55|bolos .55|neuneu .5|demeuré .55|demeurée .55|attardé .5|gogol .55|taré .4|tarée .4
dégénéré .5|dégénérée .5|guignol .4|pignouf .5|plouc .45|péquenaud .45|pequenaud .45|bouseux .45
beauf .4|blaireau .3|nigaud .4|benêt .4|cruche .3|andouille .3|idiot .35|idiote .35|conne .5|couillon .5
branleur .6|branleuse .6|glandeur .45|glandu .5|feignasse .5|minable .35|minus .45|nullard .5|naze .45
nase .4|loser .45|looser .45|pauvre type .5|pauvre con .75|pauvre conne .75|gros porc .7|chienne .4
vermine .5|charogne .4|larbin .5|lèche-bottes .5|lèche-cul .6|fayot .3|collabo .5|facho .5|fachos .5
gauchiasse .6|droitard .5|sous-homme .8|pervers .25|psychopathe .3|malade mental .5|charlot .3|troll .2
kikoo .3|kikou .3|cassos .6|cas social .5|sac à vin .5|poivrot .5|pochtron .5|clodo .5|grosse vache .75
gros lard .7|mocheté .5|laideron .45|garce .55|catin .55|pimbêche .45|mégère .45|harpie .45|cagole .5
michto .5|radasse .6|roulure .6|vaurien .45|racaille .55|jean-foutre .55|peigne-cul .6|pisse-froid .45
tête de nœud .6|tête à claques .55|face de rat .6|gros naze .6|sale con .8|vieux con .75|vieille conne .75
vieille peau .6|vieille bique .6|vieux schnock .55|schnock .45|schnoque .45|ahuri .45|empoté .45
empaffé .65|empafé .65|emmanché .6|cul-terreux .5|baltringue .55|clampin .4|chieur .55|chieuse .55
emmerdeur .5|emmerdeuse .5|casse-couilles .55|casse-burnes .55|pisseuse .5|morveux .45|petit con .75
pleutre .4|mauviette .45|femmelette .5|crapule .5|canaille .3|scélérat .4|ignare .45|inculte .3
analphabète .35|sous-doué .5|bas du front .55|simplet .45|zozo .4|zouave .4|tanche .3|bourrique .45
bécasse .35|cloporte .35|larve .35|sangsue .3|goret .35|pourceau .45|porcasse .55|mongolien .6|triso .5
trisomique .45|fiente .5|sombre crétin .75|tête de mule .35|tête de linotte .35|crâne d'œuf .4
cerveau de moineau .5|espèce d'idiot .7|ta gueule .65|ferme ta gueule .7|ferme-la .45|va te faire foutre .8
va te faire enculer .85|va chier .7|pédant .3|guignols .4|bouffons .6|connards .7|trouillard .4
couard .35|lâcheur .3|morue .25|truie .3|porc .25|chacal .3|hyène .2|vipère .25|rat .15|cafard .15
cuck .5|teupu .6|tepu .6|nazillon .5|teubé .55|tebé .5|gogole .55|mongole .35|débile mental .6|gros con .75
grosse pute .8|fils de chien .7|pov con .7|pauv con .7|pouilleux .5|tg .5|ftg .6|déchet .2|moins que rien .55
sale type .55|sale gosse .4|pute .55|putes .55|tête de pioche .35|rebut .25|parasites .2|raclure de bidet .75
limace humaine .6|sous-merde .75|crevard .55|enculeur de chèvres .85|bâtard de merde .85|connard fini .8
suceur .5|suceuse .55|suceur de bites .8|suceur de queue .8|suceuse de bites .8|face de pet .55|gauchiottes .5
gauchiotte .5|pédéraste .6|tête de gland .6|sale gauchiste .6|grosse merde .7|petite merde .7|tas de merde .7
espèce de merde .8|t'es une merde .75|pauvre merde .75
vieille chienne .8|sale chienne .85|fils de chienne .8|espèce d'ordure .8|sale ordure .8|sombre idiot .7
allez vous faire foutre .75|allez vous faire enculer .85|va te faire voir .4|allez vous faire voir .4
espèce d'abruti .8|espèce de crétin .8|espèce d'imbécile .8|bande d'abrutis .8|bande de crétins .8
""".strip()
SUSPECT_INSULTE = """
con .3|cons .3|mongol .3|gourde .15|raté .2|nul .1|nulle .1|stupide .2|niais .3|handicapé .25|obèse .25|pantin .25|clown .2
autiste .3|fasciste .3|nazi .35|gauchiste .25|bobo .2|cochon .15|chien .1|âne .2|dinde .2|buse .15|islamo-gauchiste .3
quiche .15|boulet .15|menteur .25|escroc .3|traître .3|voyou .3|bougre .25|gueux .3|boudin .15
baleine .1|limace .2|microbe .2|parasite .2|fainéant .3|pourri .3|canard boiteux .2
""".strip()
GROSSIER = """
putain .6|merde .55|connerie .55|conneries .55|couillonnade .45|couillonnades .45|merdique .5|merdier .5|chier .55|faire chier .6|chiant .4|chiante .4|emmerder .45
emmerdant .4|emmerdante .4|foutre .5|couille .5|couilles .5|burnes .5|bite .6|bitte .6|teub .55
teuch .55|branler .55|branlette .6|branlage .55|niquer .65|nique .6|enculer .7|suce .35|pisser .4
pisse .35|gerber .35|dégueulasse .35|étron .45|chiottes .4|chiasse .5|cramouille .6|clito .5
sodomiser .5|partouze .5|bordel de merde .7|putain de merde .7|tabarnak .5|osti .4|criss .4|crisse .35
viarge .4|foutu .25|zob .55|zgueg .55|zguègue .55|foufoune .5|schneck .55|chibre .55|braquemart .55
brackmard .55|tringler .55|troncher .55|turlute .45|palucher .5|bigornette .4|bloblos .4|fion .5
nibards .5|nichons .5|pine .3|déconner .3|déconne .3|conchier .5|merdaille .5|merdouille .45
pousse-crotte .5|queutard .55|salopes .75|putes .65|pute .65|enculés .75|va te faire foutre .55
chatte de ta mère .75|zebi .45|dans le cul .45|te baiser .55|vous baiser .5|sucer la bite .7|suce ma bite .75
ta race .4|fils de pute .6|enculé .6|nique ta mère .6
""".strip()
SUSPECT_GROSSIER = """
cul .3|bordel .3|chatte .3|baiser .15|bander .25|sucer .25|zizi .25|caca .2|pipi .15|péter .2
trique .25|câlice .2|calice .15|dégueu .3|gerbe .15|chieur .4
""".strip()
HAINE = """
bougnoule .9|bougnoul .9|bougnoulisation .9|bougnouliser .9|bougnoulie .9|bicot .85|crouille .85
crouillat .85|ratonnade .7|youpin .9|youpine .9|youpinisation .9|youtre .9|youd .85|juiverie .9
enjuivé .9|nègre .7|négresse .75|négro .8|negro .8|bamboula .75|chinetoque .85|chinetoc .85
chintok .85|niakoué .85|niakoue .85|niak .6|bounioul .85|gnoul .8|boukak .8|macaque .45|rital .5
espingouin .55|espingoin .55|polack .5|polak .5|boche .5|boches .5|schleu .5|schleuh .5|chleuh .5
amerloque .4|ukro .55|ukros .55|ukronazi .8|ukronazis .8|moskal .5|kacap .5|romanichel .6|romano .6
pédé .8|pd .7|tarlouze .85|tantouze .85|tantouserie .8|fiotte .8|gouine .8|travelo .7|tafiole .8
grande folle .6|musulmerde .95|sous-race .85|race inférieure .85|mongoloïde .5|cafre .6|noich .6
blackos .45|bridé .35|sale arabe .9|sale juif .9|sale noir .9|sale nègre .95|sale race .85
sale rebeu .85|sale renoi .85|sale africain .85|sale feuj .85|sale pd .9|sale pédé .9|sale gouine .9
""".strip()
SUSPECT_HAINE = """
ricain .3|ricains .3|rosbif .2|fritz .25|raton .2|pédale .3|tapette .3|feuj .2|beurette .3|toubab .25
babtou .25|zoulou .25|goudou .35|manouche .25|islamisation .4|anti blanc .35|remigration .55
grand remplacement .5|invasion migratoire .45|invasion migrant .45|invasion migrants .45
invasion musulmane .5|invasion islam .5|invasion réfugié .45|invasion des réfugiés .45
""".strip()


def fold(s):
    s = unicodedata.normalize("NFKD", s.casefold())
    return "".join(c for c in s if not unicodedata.combining(c))


rows = {}


def add(block, cat):
    for item in block.replace("\n", "|").split("|"):
        item = item.strip()
        if not item:
            continue
        form, score = item.rsplit(" ", 1)
        low = form.lower()
        src = (
            "ldnoobw"
            if low in ld
            else "fbl"
            if low in fbl
            else "mlma"
            if low in mlma
            else "palabre"
        )
        rows[(low, cat)] = (low, cat, float(score), src)


add(INSULTE, "insulte")
add(SUSPECT_INSULTE, "insulte")
add(GROSSIER, "grossierete")
add(SUSPECT_GROSSIER, "grossierete")
add(HAINE, "haine")
add(SUSPECT_HAINE, "haine")
# A slur is also an insult: strong single-word slurs are listed under insulte too.
for item in HAINE.replace("\n", "|").split("|"):
    form, score = item.strip().rsplit(" ", 1)
    if " " not in form and float(score) >= 0.7 and (form.lower(), "insulte") not in rows:
        add(f"{form} {float(score) - 0.1:.2f}", "insulte")
add("sous-homme .85|sous-hommes .85|race maléfique .7|enculeurs de chèvres .85", "haine")
out = [
    "# Lexique de palabre : forme<TAB>catégorie<TAB>score<TAB>source",
    "# score = confiance quand le mot apparaît seul, sans cible ni contexte (voir docs/engine.md).",
    "# Sources : palabre (listes écrites à la main pour palabre), ldnoobw (LDNOOBW, CC BY 4.0),",
    "# fbl (french-badwords-list, MIT), mlma (mots-clés MLMA, MIT). Voir SOURCES.md.",
]
for low, cat, score, src in sorted(rows.values(), key=lambda r: (r[1], r[0])):
    out.append(f"{low}\t{cat}\t{score:.2f}\t{src}")
OUT.write_text("\n".join(out) + "\n", encoding="utf-8")
print(len(rows), Counter(r[1] for r in rows.values()), Counter(r[3] for r in rows.values()))
