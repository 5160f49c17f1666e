"""Evidence marking: everything escaped, spans checked against the text, overlaps merged."""

from __future__ import annotations

from palabre.review.highlight import correction_marks, evidence_marks, highlight


def _reason(
    *spans: list[object], clause: str = "c1", category: str = "insulte"
) -> dict[str, object]:
    return {"clause": clause, "category": category, "spans": list(spans)}


def test_spans_become_marks_and_the_rest_is_escaped() -> None:
    text = "<b>Quel</b> bouffon & co"
    marks = evidence_marks(text, [_reason([12, 19, "bouffon"])])
    assert str(highlight(text, marks)) == (
        '&lt;b&gt;Quel&lt;/b&gt; <mark class="m-harm" title="c1 · insulte">bouffon</mark> &amp; co'
    )


def test_spans_that_do_not_match_the_text_are_found_again_or_dropped() -> None:
    text = "Un vrai bouffon."
    shifted = evidence_marks(text, [_reason([0, 7, "bouffon"])])
    assert (
        str(highlight(text, shifted))
        == 'Un vrai <mark class="m-harm" title="c1 · insulte">bouffon</mark>.'
    )
    absurd = evidence_marks(
        text, [_reason([5, 500, "zzz"]), _reason(["a", "b"]), _reason([3, 1, ""])]
    )
    assert absurd == [] and str(highlight(text, absurd)) == "Un vrai bouffon."


def test_overlapping_evidence_is_merged_and_corrections_never_split_it() -> None:
    text = "espèce de gros naze"
    marks = evidence_marks(
        text, [_reason([10, 14, "gros"]), _reason([10, 19, "gros naze"], clause="c2")]
    )
    marks += correction_marks(
        text,
        [
            {"start": 15, "end": 19, "message": "m", "suggestions": []},
            {"start": 0, "end": 6, "message": "accent", "suggestions": ["espece"]},
        ],
    )
    html = str(highlight(text, marks))
    assert html.count("<mark") == 1
    assert '<mark class="m-harm" title="c1 · insulte / c2 · insulte">gros naze</mark>' in html
    assert '<span class="fix" title="accent → espece">espèce</span>' in html


def test_a_title_cannot_break_out_of_its_attribute() -> None:
    text = "mot"
    html = str(highlight(text, evidence_marks(text, [_reason([0, 3, "mot"], clause='"><script>')])))
    assert "<script>" not in html and "&#34;&gt;&lt;script&gt;" in html


def test_harm_wins_over_spelling_and_each_kind_has_its_class() -> None:
    text = "invasion migratoire et fotes"
    marks = evidence_marks(
        text,
        [
            _reason([0, 8, "invasion"], clause="bon-francais", category="orthographe"),
            _reason([0, 19, "invasion migratoire"], clause="racisme-loi", category="haine"),
            _reason([23, 28, "fotes"], clause="bon-francais", category="orthographe"),
        ],
    )
    html = str(highlight(text, marks))
    assert '<mark class="m-harm" title="racisme-loi · haine">invasion migratoire</mark>' in html
    assert '<mark class="m-spelling" title="bon-francais · orthographe">fotes</mark>' in html
    assert html.count("<mark") == 2
