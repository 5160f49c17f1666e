"""Mention versus use: words reported, quoted or condemned are not the commenter's own.

« On m'a traité de "sale Arabe", j'ai porté plainte » mentions an insult to denounce it; « il a
écrit "je vais te tuer" » reports a threat. These cues are read on the folded text of the
sentence around a hit (accents and case removed) and lower its score; the learned model is
shown the comment with such reported quotations blanked out."""

from __future__ import annotations

from typing import Final

from palabre.moderation import regex_cache
from palabre.moderation.figurative import BENIGN_IDIOMS, fold_flat
from palabre.moderation.groups import GROUP, NEG_ADJ, NEG_NOUN

#: Before the words, in the same sentence: someone else said or wrote them.
REPORTED_BEFORE: Final = regex_cache.compile(
    r"\b(?:traite(?:e|s|es|r)? de|insulte(?:e|s|es|r)? de|qualifie(?:e|s|es)? de|m a dit|"
    r"(?<!celui qui )(?<!celle qui )(?<!ceux qui )(?<!celles qui )a (?:ecrit|dit|crie|lance|tweete|poste|publie|declare|hurle|traite)|"
    r"avait (?:ecrit|dit|crie)|(?:aurait|auraient) (?:ecrit|dit|crie|lance|hurle|tweete|poste|menace)|"
    r"ont (?:ecrit|crie|scande|tague)|ecrivait|disait|criait|a recu|ai recu|avons recu|recu|"
    r"pour avoir (?:dit|ecrit|crie|tweete|menace)|condamne(?:e|s)? pour|accuse(?:e|s)? d|"
    r"le message|le tweet|le tag|le slogan|l insulte|les insultes|les mots|le mot|la phrase|"
    r"arretez de (?:dire|ecrire|repeter|generaliser|stigmatiser|traiter)|arreter de (?:dire|ecrire|repeter|generaliser|stigmatiser|traiter)|dire que|pretendre que|"
    r"affirmer que|repeter que|signale|denonce|selon (?:lui|elle|la police|le parquet)|"
    r"raciste de dire|il est faux|ce n est pas vrai que|c est faux que|a ete menace(?:e|s|es)?|"
    r"ont ete menace(?:e|s|es)?|menace(?:e|s|es)? de mort|victime de|"
    r"(?:quelqu un|on|il|elle|ils|elles|un internaute|un lecteur) (?:ecrit|dit|poste|tweete|publie)|"
    r"(?:des |les |ces )?(?:menaces|propos|messages|insultes|injures|phrases|commentaires|mots|tweets|tags) "
    r"(?:comme|du style|du genre|de type|du type|tels que)|"
    r"(?:ceux|celles|celui|celle|les gens) qui (?:ecrivent|ecrit|disent|dit|crient|crie|postent|poste|tweetent|"
    r"publient|taguent|scandent)|"
    r"(?:tweet|message|commentaire|post|article|tract|slogan|affiche) qui (?:dit|affirme|pretend|explique) (?:que|qu)|"
    r"(?:choque|choquee|choques|choquees|scandalise\w*|revolte\w*|indigne\w*|outre\w*|horrifie\w*) par|"
    r"(?:il est|c est|ce serait) (?:\w+ )?(?:scandaleux|honteux|inadmissible|inacceptable|illegal|"
    r"ignoble|odieux|revoltant|intolerable|raciste) de)\b"
)
#: After the words, in the same sentence: the commenter condemns or reports them.
CONDEMNED_AFTER: Final = regex_cache.compile(
    r"^[^.!?\n]{0,80}\b(?:est raciste|c est raciste|est du racisme|est inadmissible|"
    r"est inacceptable|est intolerable|est honteux|c est honteux|est ignoble|est odieux|"
    r"est un delit|est puni|a ete (?:supprime|signale|condamne)|porte plainte|plainte|"
    r"c est lamentable|lamentable|tant mieux|c est (?:toi|vous) qui (?:as|avez|a) un (?:probleme|souci)|"
    r"tu te trompes|vous vous trompez|rien de drole|c est grave|doit cesser|"
    r"c est faux|est faux|est un mensonge|est un cliche|est un prejuge|est un stereotype|"
    r"a t on ecrit|lui a t on ecrit|a t il ecrit|a t elle ecrit|ecrit on|lui a ecrit|"
    r"ne doi(?:t|vent) (?:plus|pas) etre toleres?|n (?:a|ont) pas (?:sa|leur) place|"
    r"(?:ces|de tels|ses|leurs) (?:mots|propos) (?:sont|n ont|ne)|est stupide et faux|"
    r"n a rien a faire ici|n ont rien a faire ici|n a pas sa place ici|"
    r"est (?:totalement |completement )?(?:faux|absurde|indigne|abject|abjecte|revoltant|scandaleux|"
    r"choquant|nauseabond|degueulasse)|me revolte|me degoute|"
    r"voila ce (?:qu|que) (?:\w+ ){0,3}?(?:a|ai|ont|avons|avez) "
    r"(?:recu|lu|entendu|subi))\b"
)
#: « dire que … est raciste »: the clause between is the commenter's target, not their claim.
_CONDEMNED_CLAUSE: Final = regex_cache.compile(
    r"\b(?:dire|pretendre|affirmer|repeter|ecrire|penser|croire|insinuer|(?:qui|qui a|qui ont) (?:ecrit|dit|"
    r"affirme|pretendu|tweete|poste))(?: \w+)? (?:que|qu) "
    r"([^.!?\n]{3,200}?) (?:(?:est|c est|serait|reste) (?:\w+ ){0,2}(?:raciste|faux|un mensonge|un cliche|"
    r"un prejuge|honteux|inacceptable|ignoble|du racisme|stupide|absurde|odieux|indigne)|(?:devrait|devraient|"
    r"doit|doivent) avoir honte|(?:merite|meritent) d etre (?:banni|bannis|sanctionne|sanctionnes|poursuivi|"
    r"poursuivis|condamne|condamnes))\b"
)
#: Hatred denied by the commenter (« je ne hais pas les … »): the verb is hidden from the model,
#: which learned it from hatred declared.
#: A generalisation denied (« non, les Roms ne sont pas des voleurs »): counter-speech, hidden
#: from the model, which learned the generalisation's words but not its negation. « ne sont pas
#: que des … » (not only) is not a denial.
_DENIED_GENERALISATION: Final = regex_cache.compile(
    rf"\b(?:les|ces|des|tous les|toutes les) {GROUP}(?: \w+){{0,2}} (?:ne|n) (?:sont|etaient|seront) (?:pas|plus|point"
    rf"|jamais)(?! que\b)(?: tous| toutes| forcement| naturellement| par nature)? (?:des |de )?(?:{NEG_NOUN}|{NEG_ADJ})\b"
)
_NEGATED_HATRED: Final = regex_cache.compile(
    r"\b(?:je|j|on|nous) (?:ne|n) (?:hais|hait|haissons|deteste|detestons|meprise|meprisons|"
    r"execre) (?:pas|aucun|aucune|personne|jamais|plus)\b"
)
#: Just before a quotation: a verb of saying (« dire "je vais te tuer" n'est jamais drôle »).
SAYING_BEFORE: Final = regex_cache.compile(
    r"\b(?:dire|ecrire|repeter|crier|hurler|lancer|poster|tweeter|taguer|scander|lire|"
    r"messages?|tweets?|commentaires?|tags?|mots?|phrases?|slogans?|cris|inscriptions?|menaces?|"
    r"insultes?|paroles|menacee?s? de|menacee?s? d|du genre|du style|de type|"
    r"(?:entend\w*|lu|lis|lit|lire|vu ecrit|voit ecrit|voir ecrit)(?: encore| toujours| souvent| partout)?)"
    r"\s*:?\s*[«“\"]?\s*$"
)
_QUOTED: Final = regex_cache.compile(r"«[^«»]{1,400}»|“[^“”]{1,400}”|\"[^\"\n]{1,400}\"")
_SENTENCE_BREAK: Final = regex_cache.compile(r"[.!?\n]")


