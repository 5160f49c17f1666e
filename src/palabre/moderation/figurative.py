"""Figurative uses of violent words, shared by the threat and violence detectors and by the
learned model's gates: objects that make a violent verb harmless (pests, food, games, sport,
exams, abstractions) and idioms whose violent word means nothing violent (« tuer le temps »,
« brûler les étapes », « casser les oreilles », « éclater de rire »). Text is the folded,
punctuation-free form both readers use (« eclater de rire »)."""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Final

from palabre.moderation import regex_cache
from palabre.moderation.groups import GROUP_WORDS


@lru_cache(maxsize=64)
def fold_flat(text: str) -> str:
    """`text` lower-cased, without accents, apostrophes and hyphens as spaces: one character
    for one character, so offsets are the original ones."""
    out = []
    for char in text:
        if char in "'’‘ʼ`-":
            out.append(" ")
            continue
        base = unicodedata.normalize("NFKD", char.lower())[:1] or " "
        out.append(base if len(base) == 1 else " ")
    return "".join(out)


#: Objects after a violent verb that make it harmless.
BENIGN_WORDS: Final = (
    r"(?:cafards?|moustiques?|termites?|guepes?|pucerons?|rats?|souris|punaises?|"
    r"fourmis|limaces?|mauvaises herbes|suspense|temps|gaspillage|oeuf|burger|pizza|gateau|plat|"
    r"assiette|match|club|equipe|adversaires?|adverse|concurrence|concurrents?|commerce|commerces|"
    r"centre ville|village|projet|boss|niveau|zombies?|monstres?|dragons?|personnages?|bugs?|"
    r"microbes|bacteries|records?|chrono|examen|exam|partiel|bac|concours|morceau|chanson|"
    r"karaoke|scrabble|echecs|partie|manette|jeu|moteur|batterie|film|serie|roman|etapes|"
    r"prix|tarifs|score|compteur|ranked|tournoi|finale|classement|gardes|pnj|mobs|bots|"
    r"mario kart|mario|smash|fifa|fortnite|belote|tarot|poker|babyfoot|baby foot|bowling|ping pong|"
    r"tennis|badminton|foot|basket|uno|monopoly|quiz|console|switch|xbox|ps4|ps5|petanque|"
    r"flechettes|billard|squash|padel|echec|dames|rire|blagues?|"
    # games by name; institutions, laws and buildings (« abattre ce système », « tuer l'emploi »)
    r"call of duty|counter strike|valorant|minecraft|gta|zelda|overwatch|pubg|league of legends|"
    r"systemes?|regimes? (?:fiscal|de retraite|special)|lois?|reformes?|niches? fiscales?|emploi|emplois|"
    r"industrie|economie|croissance|pouvoir d achat|stades?|batiments?|immeubles? vetustes?|cloisons?|"
    r"tabous?|prejuges?|monopoles?|privileges?|bureaucratie|paperasse|dette|deficit|chomage|"
    r"inflation|budget|taxes?|impots?|subventions?|autoroute|aeroport)"
)
BENIGN_OBJECT: Final = regex_cache.compile(rf"^(?: \w+){{0,3}}? {BENIGN_WORDS}\b")

