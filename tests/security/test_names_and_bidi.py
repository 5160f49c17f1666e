"""Author names cannot be invisible or pose as the site's staff (in French or English), and
bidirectional controls cannot reorder what a comment appears to say."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from palabre.comments.text import clean_author, clean_text
from palabre.errors import PalabreError
from palabre_testing import CLEAN, Poster


@pytest.mark.parametrize(
    "name",
    [
        "Moderator",
        "The Moderators",
        "L'équipe du site",
        "L’équipe de la rédaction",
        "Équipe",
        "Support officiel",
        "Mod",
        "Modérat0r",
        "Official team",
    ],
)
def test_staff_like_names_are_refused(name: str) -> None:
    with pytest.raises(PalabreError) as error:
        clean_author(name)
    assert error.value.code == "nom_reserve"


@pytest.mark.parametrize(
    "name",
    [
        "\u2060",
        "\u061c",
        "\u3164",
        "\u115f\u1160",
        "\uffa0",
        "\u2800",
        "Zo\u2060é",
        "A\u061cB",
        "\u3164Marie",
        "Ev\u2066il",
        "\ue000",
        "A\u2028B",
    ],
)
def test_invisible_names_or_characters_are_refused(name: str) -> None:
    with pytest.raises(PalabreError) as error:
        clean_author(name)
    assert error.value.code == "nom_invalide"


@pytest.mark.parametrize(
    "name",
    ["Marie", "Zoé", "Jean-Pierre", "李雷", "أحمد", "Modeste", "Teamaker", "Supportrice des Bleus"],
)
def test_ordinary_names_still_pass(name: str) -> None:
    assert clean_author(name) == name


@pytest.mark.parametrize(
    "control", ["\u202e", "\u202d", "\u202a", "\u2066", "\u2067", "\u2068", "\u2069", "\u061c"]
)
def test_bidi_controls_are_removed_from_comments(
    client: TestClient, post: Poster, control: str
) -> None:
    assert clean_text(f"Prix {control}0001 euros", 100) == "Prix 0001 euros"
    posted = post(f"{CLEAN} {control}Fin.").json()
    assert control not in posted["comment"]["html"]
