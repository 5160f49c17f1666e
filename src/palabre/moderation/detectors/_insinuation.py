"""Implicit derogation (clause « Aucun message à caractère raciste »): a crime or a nuisance
blamed on people's origin without saying it — « comme par hasard, le suspect n'était pas un
Dupont », « je vous laisse deviner qui », « depuis que les Africains sont là, le quartier n'est
plus le même », « le collège est devenu une annexe de Kaboul ».

No single word carries it: three cues must meet in one short comment, read on the canonical
text:

- a wink (« comme par hasard », « bizarrement », « suivez mon regard », « devinez… »);
- a pointer to origin (a group, « l'origine », « le prénom », « pas un Dupont », « d'où ils
  viennent », « qui y habite »);
- a crime or a nuisance (« vol », « agresseur », « cambriolages », « sale »…).

Or a change for the worse told as the doing of a group or of a place tied to one (« depuis que
les Africains sont là, … n'est plus le même », « chaque fois qu'une mosquée ouvre, le quartier
se vide »), or a place likened to a foreign city (« une annexe de Kaboul »).

Never rejected on its own: 0.5 holds the comment for a moderator, who reads the insinuation.
A wink about anything but origin (« comme par hasard, le suspect a été relâché ») or origin
without a crime (« devinez la nationalité du vainqueur ! ») stays clean."""

from __future__ import annotations

import re

from palabre.moderation import regex_cache
from palabre.moderation.detectors._canonical import Canonical, canonical
from palabre.moderation.findings import Span
from palabre.moderation.groups import GROUP

NOTE = "insinuation sur l'origine des auteurs : un humain doit juger"
NOTE_DECLINE = "déclin attribué à un groupe de personnes : un humain doit juger"
SCORE = 0.5
#: Longer texts make the three cues meet by chance.
MAX_CHARS = 320

