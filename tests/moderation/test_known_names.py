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


def _table_distance(a: str, b: str) -> int:
    """The optimal string alignment distance, the whole table, no shortcut."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


def test_distance_shortcuts_give_the_full_tables_answer() -> None:
    """The shortcuts (lengths, then the letters each word lacks) only answer « more than
    `limit` » where the full table says so; within `limit`, the distance is exact."""
    import random

    draw = random.Random(7)
    for _ in range(20_000):
        a = "".join(draw.choice("abcdé") for _ in range(draw.randint(0, 7)))
        b = "".join(draw.choice("abcdé") for _ in range(draw.randint(0, 7)))
        if draw.random() < 0.5 and a:
            i = draw.randrange(len(a))
            b = a[:i] + draw.choice("abcdéf") + a[i + 1 :]
        limit = draw.choice((1, 2))
        full, quick = _table_distance(a, b), distance(a, b, limit)
        assert (quick <= limit) == (full <= limit), (a, b, limit)
        if full <= limit:
            assert quick == full, (a, b, limit)