def sentence_around(folded: str, start: int, end: int) -> tuple[str, str]:
    """(text of the sentence before `start`, text of the sentence after `end`)."""
    left = max((m.end() for m in _SENTENCE_BREAK.finditer(folded, 0, start)), default=0)
    right_match = _SENTENCE_BREAK.search(folded, end)
    right = right_match.start() if right_match else len(folded)
    return folded[left:start], folded[end:right]


def reported(text: str, start: int, end: int) -> bool:
    """Whether the span [start, end) of `text` is reported or condemned by its sentence, or lies
    in the clause of « dire que … est raciste », « celui qui a écrit que … devrait avoir honte »."""
    folded = fold_flat(text)
    before, after = sentence_around(folded, start, end)
    return bool(
        REPORTED_BEFORE.search(before)
        or CONDEMNED_AFTER.search(after)
        or SAYING_BEFORE.search(before)
        or any(m.start(1) <= start and end <= m.end(1) for m in _CONDEMNED_CLAUSE.finditer(folded))
    )


def blank_reported_quotes(text: str) -> str:
    """`text` with the inside of quotations that are reported or condemned, and the clause of
    « dire que … est raciste », replaced by spaces (same length, so evidence offsets do not
    move)."""
    folded = fold_flat(text)
    pieces = list(text)
    for match in _QUOTED.finditer(text):
        if reported(folded, match.start(), match.end()):
            for i in range(match.start() + 1, match.end() - 1):
                pieces[i] = " "
    for match in _CONDEMNED_CLAUSE.finditer(folded):
        for i in range(match.start(1), match.end(1)):
            pieces[i] = " "
    for match in _DENIED_GENERALISATION.finditer(folded):
        for i in range(match.start(), match.end()):
            pieces[i] = " "
    for match in _NEGATED_HATRED.finditer(folded):
        for i in range(match.start(), match.end()):
            pieces[i] = " "
    return "".join(pieces)


def blank_for_model(text: str) -> str:
    """What the learned model reads: `blank_reported_quotes`, and harmless violent idioms
    (« brûler les étapes », « la peine de mort ») blanked too — same length, so evidence
    offsets do not move. Training's operating-point search reads the same."""
    text = blank_reported_quotes(text)
    folded = fold_flat(text)
    if not BENIGN_IDIOMS.search(folded):
        return text
    pieces = list(text)
    for match in BENIGN_IDIOMS.finditer(folded):
        for i in range(match.start(), match.end()):
            pieces[i] = " "
    return "".join(pieces)
