"""Implicit derogation: a crime or a nuisance blamed on people's origin without saying it is
held for a moderator, with the wink and the pointer to origin highlighted; a wink about
anything else, or origin without a crime, stays published."""

from __future__ import annotations

import pytest

from palabre.moderation.detectors._insinuation import MAX_CHARS, insinuations
from palabre_testing import charter_engine

INSINUATIONS = [
    "Comme d'habitude, le suspect n'était pas un Dupont.",
    "Encore une agression à la gare, je vous laisse deviner qui.",
    "Quand des Roumains arrivent dans un quartier, les cambriolages suivent, c'est mathématique.",
    "Les agresseurs étaient des « jeunes », comme disent les journalistes, on a compris.",
    "Étrangement, ce sont toujours les mêmes qui brûlent les voitures au Nouvel An.",
    "Depuis que les Africains sont là, le quartier n'est plus le même.",
    "Chaque fois qu'une mosquée ouvre, le quartier se vide de ses habitants.",
    "Le collège est devenu une annexe de Kaboul, les profs n'en peuvent plus.",
    "Tiens, encore un Mohamed dans la rubrique faits divers, quelle surprise.",
    "Vous avez vu la tête des casseurs ? Tout est dit.",
    "Les agressions ont doublé depuis l'ouverture du foyer de migrants.",
    "On ne peut plus sortir le soir depuis qu'ils ont logé des Afghans en face.",
    "Mon quartier, c'était la France avant. Maintenant c'est le Maghreb.",
    "jvous laisse deviner d'ou venaient les agresseurs du bus",
]

CLEAN = [
    "Comme d'habitude, le suspect a été relâché faute de preuves.",
    "Devinez la nationalité du vainqueur : française, pour la troisième fois !",
    "Devinez qui a gagné le concours de pâtisserie cette année ? Ma voisine !",
    "Une nouvelle mosquée a ouvert rue Victor-Hugo, l'inauguration était samedi.",
    "Depuis que le centre pour migrants a ouvert, des bénévoles du quartier y donnent des cours.",
    "Le quartier n'est plus le même depuis la fermeture de l'usine.",
    "On se croirait à Alger avec cette chaleur, vivement l'automne.",
    "Pas besoin d'être devin pour savoir que la réforme sera votée.",
    "Bizarrement, les cambriolages ont baissé depuis l'installation des caméras.",
    "Tiens, encore un article sur le prix de l'essence, quelle surprise.",
    "Dès que les beaux jours arrivent, les vols de vélos se multiplient, attachez-les bien.",
    "Depuis l'arrivée des réfugiés syriens, l'école a rouvert deux classes.",
    "Les voleurs de cuivre ont été arrêtés, ils volaient sur les voies depuis des mois.",
]


@pytest.mark.parametrize("text", INSINUATIONS)
def test_an_insinuation_about_origin_is_held_with_its_words(text: str) -> None:
    verdict = charter_engine().check(text)
    hate = [r for r in verdict.reasons if r.category == "haine"]
    assert hate and hate[0].action in ("hold", "reject"), text
    assert hate[0].spans, text


@pytest.mark.parametrize("text", CLEAN)
def test_a_wink_without_origin_or_origin_without_a_crime_finds_nothing(text: str) -> None:
    assert insinuations(text) == [], text


def test_the_insinuation_alone_holds_but_never_rejects() -> None:
    items = insinuations("Comme par hasard, le voleur était encore un Algérien.")
    assert items and max(score for score, _, _ in items) < 0.75


def test_the_wink_and_the_origin_are_the_evidence() -> None:
    text = "Encore une agression à la gare, je vous laisse deviner qui."
    words = {span.text.lower() for _, span, _ in insinuations(text)}
    assert "je vous laisse deviner" in words


def test_a_quoted_wink_is_not_the_commenter_s_own() -> None:
    assert insinuations("Il a écrit « comme par hasard, le voleur était arabe ».") == []


def test_a_long_text_where_the_cues_meet_by_chance_is_left_to_the_other_detectors() -> None:
    text = (
        "Comme d'habitude, le conseil municipal a voté le budget. "
        + "Les débats ont porté sur les écoles et la voirie. " * 6
        + "Un vol de câbles a eu lieu. Les Roumains de l'équipe de rugby ont gagné."
    )
    assert len(text) > MAX_CHARS
    assert insinuations(text) == []