#: Idioms whose violent word is harmless; removed before looking for a violent cue.
BENIGN_IDIOMS: Final = regex_cache.compile(
    r"\b(?:tuer le temps|tuer le suspense|tuer dans l oeuf|mort de rire|morte de rire|"
    r"morts de rire|mourir de rire|meurs de faim|mort de faim|mort de fatigue|mort de peur|"
    r"mort de honte|mort de froid|la mort dans l ame|peine de mort|balle de (?:tennis|match|golf|"
    r"ping pong)|coups? de (?:fil|main|coeur|pouce|soleil|froid|chance|gueule|foudre|theatre|"
    r"bol|pied de pouce|projecteur|genie|maitre|pub|boost|sifflet|pinceau|crayon|klaxon|telephone)"
    r"|coups? d (?:oeil|etat|envoi|essai)|coups? francs?|casser les pieds|casser les oreilles|"
    r"casser la croute|casser les prix|casser la baraque|se casser la tete|peter le feu|"
    # « casse-toi », « tu me casses les pieds »: go away, you annoy me
    r"casses? toi|cassez vous|casse vous|(?:je|on|tu|il|elle|nous|vous|ils) (?:me|te|se|nous|vous) cass\w*"
    r"|cass\w* (?:pas )?(?:les|la) (?:couilles|pieds|burnes|oreilles|tete|noix|bonbons)|"
    r"explos\w* de (?:colere|joie|rire)|"
    # « je suis crevé » (tired), « je m'ennuie à en crever »
    r"(?:je suis|suis|chui|jsuis|j suis|on est|nous sommes) (?:\w+ )?crev(?:e|ee|es|ees)\b|a en crev(?:er|e)|"
    # « du coup », « tout à coup », « sur le coup »: no blow
    r"du coup|tout a coup|tout d un coup|apres coup|sur le coup|coup sur coup|a coup sur|"
    r"tenir le coup|vaut le coup|valait le coup|a tous les coups|"
    # a relative's death told (« mon père est mort »)
    r"(?:mon|ma|mes|son|sa|ses|notre|nos|leur|leurs) (?:\w+ )?(?:pere|mere|frere|soeur|grand pere|grand mere|"
    r"oncle|tante|cousin|cousine|fils|fille|ami|amie|pote|chien|chat|mari|femme|papa|maman|papi|mamie)s? "
    r"(?:est|sont|etait|etaient)(?: pas| deja)? (?:mort|morte|morts|mortes|decede|decedee)|"
    r"(?:il|elle) est (?:mort|morte|decede|decedee) (?:mon|ma|notre|son|sa)|"
    r"bruler les etapes|bruler un feu(?: rouge)?|frapp\w* a (?:la|ta|votre|sa|leur|ma|notre) porte|"
    r"eclat(?:er|e|ent|ait) de rire|explos(?:er|e|ent|ait) de rire|crev(?:er|e|ent|ais|ait) de "
    r"(?:faim|chaud|soif|froid|fatigue|envie|rire)|se tuer a la tache|se tue a la tache|"
    r"a couteaux tires|tirer au sort|pend(?:re|u|ons|ez) la cremaillere|ca me tue|tu me tues|c est mortel|"
    r"se faire la peau de banane|tu(?:er|e|es|ee|ees) de rire|tu(?:er|e|ent) (?:le|la) game|"
    r"m (?:a|as|avez|ont) (?:tue|tuee|acheve|achevee)|"
    # a news report of violence suffered (« a été tué par balle »), not a call to it
    r"(?:a|ont|avait|avaient|aurait|auraient) ete (?:\w+ ){0,2}?(?:tue|tues|tuee|tuees|abattu|abattus|"
    r"abattue|poignarde|poignardee|poignardes|blesse|blesses|blessee|agresse|agressee|agresses|"
    r"tabasse|tabassee|tabasses|battu|battue|battus|roue de coups|passe a tabac|egorge|egorgee|"
    r"decapite|decapitee|brule|brulee|brules|renverse|renversee|percute|percutee|menace|menacee|menaces|"
    r"assassine|assassinee|assassines|frappe|frappee|frappes|viole|violee|violes|lynche|lynchee)"
    r"(?: (?:et|puis) (?:tue|tues|tuee|tuees|abattu|abattue|abattus|poignarde|poignardee|etrangle|etranglee|egorge|"
    r"egorgee|brule|brulee|frappe|frappee))?"
    r"(?: par balles?| a coups? de \w+| au couteau| a l arme \w+| a mort)?|"
    # reported wishes and threats (« des internautes lui ont souhaité la mort », « il a écrit qu'il
    # allait l'égorger »)
    r"(?:a|ont|avait|avaient|aurait|auraient) (?:\w+ )?(?:souhaite|souhaitee) la mort|"
    r"(?:a|ont|avait|avaient|aurait|auraient) (?:ecrit|dit|declare|affirme|annonce|poste|crie) "
    r"(?:qu|que) (?:il|elle|ils|elles|on) (?:allait|allaient|voulait|voulaient|irait|iraient) (?:\w+ ){0,2}\w+|"
    r"(?:criait|criaient|disait|disaient|hurlait|hurlaient|ecrivait|affirmait|annoncait|repetait) "
    r"(?:qu|que) (?:il|elle|ils|elles|on) (?:allait|allaient|voulait|voulaient|irait|iraient) (?:\w+ ){0,2}\w+"
    r")\b"
)


