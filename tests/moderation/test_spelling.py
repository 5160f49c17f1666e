"""The `orthographe` detector with the real Grammalecte: seed errors, names, accents,
English quotations, offsets, scores of clean and faulty comments."""

from __future__ import annotations

import pytest

from palabre.demo.seeds import load_seed
from palabre.moderation.charter import Charter, default_charter
from palabre.moderation.detectors.base import Detector
from palabre.moderation.detectors.spelling import SpellingDetector, quality_settings
from palabre.moderation.findings import CheckContext, DetectorOutput
from palabre.moderation.quality.issues import rate_score
from spelling_cases import (
    CLEAN_SEEDS,
    SEED_ERRORS,
    SEED_MISSPELLED_NAMES,
    SEED_NAMES,
    found,
    occurrences,
)

pytest.importorskip("grammalecte", reason="optional language-quality dependency")

SEEDS = {c.id: c.text for seed in ("seed-000", "seed-003") for c in load_seed(seed).comments}
DETECTOR = SpellingDetector()


def bare_charter(strictness: str = "normale") -> Charter:
    return Charter(version="t", name="t", clauses=(), thresholds={}, language_strictness=strictness)  # type: ignore[arg-type]


def check(text: str, strictness: str = "normale", names: tuple[str, ...] = ()) -> DetectorOutput:
    return DETECTOR.detect(text, CheckContext(proper_names=names), bare_charter(strictness))


def spans_of(out: DetectorOutput) -> list[tuple[int, int]]:
    return [(s.start, s.end) for f in out.findings for s in f.spans]


def top_score(out: DetectorOutput) -> float:
    return max((f.score for f in out.findings), default=0.0)


def test_is_a_detector() -> None:
    assert isinstance(DETECTOR, Detector)
    assert DETECTOR.categories == ("orthographe",)


def test_seed_errors_are_found() -> None:
    outputs = {cid: check(SEEDS[cid]) for cid in {cid for cid, _ in SEED_ERRORS}}
    missed = [
        (cid, err) for cid, err in SEED_ERRORS if not found(SEEDS[cid], err, spans_of(outputs[cid]))
    ]
    assert len(missed) <= len(SEED_ERRORS) // 10, missed


@pytest.mark.parametrize("charter_names", [False, True])
def test_proper_names_are_not_errors(charter_names: bool) -> None:
    charter = default_charter() if charter_names else bare_charter()
    for cid, name in SEED_NAMES:
        text = SEEDS[cid]
        out = DETECTOR.detect(text, CheckContext(), charter)
        reported = spans_of(out) + [(c.start, c.end) for c in out.corrections]
        assert not any(found(text, name, [span]) for span in reported), (cid, name)


@pytest.mark.parametrize("charter_names", [False, True])
def test_misspelled_well_known_names_are_errors_with_the_right_suggestion(
    charter_names: bool,
) -> None:
    charter = default_charter() if charter_names else bare_charter()
    for cid, name, right in SEED_MISSPELLED_NAMES:
        text = SEEDS[cid]
        out = DETECTOR.detect(text, CheckContext(), charter)
        fixes = [c for c in out.corrections if text[c.start : c.end] == name]
        assert fixes and fixes[0].suggestions[:1] == (right,), (cid, name)


def test_context_names_are_not_errors() -> None:
    text = "Oreshnik est arrivé hier soir. Les gens parlent de oreshnik partout."
    assert "Oreshnik" in [c.suggestions[0] for c in check(text, names=("Oreshnik",)).corrections]
    assert not any(
        text[c.start : c.end] == "Oreshnik" for c in check(text, names=("Oreshnik",)).corrections
    )


def test_misspelled_word_at_sentence_start_is_an_error() -> None:
    out = check("Calui qui a dit cela se trompe.")
    assert [(c.start, c.end) for c in out.corrections] == [(0, 5)]


def test_unknown_capitalised_word_at_sentence_start_is_a_name() -> None:
    assert check("Juventus et Lyon ont gagné hier soir.").corrections == ()
    assert check("Chimaev va gagner ce soir, à mon avis.").corrections == ()


def test_accentless_text_is_reported_as_such() -> None:
    out = check(SEEDS["003-7"])
    accentless = [f for f in out.findings if "sans accents" in f.explanation]
    assert accentless and accentless[0].score >= 0.6
    words = {s.text for s in accentless[0].spans}
    assert {"ete", "Ca", "Amerique", "negocier", "deja"} & words >= {"ete", "Ca", "Amerique"}


def test_accentless_sentence() -> None:
    text = "Il a ete explique que l'Amerique etait deja la, mais ca ne change rien a l'affaire."
    out = check(text)
    assert any("sans accents" in f.explanation for f in out.findings)
    fixes = {text[c.start : c.end]: c.suggestions for c in out.corrections}
    assert fixes["ete"][0] == "été"
    assert fixes["Amerique"][0] == "Amérique"
    assert fixes["deja"][0] == "déjà"


