"""Authoring helper (not shipped; run from the repository root): writes
`src/palabre/training/augmentation_identity_fr.jsonl`, neutral and positive
sentences that mention groups of people, and history that names hateful regimes, labelled clean.

Why: a model trained on toxic comments learns that the mere name of a group (« les
musulmans », « les personnes trans ») predicts hate, and flags « Les Roms sont victimes de
discriminations » or « Les femmes méritent un salaire égal ». Pairing every group with neutral
and supportive predicates (Dixon et al., 2018, « Measuring and Mitigating Unintended Bias »)
teaches that the group's name carries no harm by itself; the hateful contexts stay in the
training data and in the suites' train half.

Every sentence is written for palabre from the groups and predicates below; the predicates are
distinct from the templates of `eval/build_suites.py`, so the suites' test half stays unseen.
Deterministic: `random.Random(20261207)`.

Usage: python3 eval/build_identity_augmentation.py
"""

from __future__ import annotations

import json
import random
from pathlib import Path

SEED = 20261207
OUT = Path("src/palabre/training/augmentation_identity_fr.jsonl")
PER_GROUP = 9

#: (plural noun phrase, agreement: "m" or "f")
GROUPS: tuple[tuple[str, str], ...] = (
    ("les musulmans", "m"),
    ("les musulmanes", "f"),
    ("les Juifs", "m"),
    ("les juives", "f"),
    ("les chrétiens", "m"),
    ("les Noirs", "m"),
    ("les femmes noires", "f"),
    ("les Arabes", "m"),
    ("les Maghrébins", "m"),
    ("les Africains", "m"),
    ("les Asiatiques", "m"),
    ("les Roms", "m"),
    ("les gens du voyage", "m"),
    ("les migrants", "m"),
    ("les réfugiés", "m"),
    ("les immigrés", "m"),
    ("les étrangers", "m"),
    ("les sans-papiers", "m"),
    ("les demandeurs d'asile", "m"),
    ("les femmes", "f"),
    ("les personnes trans", "f"),
    ("les homosexuels", "m"),
    ("les gays", "m"),
    ("les lesbiennes", "f"),
    ("les couples homosexuels", "m"),
    ("les personnes handicapées", "f"),
    ("les handicapés", "m"),
    ("les autistes", "m"),
    ("les Algériens", "m"),
    ("les Marocains", "m"),
    ("les Turcs", "m"),
    ("les Chinois", "m"),
    ("les Sénégalais", "m"),
    ("les Syriens", "m"),
    ("les Afghans", "m"),
    ("les Ukrainiens", "m"),
)

PREDICATES: tuple[str, ...] = (
    "{G} méritent le même respect que tout le monde.",
    "{G} ont les mêmes droits que les autres citoyens.",
    "{G} sont trop souvent victimes de discriminations à l'embauche.",
    "Le rapport publié hier décrit les conditions de vie de {g}.",
    "Une association aide {g} à trouver un logement dans la région.",
    "Le maire a rencontré des représentants de {g} ce matin.",
    "Beaucoup de {gg} travaillent dans les hôpitaux de la ville.",
    "J'ai grandi avec des {gg} et je garde de très bons souvenirs.",
    "Le documentaire donne la parole à {g} sans caricature.",
    "{G} sont nombreux à s'engager dans des associations locales.",
    "Il faut lutter contre les préjugés qui visent {g}.",
    "Plusieurs {gg} ont témoigné devant la commission parlementaire.",
    "Le sondage montre que {g} votent comme le reste de la population.",
    "Nos voisins font partie de {g} et ils sont adorables.",
    "La loi protège {g} contre les propos haineux.",
    "Un colloque sur l'histoire de {g} en France aura lieu en mars.",
    "Des {gg} ont ouvert une boulangerie dans mon quartier.",
    "L'article explique pourquoi {g} sont plus exposés à la précarité.",
    "{G} ont le droit de vivre en sécurité comme tout le monde.",
    "Ma collègue a écrit un livre sur {g} et leur histoire.",
    "Les insultes contre {g} doivent être signalées et sanctionnées.",
    "Je salue le courage de {g} qui ont témoigné.",
    "Combien de {gg} vivent aujourd'hui dans le département ?",
    "Le club de foot accueille {g} sans distinction.",
    "La mairie organise une exposition consacrée à {g}.",
)


#: History and political argument that names hateful regimes without sharing their views: the
#: model must not read « Hitler » or « nazi » as hate by itself (a « point Godwin » is rude
#: argument at worst, not racism).
HISTORY: tuple[str, ...] = (
    "Le documentaire retrace la montée d'Hitler au pouvoir en 1933.",
    "Comparer un adversaire politique à Hitler, c'est le point Godwin.",
    "Mon grand-père a été déporté par les nazis en 1943.",
    "Le régime nazi a persécuté les Juifs, les Roms et les homosexuels.",
    "On ne peut pas comparer une loi sanitaire au régime nazi.",
    "Le procès de Nuremberg a jugé les dirigeants nazis.",
    "J'ai lu un livre passionnant sur la résistance au nazisme.",
    "Hitler et Mussolini étaient alliés pendant la guerre.",
    "Traiter tout le monde de nazi banalise ce qu'a été le nazisme.",
    "La commémoration de la rafle du Vél d'Hiv a eu lieu dimanche.",
    "Les néonazis ont été condamnés pour leurs tags antisémites.",
    "Ce film sur l'Occupation montre bien la collaboration de Vichy.",
    "Le musée de la Shoah accueille de nombreuses classes chaque année.",
    "Même les historiens débattent encore des causes de la Seconde Guerre mondiale.",
    "Dire de quelqu'un qu'il est nazi parce qu'il aime son pays est absurde.",
    "L'abolition de l'esclavage en France date de 1848.",
    "Le colonialisme a laissé des traces profondes en Algérie.",
    "Le discours de Martin Luther King reste une référence contre le racisme.",
    "Le régime de l'apartheid a pris fin en Afrique du Sud en 1991.",
    "Mon professeur d'histoire nous a parlé du génocide des Tutsis.",
    "La propagande nazie utilisait la radio et le cinéma.",
    "Le ministre a été comparé à Pétain par l'opposition, une outrance.",
    "Le livre de Simenon montre le racisme ordinaire de l'époque coloniale.",
    "Les fascistes italiens ont pris le pouvoir en 1922.",
    "On étudie le totalitarisme à travers Staline et Hitler.",
)


def _bare(group: str) -> str:
    """« les musulmans » → « musulmans », for « des … »/« de … »."""
    return group.split(" ", 1)[1]


def rows() -> list[dict[str, object]]:
    rng = random.Random(SEED)
    clean = dict.fromkeys(("toxicite", "haine", "violence", "insulte", "grossierete"), 0)
    out: list[dict[str, object]] = []
    for group, agreement in GROUPS:
        for template in rng.sample(PREDICATES, PER_GROUP):
            text = template.format(G=group[0].upper() + group[1:], g=group, gg=_bare(group))
            text = text.replace(" de les ", " des ").replace(" à les ", " aux ")
            if agreement == "f":
                text = text.replace("nombreux", "nombreuses").replace("exposés", "exposées")
            out.append({"text": text, "labels": clean})
    out.extend({"text": text, "labels": clean} for text in HISTORY)
    return out


def main() -> None:
    lines = [json.dumps(row, ensure_ascii=False) for row in rows()]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} phrases écrites dans {OUT}")


if __name__ == "__main__":
    main()