#: Pests, wild animals, weeds and germs: what « exterminer », « vermine », « envahir »,
#: « je les brûle » are said of every day without harming anyone.
PEST_WORDS: Final = (
    r"(?:cafards?|blattes?|moustiques?|termites?|guepes?|frelons?|pucerons?|cochenilles?|"
    r"doryphores?|rats?|souris|mulots?|campagnols?|taupes?|ragondins?|punaises?|fourmis|limaces?|"
    r"escargots?|chenilles?|tiques?|puces?|poux|mouches?|moucherons?|criquets?|sauterelles?|"
    r"coccinelles?|sangliers?|pigeons?|goelands?|corneilles?|loups?|renards?|meduses?|algues?|"
    r"ecrevisses?|moules zebrees|mildiou|renouee|ambroisie|mauvaises herbes|orties?|ronces?|"
    r"especes? invasives?|virus|bacteries?|microbes?|moisissures?|champignons?|acariens?|"
    r"chats errants|chiens errants|bestioles?|insectes?|rongeurs?|parasites? du jardin|mites?|"
    r"vers de terre|vermisseaux)"
)
PESTS: Final = regex_cache.compile(rf"\b{PEST_WORDS}\b")
#: Words that point to people: a named group, the person spoken to, people in general.
PEOPLE: Final = regex_cache.compile(
    rf"\b(?:{GROUP_WORDS}|tu|toi|te|vous|ces gens|gens|personnes?|mecs?|types?|gars|meufs?|"
    r"hommes?|enfants?|gosses?|voisins?|voisines?|maire|depute|deputee|ministre|juge|journalistes?|"
    r"president|presidente|politiques?|flics?|policiers?|profs?|patron|patrons)\b"
)


#: A pest's name as what someone is called (« = rats », « espèce de rat », « sont des cafards »,
#: « comme des rats »): a metaphor about people, not a pest.
_CALLED: Final = regex_cache.compile(
    r"(?:=|\begal|\bsont(?: que)? des|\bsont de la|\bc est des|\bce sont des|\bespece d(?:e)?|\bbande d(?:e)?|"
    r"\bsales?|\bcomme des|\btels? des|\btelles? des|\bque des|\bpareils? a des|\bt es (?:un|une)|"
    r"\btu es (?:un|une)|\bvous etes des)\s*$"
)


#: Species named after a place (« frelons asiatiques », « moustiques tigres »): the adjective is
#: the pest's, not a group of people's.
_SPECIES: Final = regex_cache.compile(
    rf"\b{PEST_WORDS} (?:asiatiques?|americain\w*|tigres?|japonais\w*|du japon|d asie|d amerique)\b"
)


def about_pests(folded: str) -> bool:
    """The text speaks of pests, animals or germs (as the topic, not as what someone is called)
    and of no people (folded text)."""
    if PEOPLE.search(_SPECIES.sub(" ", folded)):
        return False
    return any(
        not _CALLED.search(folded[max(0, m.start() - 24) : m.start()])
        for m in PESTS.finditer(folded)
    )