def test_english_quotation_is_not_french_misspelling() -> None:
    text = SEEDS["3553823"]
    quote = occurrences(text, "I don’t want people to die")[0]
    assert not any(s < quote[1] and quote[0] < e for s, e in spans_of(check(text)))
    text4 = SEEDS["000-4"]
    start = text4.index("« Putin")
    end = text4.index("button? »") + 9
    assert not any(s < end and start < e for s, e in spans_of(check(text4)))


def test_links_mentions_hashtags_numbers_are_skipped() -> None:
    text = (
        "Voir https://exemple.fr/artcle-trop-lnog et @jeanmichl sur #Poutinne "
        "avec 12,5 % de 3e votes. :rire: :hap:"
    )
    assert check(text).findings == ()


def test_corrections_offsets_point_at_the_error() -> None:
    for cid, text in SEEDS.items():
        out = check(text, "stricte")
        for c in out.corrections:
            assert 0 <= c.start < c.end <= len(text), cid
            assert text[c.start : c.end].strip(), cid
        for f in out.findings:
            for s in f.spans:
                assert text[s.start : s.end] == s.text, cid
    generous = SpellingDetector(suggestion_budget_ms=1000)  # the default budget depends on load
    out = generous.detect(SEEDS["3553823"], CheckContext(), bare_charter())
    by_word = {SEEDS["3553823"][c.start : c.end]: c for c in out.corrections}
    assert by_word["meurrent"].suggestions[0] == "meurent"
    assert by_word["ce"].suggestions == ("se",)


@pytest.mark.parametrize("cid", CLEAN_SEEDS)
@pytest.mark.parametrize("strictness", ["souple", "normale", "stricte"])
def test_clean_seeds_are_not_held(cid: str, strictness: str) -> None:
    assert top_score(check(SEEDS[cid], strictness)) < 0.5
    if strictness != "stricte":
        assert top_score(check(SEEDS[cid], strictness)) < 0.3


def test_faulty_seeds_score_high() -> None:
    assert top_score(check(SEEDS["3553823"])) >= 0.6
    assert top_score(check(SEEDS["003-7"])) >= 0.6
    assert top_score(check(SEEDS["003-8"])) >= 0.5
    assert top_score(check(SEEDS["3553816"], "stricte")) >= 0.5


def test_default_charter_holds_the_seeds_it_must() -> None:
    charter = default_charter()
    hold = charter.thresholds["orthographe"].hold
    for cid in ("3553816", "3553823", "003-7", "003-8"):
        out = DETECTOR.detect(SEEDS[cid], CheckContext(), charter)
        assert top_score(out) >= hold, cid
    for cid in CLEAN_SEEDS:
        assert top_score(DETECTOR.detect(SEEDS[cid], CheckContext(), charter)) < hold, cid


def test_score_curve() -> None:
    assert rate_score(0) == 0.0
    assert rate_score(0.5) < rate_score(1) < 0.3
    assert rate_score(4) >= 0.6
    assert rate_score(10) > 0.9
    assert rate_score(1, "stricte") > rate_score(1, "normale") > rate_score(1, "souple")


def test_explanation_lists_errors_in_french() -> None:
    (finding,) = check(
        "Poutine arait dû faire planer un missile, juste pour la répartie !"
    ).findings
    assert "« arait »" in finding.explanation and "pour 100 mots" in finding.explanation
    assert finding.category == "orthographe" and finding.detector == "orthographe"


def test_shouting_in_capitals() -> None:
    out = check("C'EST UNE HONTE TOTALE, CE GOUVERNEMENT NE FAIT RIEN POUR NOUS !")
    shouting = [f for f in out.findings if "majuscules" in f.explanation]
    assert shouting and 0.2 <= shouting[0].score < 0.5
    assert not any("majuscules" in f.explanation for f in check(SEEDS["003-4"]).findings)


def test_foreign_text_is_left_to_the_language_detector() -> None:
    assert check("Das ist eine sehr schlechte Nachricht für Europa und die Ukraine.").findings == ()


def test_long_comment_is_checked_up_to_max_words() -> None:
    text = ("Le gouvernement a annoncé des mesures nouvelles. " * 20) + "Il a ete explique."
    assert check(text).findings
    assert DETECTOR.check(text, quality_settings(max_words=50)).findings == ()
    out = SpellingDetector(max_words=50).detect(text, CheckContext(), bare_charter())
    assert out.findings == () and out.corrections == ()


def test_empty_and_tiny_texts() -> None:
    assert check("").findings == ()
    assert check("👍").findings == ()
    assert check("OK").findings == ()
