"""Names: a misspelled well-known name is a spelling fault with the right suggestion (found in
a frequency list, not in a hand list); an unknown rare name is not a fault."""

from __future__ import annotations

import pytest

from palabre.moderation.charter import default_charter
from palabre.moderation.quality.grammalecte_checker import get_checker
from palabre.moderation.quality.known_names import distance, misspelled_name


@pytest.mark.parametrize(
    ("word", "name"),
    [("Netanhyaou", "Netanyahou"), ("Nethanyaou", "Netanyahou"), ("Rothshild", "Rothschild")],
)
def test_misspelled_well_known_names_get_the_right_suggestion(word: str, name: str) -> None:
    assert misspelled_name(word, (), get_checker().is_valid) == name


@pytest.mark.parametrize("word", ["Pougala", "Tshiyoyo", "Mufoncol", "Caëlle", "Siluanov"])
def test_rare_unknown_names_are_not_faults(word: str) -> None:
    assert misspelled_name(word, (), get_checker().is_valid) is None


def test_the_sites_own_names_come_first() -> None:
    assert misspelled_name("Steimer", ("starmer",), get_checker().is_valid) == "Starmer"


def test_the_default_charter_lists_no_misspelled_names() -> None:
    assert default_charter().proper_names == ()


def test_distance_counts_transpositions_once() -> None:
    assert distance("rothshild", "rothschild", 2) == 1
    assert distance("ab", "ba", 2) == 1
    assert distance("abcdef", "uvwxyz", 2) == 3


def test_a_misspelled_name_in_a_comment_is_a_spelling_fault() -> None:
    from palabre.moderation.charter_engine import default_engine

    text = "Il faut dire que Netanhyaou a beaucoup changé depuis son élection."
    verdict = default_engine().check(text)
    fixes = [c for c in verdict.corrections if text[c.start : c.end] == "Netanhyaou"]
    assert fixes and fixes[0].suggestions[:1] == ("Netanyahou",)
    assert not [
        c
        for c in default_engine().check("Selon Pougala, la paix est proche.").corrections
        if "Pougala" in c.message or c.start == 6
    ]