WINK = regex_cache.compile(
    r"\b(?:comme par hasard|par le plus grand des hasards|quel hasard|bizarrement|etrangement|"
    r"curieusement|curieux,? non|suivez mon regard|je vous laisse deviner|jvous laisse deviner|"
    r"je te laisse deviner|jte laisse deviner|devinez|"
    r"je vous le donne en mille|pas besoin d etre (?:devin|grand clerc)|on a (?:tous )?compris|"
    r"tout le monde a compris|pas (?:la peine|besoin) de (?:vous )?faire un dessin|cherchez l erreur|"
    r"c est mathematique|(?:il )?fallait s y attendre|toujours les memes|regardez qui|sans surprise|"
    r"quelle surprise|on connait la chanson|on se demande bien pourquoi|comme d hab(?:itude)?|"
    r"une fois de plus|encore et toujours|qui l eut cru|on ne dira pas qui|je ne dirai pas qui|"
    r"je dis ca je dis rien|je dis ca,? je dis rien|tout est dit|traduisez|tiens,? encore|"
    r"avec tout ce qui va avec|je comprends pourquoi|on comprend pourquoi|on sait tous|tout le monde sait)\b"
)
ORIGIN = regex_cache.compile(
    rf"\b(?:{GROUP})\b"
    r"|\b(?:origines?|nationalites?|prenoms?|nom pareil|un nom comme|couleur de peau|terroir|"
    r"pas (?:un|une|des) (?:dupont|durand|martin|breton|bretons|suedois|esquimau)|"
    r"d ou (?:il|elle|ils|elles) (?:vient|viennent|venaient|venait|sortent)|qui (?:y )?(?:habite|habitent)|"
    r"d ou (?:venai(?:en)?t|vien(?:nen)?t|sortai(?:en)?t) (?:les|le|la|ces|ce)|(?:de )?quelle communaute|"
    r"(?:la tete|la gueule|le faciès|le facies|les tetes) (?:des|du|de ces)|pas d ici|qui traine(?:nt)?|"
    r"(?:un|une|des|encore un|encore une) (?:mohamed|mohammed|mamadou|rachid|karim|moussa|ahmed|youssef|"
    r"mehdi|bilal|fatou|fatima|aicha|abdel|ali|omar|samir)\b|"
    r"(?:gens|personnes) du meme coin|(?:toujours )?les memes qui|ces gens la|ces gens|"
    r"centre pour (?:migrants|refugies)|foyer de migrants|mosquees?|au bled)\b"
    # « je vous laisse deviner qui. », « vous voyez de qui je parle »: the people left unnamed
    r"|\b(?:deviner|devinez) (?:qui|de qui)\s*(?:\.|$)|\bvous voyez (?:de qui|qui) je (?:parle|veux dire)\b"
)
HARM = regex_cache.compile(
    r"\b(?:agressions?|agresseurs?|agresse|agressee|vols?|volent|vole|voleurs?|vole(?:s|es)|"
    r"cambriolages?|cambrioleurs?|delinquance|delinquants?|insecurite|viols?|violeurs?|crimes?|"
    r"criminels?|incivilites|violences?|trafics?|dealers?|chauffards?|coupables?|suspects?|"
    r"brulent|brule|brulees?|casseurs?|cassent|poignarde|poignardee|tabasse|prisons?|emeutes?|"
    r"emeutiers?|sale|salete|insalubre|disparaissent|pillent|pillage|racailles?|ne parle pas un mot|"
    r"faits divers|dealers?|vols explosent|connus? des services|defavorablement connus?)\b"
)
#: Words that point at origin when scare-quoted (« des "jeunes" », « un "Français" »).
SCARE_QUOTED = regex_cache.compile(r"\b(?:jeunes?|francais|francaise|desequilibres?|individus?)\b")
#: A change for the worse after a group or a place tied to one arrived.
DECLINE = regex_cache.compile(
    rf"\b(?:depuis qu|depuis que|des qu|des que|chaque fois qu|chaque fois que|quand|a chaque fois que)"
    rf"(?: \w+){{0,6}} (?:(?:des |les |ces )?(?:{GROUP})|(?:une |la |leur )?mosquee|(?:le |un )?centre pour "
    r"(?:migrants|refugies)|(?:le |un )?foyer de migrants)\b[^.!?]{0,60}"
    r"\b(?:n est plus (?:le meme|la meme|comme avant)|plus personne ne (?:sort|sortait)|se vide|"
    r"fini la tranquillite|(?:on ne|on n) (?:est|se sent) plus chez (?:nous|soi)|a explose|ont explose|"
    r"suivent|les (?:vols|cambriolages|agressions|poules) |disparaissent|c est (?:fini|la catastrophe))"
)
#: The same, told the other way round (« les agressions ont doublé depuis l'ouverture du foyer de
#: migrants », « on ne peut plus sortir le soir depuis qu'ils ont logé des Afghans en face »).
DECLINE_AFTER = regex_cache.compile(
    r"\b(?:on ne peut plus sortir|plus personne ne sort|(?:les )?(?:agressions|vols|cambriolages|incivilites|"
    r"violences|deals?|trafics?) (?:ont|se sont|sont) (?:double|triple|explose|augmente|flambe|multiplie|"
    r"multiplies|apparus?)|c est devenu invivable|on ne se sent plus en securite)\b[^.!?]{0,40}"
    r"\bdepuis (?:que|qu|l arrivee|l ouverture|l installation)(?: \w+){0,5} "
    rf"(?:(?:des |les |ces |d )?(?:{GROUP})|(?:du |de la |d une |d un )?(?:mosquee|centre pour (?:migrants|refugies)|"
    r"foyer de migrants|camp de (?:roms|gitans|migrants)))\b"
)
#: A French place likened to a foreign city (« une annexe de Kaboul », « ressemble à Bamako »).
LIKENED = regex_cache.compile(
    r"\b(?:annexe|succursale|banlieue|ressembl\w*(?: de plus en plus)?|devenu\w*|transforme\w* en|"
    r"un petit|une petite|maintenant c est|aujourd hui c est|desormais c est) (?:de |a |en |d |le |la |l )?"
    r"(?:kaboul|bamako|alger|tunis|rabat|dakar|mogadiscio|kinshasa|islamabad|bagdad|tombouctou|l afrique|"
    r"afrique|maghreb|bled|tiers monde)\b"
    r"(?![^.!?]{0,40}\b(?:chaleur|soleil|temperature|degres|canicule|lumiere|ciel|architecture|cuisine|"
    r"epices|vacances|plage|mer|musique|festival)\b)"
)


def _cue_span(view: Canonical, match: re.Match[str]) -> Span:
    return view.span(match.start(), match.end())


def insinuations(text: str) -> list[tuple[float, Span, str]]:
    """Hold-level hate items for insinuations about origin (see the module docstring)."""
    view = canonical(text)
    body = view.text
    if len(body) > MAX_CHARS:
        return []
    out: list[tuple[float, Span, str]] = []
    wink, origin, harm = WINK.search(body), ORIGIN.search(body), HARM.search(body)
    if origin is None:
        origin = next(
            (m for m in SCARE_QUOTED.finditer(body) if view.in_quotes(m.start(), m.end())), None
        )
    if wink and origin and harm and not view.in_quotes(wink.start(), wink.end()):
        out += [(SCORE, _cue_span(view, wink), NOTE), (SCORE, _cue_span(view, origin), NOTE)]
    for pattern in (DECLINE, DECLINE_AFTER, LIKENED):
        for match in pattern.finditer(body):
            out.append((SCORE, _cue_span(view, match), NOTE_DECLINE))
    return out
