"""The `langue` detector (lingua, restricted languages)."""

from __future__ import annotations

import pytest

from palabre.demo.seeds import load_seed
from palabre.moderation.charter import default_charter
from palabre.moderation.detectors.base import Detector
from palabre.moderation.detectors.language import LanguageDetector
from palabre.moderation.findings import CheckContext

pytest.importorskip("lingua", reason="optional language-quality dependency")

DETECTOR = LanguageDetector()
SEEDS = {c.id: c.text for seed in ("seed-000", "seed-003") for c in load_seed(seed).comments}


def test_is_a_detector() -> None:
    assert isinstance(DETECTOR, Detector)
    out = DETECTOR.detect(SEEDS["000-1"], CheckContext(), default_charter())
    assert out.language == "fr" and out.findings == ()


@pytest.mark.parametrize("cid", sorted(SEEDS))
def test_seed_comments_are_french(cid: str) -> None:
    out = DETECTOR.check(SEEDS[cid])
    assert out.findings == ()
    assert out.language in ("fr", "und")


def test_french_with_english_quotation_stays_french() -> None:
    assert DETECTOR.check(SEEDS["000-4"]).language == "fr"
    assert DETECTOR.check(SEEDS["3553823"]).language == "fr"


@pytest.mark.parametrize(
    ("text", "code", "name"),
    [
        ("I think this summit was a complete failure for everyone involved.", "en", "anglais"),
        ("Das ist eine sehr schlechte Nachricht für Europa und die Ukraine.", "de", "allemand"),
        ("Esta cumbre fue un fracaso total para todos los participantes.", "es", "espagnol"),
    ],
)
def test_foreign_comment_gets_a_finding(text: str, code: str, name: str) -> None:
    out = DETECTOR.check(text)
    assert out.language == code
    (finding,) = out.findings
    assert finding.category == "langue" and finding.score >= 0.6
    assert name in finding.explanation
    assert all(text[s.start : s.end] == s.text for s in finding.spans)


@pytest.mark.parametrize("text", ["", "ok", "Trump Poutine", "👍👍 https://x.com @bob", "lol 😂"])
def test_short_text_is_undetermined(text: str) -> None:
    out = DETECTOR.check(text)
    assert out.language == "und" and out.findings == ()


def test_mostly_french_comment_with_english_paragraph() -> None:
    text = (
        "Je trouve que cet article résume très bien la situation en Ukraine.\n"
        "Comme dirait l'autre : keep calm and carry on.\n"
        "Les négociations vont durer encore longtemps, à mon avis."
    )
    out = DETECTOR.check(text)
    assert out.language == "fr" and out.findings == ()


def test_mostly_english_comment() -> None:
    text = (
        "This is exactly what I said last week about the summit.\n"
        "Nobody in Europe wants to admit it, but the war is lost.\n"
        "Bref, tout est dit."
    )
    out = DETECTOR.check(text)
    assert out.language == "en"
    assert out.findings and out.findings[0].spans


@pytest.mark.parametrize(
    "text",
    [
        "non trop simple",
        "oui papa tqt j'arreterai pas",
        "woah c'est nul",
        "Et tout ça, en évinçant le gang Rothshild, on y verra plus clair.",
    ],
)
def test_short_french_that_the_light_mode_misses_stays_french(text: str) -> None:
    """lingua's light mode (16 MB instead of 218) gives these to another language; their
    French words keep them French (eval/language_eval.py measures the whole trade)."""
    from palabre.moderation.detectors.language import LanguageIdentifier

    assert LanguageIdentifier().identify(text)[0] != "fr"
    out = DETECTOR.check(text)
    assert out.language == "fr" and out.findings == ()