#: News told in the past by a third person (« l'agresseur a frappé la victime », « le
#: bombardement a tué trente civils »): not a violent cue for the model's « violence » head. Not
#: hidden from the model either: a crime told with a wink at its authors' origin is how implicit
#: hate is often written, and the « haine » head must still read it.
#: Past participles of violent acts (« tué », « poignardées », « abattus »).
_DONE: Final = (
    r"(?:(?:tu|frapp|poignard|bless|agress|assassin|massacr|egorg|fusill|menac|tabass|etrangl|lynch|viol|"
    r"execut|extermin|matraqu|percut|bombard|incendi|decapit|demembr|mutil|brul)(?:e|ee|es|ees)|abattue?s?|"
    r"detruite?s?|battue?s?|mordue?s?|roue(?:e|s|es)? de coups)"
)
NEWS_TOLD: Final = regex_cache.compile(
    r"\b(?:"
    # a threat reported in a relative clause (« l'homme qui avait menacé de faire sauter la mairie »),
    # before the general past below would leave its object behind
    r"(?:\w+ )?qui (?:avait|a|aurait|avaient|ont|auraient) menace de (?:\w+ ){0,3}\w+|"
    r"(?:le|la|l|un|une) (?:forcene|suspect|tireur|agresseur|individu|assaillant|preneur d otages|detenu|prevenu|"
    r"accuse|mis en cause|ravisseur)e? (?:a|avait|aurait) menace de (?:\w+ ){0,3}\w+|"
    # « il a tué », « l'agresseur a frappé la victime », « Hitler a exterminé », « elle a été
    # violée et tuée »; not « on a … » (a boast as much as a report)
    rf"(?!on\b)\w+ (?:\w+ )?(?:l |les |la )?(?:a|ont|avait|avaient|aurait|auraient) (?:\w+ )?{_DONE}"
    rf"(?: (?:et|puis) {_DONE})?"
    r"(?: (?:la|le|les|l|un|une|des|son|sa|ses|leur|leurs) \w+)?"
    r"(?: par balles?| a coups? de \w+(?: de \w+)?| au couteau| a l arme \w+| a mort| de (?:\w+ )?balles?| de mort)?"
    # « après avoir été poignardé », « pour avoir été menacé »
    rf"|(?:apres avoir|sans avoir|pour avoir|avant d avoir) ete (?:\w+ )?{_DONE}(?: a mort)?"
    # casualties: « a fait douze morts », « faisant deux morts », « un mort et trois blessés »
    r"|(?:fait|faisant|a fait|ont fait|avait fait|aurait fait|font) (?:\w+ ){0,4}?(?:morts?|victimes|blesses?)"
    r"|(?:un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|des|plusieurs|\d+) (?:\w+ )?morts? et "
    r"(?:\w+ ){0,3}?blesses?"
    # headlines of a crime: « attaque au couteau à Arras », « rixe mortelle », « meurtre à Lyon »
    r"|(?:attaques?|agressions?|rixes?|fusillades?|meurtres?|attentats?|drames?|braquages?|lynchages?|massacres?|"
    r"tueries?) (?:au couteau|mortelle?s?|a l arme \w+|par balles?|sanglante?s?|a la \w+|a \w+|dans (?:un|une|la|le|l) \w+)"
    # victims counted in a headline (« dix-neuf enfants et deux enseignantes tués »)
    rf"|(?:enfants|personnes|civils|eleves|enseignante?s|policiers|soldats|habitants|passants|fideles|otages|"
    rf"victimes|manifestants) {_DONE}\b"
    # described, not wished: « armé d'un couteau », « une balle perdue », « retrouvée morte »
    r"|armee?s? d (?:un|une) (?:couteau|pistolet|fusil|hache|machette|marteau|cutter|sabre|barre \w+|arme \w+)"
    r"|(?:une|des|par une|par des) balles? perdues?"
    r"|retrouvee?s? (?:morte?s?|sans vie|pendue?s?|noyee?s?)"
    r"|(?:avait|a|aurait|avaient|auraient) menace (?:\w+ ){0,2}de mort"
    r"|(?:enquete pour|tentative d|tentative de|proces (?:de|du|pour)|rappelle|anniversaire (?:de|du)|"
    r"commemoration (?:de|du)|victimes? (?:de|du)|images (?:de|du)|memoire (?:de|du)|hommage (?:a|aux)|"
    r"apres|depuis) (?:l |le |la |les |du |de l |de la |des )?(?:assassinats?|meurtres?|massacres?|genocides?|"
    r"attentats?|decapitations?|attaques?|fusillades?|feminicides?)"
    r"|l arme du crime|retourn\w* l arme contre (?:lui|elle|eux)"
    r"|(?:menacait|menacaient|brandissait|brandissaient) (?:\w+ ){0,3}?(?:avec )?(?:un|une|des|son|sa) "
    r"(?:couteau|arme|hachette|machette|pistolet|fusil|cutter|sabre)"
    r"|(?:l|les|le|la|cet|cette|un|une) (?:attentats?|attaques?|explosions?|incendies?|massacres?|fusillades?|"
    r"bombardements?|frappes?|seismes?|accidents?)(?: (?:de|du|d) (?:\w+ ){0,2}?\w+)? (?:n )?(?:a|ont|avait|"
    r"avaient|aurait|auraient) "
    r"(?:fait|cause|tue|coute la vie)(?: (?:\w+ ){0,4}?(?:morts?|victimes|blesses?))?"
    r"|(?:a|ont|avait|avaient) (?:tire sur|tire dans|ouvert le feu)"
    # « il s'est fait tabasser », « elle s'est fait casser la figure »
    r"|(?:s est|se sont|s etait|s etaient|se serait|se seraient) (?:fait|faite|faits|faites) (?:\w+ )?"
    r"(?:tabasser|frapper|agresser|poignarder|tuer|lyncher|violer|braquer|menacer|egorger|abattre|"
    r"tirer dessus|casser (?:la|le|les) \w+|defoncer (?:la|le|les) \w+|peter (?:la|le|les) \w+)"
    # « a reçu une balle dans la jambe », « une bagarre a éclaté »
    r"|(?:a|ont|avait|avaient|aurait|auraient) recu (?:\w+ ){0,2}?(?:une balle|des balles|un coup|des coups|"
    r"plusieurs coups|\w+ coups)(?: de \w+)?(?: (?:dans|a) (?:la|le|les|l) \w+)?"
    r"|(?:une|la|des|les) (?:bagarres?|rixes?|fusillades?|altercations?|echauffourees?) (?:a|ont|avait|avaient)"
    r" eclate"
    # headlines: « un homme tué par balle », « 8 000 hommes exécutés en 1995 »
    rf"|(?:un|une|deux|trois|quatre|cinq|des|le|la|les|\d+) (?:\w+ ){{0,4}}?{_DONE}(?: (?:et|puis) {_DONE})?"
    r"(?: a mort)? (?:par balles?|par (?:une |des |un )?\w+(?: perdues?)?|a coups? de \w+(?: de \w+)?|au couteau|a la \w+|a l arme \w+|lors d|"
    r"lors de|devant|dans|en pleine|en \d+|pres d|pres de|pendant|durant|pour|a \w+|apres|sur)"
    # casualties as a headline: « trois morts dans l'incendie », « des centaines de civils tués »
    r"|(?:un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|vingt|cent|des|plusieurs|\d+)"
    r"(?: (?:dizaines|centaines|milliers) d\w*)? (?:\w+ )?(?:morts?|tues|blesses|victimes) (?:dans|lors|a|au|en|"
    r"apres|pendant|sur)"
    # the perpetrator of a told crime (« l'assassin du maire », « le meurtrier de la joggeuse »)
    r"|(?:l|le|la|les|des) (?:assassin|meurtrier|meurtriere|tueur|tueuse|agresseur|violeur|auteur|auteurs)s? "
    r"(?:du|de la|de l|des|de|presume|presumee|presumes)(?: \w+)?"
    r"|des coups de feu (?:ont|avaient|auraient)(?: ete)? (?:tires|retenti|eclate)"
    # headlines in the present: « un homme poignarde sa femme »
    r"|(?:un|une|le|la|l|des|les|deux|trois) \w+(?: \w+)? (?:poignarde|poignardent|tue|tuent|abat|abattent|"
    r"frappe|frappent|agresse|agressent|egorge|etrangle|tabasse|viole|blesse|blessent|lynche) (?:sa|son|ses|un"
    r"|une|deux|trois|le|la|les|des|l|leur|leurs) \w+"
    # intentions and charges told: « voulait tuer », « condamné pour avoir lynché »
    r"|(?:voulait|voulaient|aurait voulu|auraient voulu|comptait|projetait|prevoyait|cherchait a|a tente de|"
    r"avait tente de|tentait de|pour avoir|accuse d avoir|accusee d avoir|soupconne d avoir) (?:\w+ )?"
    r"(?:tuer|tue|frapper|frappe|poignarder|poignarde|abattre|abattu|egorger|egorge|lyncher|lynche|"
    r"assassiner|assassine|etrangler|etrangle|massacrer|massacre|menacer|menace|tabasser|tabasse)"
    r"|entre la vie et la mort"
    r")\b"
)
