"""The lexicon shipped with the model, built only from permissive lists.

- `french_badwords_list_fr.txt` (MIT): insults, with their leetspeak variants → `insulte`;
- `ldnoobw_fr.txt`, `ldnoobw_fr-CA.txt` (CC BY 4.0, attribution in the manifest and model card)
  → `grossierete`;
- a short hand-picked list of ethnic, religious and homophobic slurs, and the slur phrases among
  MLMA's search keywords (MIT) → `haine`;
- a short hand-written list of threat verbs and formulas (« je vais te », « faire la peau »)
  → `violence`.

Plain mentions of groups (« migrants », « musulmans », « arabes ») are deliberately NOT in the
lexicon: they are not insults, and the model must not learn that naming a group is hateful.
HurtLex (CC BY-NC-SA) is not used."""

from __future__ import annotations

from pathlib import Path
from typing import Final

from palabre.moderation.model.normalise import tokenise

LEXICON_FILES: Final[dict[str, tuple[str, str]]] = {
    "lexicons/french_badwords_list_fr.txt": ("insulte", "MIT (french-badwords-list 1.0.7)"),
    "lexicons/ldnoobw_fr.txt": ("grossierete", "CC BY 4.0 (LDNOOBW)"),
    "lexicons/ldnoobw_fr-CA.txt": ("grossierete", "CC BY 4.0 (LDNOOBW)"),
}

SLURS: Final[tuple[str, ...]] = (
    "bougnoule",
    "bougnoules",
    "bougnoul",
    "bicot",
    "bicots",
    "crouille",
    "crouilles",
    "negre",
    "negres",
    "negresse",
    "negro",
    "negros",
    "bamboula",
    "bamboulas",
    "blackos",
    "youpin",
    "youpins",
    "youpine",
    "youtre",
    "youtres",
    "chinetoque",
    "chinetoques",
    "niakoue",
    "niakoues",
    "bridé",
    "raton",
    "ratons",
    "boukak",
    "noich",
    "pede",
    "pedes",
    "pedale",
    "pedales",
    "tapette",
    "tapettes",
    "tarlouze",
    "tarlouzes",
    "gouine",
    "gouines",
    "enculé de juif",
    "sale arabe",
    "sale arabes",
    "sale africain",
    "sale rebeu",
    "sale renoi",
    "sale noir",
    "sale noirs",
    "sale juif",
    "sale juifs",
    "sale musulman",
    "sale musulmans",
    "sale negre",
    "sale bougnoule",
    "sale race",
    "ching chong",
    "arabe chameau",
    "africain chameau",
)

#: Threat and violence words and phrases, written by hand for palabre (→ `violence`).
THREATS: Final[tuple[str, ...]] = (
    "tuer",
    "tue",
    "tues",
    "tuerai",
    "tuerais",
    "crever",
    "creve",
    "buter",
    "bute",
    "butter",
    "egorger",
    "egorge",
    "massacrer",
    "massacre",
    "defoncer",
    "defonce",
    "fracasser",
    "fracasse",
    "eclater",
    "eclate",
    "cramer",
    "bruler",
    "pendre",
    "pendu",
    "fusiller",
    "fusille",
    "abattre",
    "decapiter",
    "poignarder",
    "planter",
    "tabasser",
    "cogner",
    "exterminer",
    "gazer",
    "lyncher",
    "violer",
    "trancher",
    "saigner",
    "je vais te",
    "on va te",
    "jvais te",
    "je vais vous",
    "on va vous",
    "t es mort",
    "tu es mort",
    "vous etes morts",
    "a mort",
    "mort aux",
    "ta mort",
    "faire la peau",
    "casser la gueule",
    "peter la gueule",
    "tu vas voir",
    "tu vas le regretter",
    "je sais ou tu habites",
    "une balle",
)


def _normalise(entry: str) -> str:
    return " ".join(token.text for token in tokenise(entry))


def build_lexicon(data_dir: Path) -> dict[str, tuple[str, ...]]:
    """Normalised word or phrase → the lexicon classes it belongs to."""
    classes: dict[str, set[str]] = {}
    for relative, (kind, _licence) in LEXICON_FILES.items():
        path = data_dir / relative
        for line in path.read_text(encoding="utf-8").splitlines():
            key = _normalise(line)
            if key:
                classes.setdefault(key, set()).add(kind)
    for slur in SLURS:
        key = _normalise(slur)
        if key:
            classes.setdefault(key, set()).add("haine")
    for threat in THREATS:
        key = _normalise(threat)
        if key:
            classes.setdefault(key, set()).add("violence")
    return {key: tuple(sorted(kinds)) for key, kinds in sorted(classes.items())}


def lexicon_licences() -> list[dict[str, str]]:
    entries = [{"file": path, "licence": licence} for path, (_, licence) in LEXICON_FILES.items()]
    entries.append(
        {
            "file": "palabre (injures haineuses et formules de menace écrites à la main)",
            "licence": "AGPL-3.0-or-later",
        }
    )
    return entries
