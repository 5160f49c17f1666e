"""The normaliser: folding, leetspeak, stretched and spaced-out letters, offsets kept."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from palabre.moderation.normalize import fold, normalize, squeeze, unleet, words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Espèce de CONNARD", "espece de connard"),
        ("c0nn@rd", "connard"),
        ("5@l0p3", "salope"),
        ("сonnard", "connard"),  # Cyrillic с
        ("bou\u200bffon", "bouffon"),  # zero-width space
        ("\u202ebouffon", "bouffon"),  # bidi override
        ("ＣＯＮＮＡＲＤ", "connard"),  # full width
        ("80 % en 2025", "80 % en 2025"),  # numbers alone are not leet
    ],
)
def test_normalize_examples(text: str, expected: str) -> None:
    assert normalize(text) == expected


def test_squeeze_and_unleet() -> None:
    assert squeeze("connaaaard") == squeeze("connard") == "conard"
    assert unleet("2025") == "2025"


@pytest.mark.parametrize("text", ["c o n n a r d", "c.o.n.n.a.r.d", "c-o-n-n-a-r-d"])
def test_spaced_letters_are_joined(text: str) -> None:
    joined = [w for w in words(fold(text)) if w.joined]
    assert [w.form for w in joined] == ["connard"]
    assert text[joined[0].start : joined[0].end] == text


def test_word_offsets_index_the_original() -> None:
    text = "Ça, c'est un ﬁchu C0NN@RD\u200b !"
    for w in words(fold(text)):
        assert 0 <= w.start < w.end <= len(text)
    forms = {w.form: text[w.start : w.end] for w in words(fold(text))}
    assert forms["connard"] == "C0NN@RD"
    assert forms["fichu"] == "ﬁchu"


TEXTS = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=60)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_folded_offsets_stay_in_range(text: str) -> None:
    folded = fold(text)
    assert len(folded.starts) == len(folded.ends) == len(folded.text)
    assert all(0 <= s < e <= len(text) for s, e in zip(folded.starts, folded.ends, strict=True))
    assert list(folded.starts) == sorted(folded.starts)
    for w in words(folded):
        assert 0 <= w.start < w.end <= len(text)


LATIN = st.text(alphabet="abcdeéèêàçôùïœABCÉÈ0134@$57 .-'!|\u200bсоа", max_size=60)


@settings(max_examples=300, deadline=None)
@given(LATIN)
def test_normalize_is_idempotent_on_latin_text(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@settings(max_examples=200, deadline=None)
@given(LATIN)
def test_fold_is_idempotent(text: str) -> None:
    once = fold(text).text
    assert fold(once).text == once
