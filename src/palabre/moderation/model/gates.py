"""Which of the model's charter heads a text's words allow.

The « violence » and « grossièreté » heads learned the second person and the future from
threats and obscene insults, and fire on « je vais te faire la bise ». They are believed only
when the text holds a word of their field: an act of violence, death, a weapon, a blow, an
idiom of threats; a sexual or scatological word. « haine » and « insulte » need no such cue
(hate without slurs is exactly what the model is for). A text about pests, animals or germs
that names no people (`figurative.about_pests`) opens no head but « grossièreté ». The training's operating-point search
applies the same gates, so the thresholds are chosen for the engine as it runs."""

from __future__ import annotations

from functools import lru_cache
from typing import Final

from palabre.moderation import regex_cache
from palabre.moderation.figurative import (
    BENIGN_IDIOMS,
    BENIGN_OBJECT,
    NEWS_TOLD,
    about_pests,
    fold_flat,
)
from palabre.moderation.groups import GROUP_WORDS
from palabre.moderation.model.normalise import tokenise

VIOLENT_CUE: Final = regex_cache.compile(
    r"\b(?:tu(?:er|e|es|ee|ees|ez|ons|erai|era|eront)|mort|morts|morte|mourir|meur(?:e|es|ent|s|t)|"
    r"crev(?:er|e|es|ez|ent)|crevard\w*|but(?:er|e|es|ez|é)|abatt(?:re|u|us|ez|ons)|flingu\w*|"
    r"egorg\w*|pend(?:re|u|us|ue|ez|ons|aison)|fusill\w*|massacr\w*|extermin\w*|"
    r"liquid(?:er|e|ez)|execut(?:er|e|ez|ion)|zigouill\w*|assassin\w*|lynch\w*|decapit\w*|"
    r"gaz(?:er|ez|es|e)|chambres? a gaz|poignard\w*|brul(?:er|e|ez|es)|cram(?:er|e|ez)|"
    r"defonc\w*|tabass\w*|lapid\w*|viol(?:er|e|es|ez|ent|eur|eurs)|tortur\w*|mutil\w*|"
    r"eventr\w*|saign\w*|sang|couteaux?|balles?|flingue|armes?|fusils?|pistolets?|kalach\w*|"
    r"bombes?|explos\w*|coups?|frapp\w*|cogn(?:er|e|ez)|baffes?|gifl\w*|poings?|corde|"
    r"(?:faire|fera|ferai|ferons|feront|avoir|aurai|aura|aurons|auront) (?:la|ta|sa|leur|votre) peau|"
    r"cercueil|tombe|enterr\w*|noy(?:er|e|ez)|etrangl\w*|cass(?:er|e|ez)|peter|pete|eclat(?:er|e)|"
    r"ecras(?:er|e|ez)|detrui\w*|niqu(?:er|e|ez)|nik(?:er|e)|regl\w* (?:son|ton|leur|votre) compte|"
    r"six pieds|souffrir|planter|trou(?:er|e)|sauter la|attentats?|"
    r"raclee|dents|crane|menac\w*|vengeance|venger|hache|machette|batte|acide)\b"
)
VULGAR_CUE: Final = regex_cache.compile(
    r"\b(?:putains?|putes?|pute|encul\w*|baise|baiser|baisent|baises|couill\w*|bites?|chattes?|"
    r"niqu\w*|nik\w*|merd\w*|chier|chie|chiant\w*|chiasse|cul|culs|salop\w*|pd|pedes?|"
    r"branl\w*|suce\w*|sucer|pipes?|sodom\w*|foutre|fous|fout|foutez|con|cons|conne|connes|"
    r"connard\w*|connasse\w*|bordel|zizi|teub\w*|sexe|porn\w*|chiennes?|catins?|fdp|ntm|tg|"
    r"gueule|bouffons?|batards?|caca|pisse\w*|pisser|prout|nichons?|seins?|fesses?|fellat\w*|"
    r"ejacul\w*|orgasm\w*|bander|bandant\w*|tepu|ptn|enfoir\w*|emmerd\w*|pouffi\w*|"
    r"grognasse\w*|ta mere|ta race)\b"
)
UNGATED: Final = frozenset({"toxicite", "haine", "insulte"})
#: Words that say nothing of a group: a text made of them and a group's name (« les Noirs. »,
#: « je ne hais pas les Juifs » once the denied verb is hidden) gives the hate head nothing to judge.
_EMPTY_WORDS: Final = frozenset(
    [
        "le",
        "la",
        "les",
        "l",
        "un",
        "une",
        "des",
        "de",
        "d",
        "du",
        "au",
        "aux",
        "a",
        "et",
        "ou",
        "ces",
        "ce",
        "cet",
        "cette",
        "je",
        "j",
        "tu",
        "il",
        "elle",
        "on",
        "nous",
        "vous",
        "ils",
        "elles",
        "ne",
        "n",
        "pas",
        "plus",
        "jamais",
        "que",
        "qu",
        "y",
        "en",
        "me",
        "te",
        "se",
        "moi",
        "toi",
        "lui",
        "eux",
        "est",
        "sont",
        "suis",
        "es",
        "etes",
    ]
)
_GROUP_WORD: Final = regex_cache.compile(rf"^{GROUP_WORDS}$")


def names_only_a_group(flat: str) -> bool:
    """`flat` (the model's tokens) holds a group's name and otherwise only empty words."""
    words = [w for w in flat.split() if w.isalpha() and w not in _EMPTY_WORDS]
    return bool(words) and all(_GROUP_WORD.match(w) for w in words)


@lru_cache(maxsize=256)
def _flat(text: str) -> str:
    """The model's own tokens (accents folded, leet and spaced letters undone), one space
    apart: « ext3rminer » is read « exterminer »."""
    return " ".join(token.text for token in tokenise(text))


def allowed_heads(text: str) -> frozenset[str]:
    """The heads whose findings may be believed for `text`."""
    flat = NEWS_TOLD.sub(" ", BENIGN_IDIOMS.sub(" ", _flat(text)))
    if about_pests(fold_flat(text)):
        # « il faut exterminer ces cafards », « les pigeons sont une vermine »: the model's
        # heads learned these words from hate against people; said of pests they are harmless
        return frozenset({"grossierete"}) if VULGAR_CUE.search(flat) else frozenset()
    heads = set(UNGATED)
    if names_only_a_group(flat):
        # naming a group is not hating it; a slur used alone stays an insult (« mongol »)
        heads -= {"haine", "toxicite"}
    if any(
        not BENIGN_OBJECT.search(flat[cue.end() : cue.end() + 60])
        for cue in VIOLENT_CUE.finditer(flat)
    ):
        heads.add("violence")
    if VULGAR_CUE.search(flat):
        heads.add("grossierete")
    return frozenset(heads)
