"""No spurious evidence: mentions, links and function words never carry a harm score or an
evidence span, and every harm reason shows the words (or the sentence) that carried it."""

from __future__ import annotations

import pytest

from palabre.moderation.charter_engine import default_engine
from palabre.moderation.detectors.learned import LearnedDetector
from palabre.moderation.findings import CheckContext
from palabre.moderation.model.normalise import blank_links_and_mentions, tokenise
from palabre.moderation.model.scorer import FUNCTION_WORDS

HARMFUL = [
    "@user t'es vraiment qu'un pauvre con, ferme ta gueule",
    "Les Roms sont tous des voleurs, https://exemple.fr/article",
    "Bande de parasites, retournez dans votre pays",
    "je vais te faire la peau @Jean",
    "Ces gens-là ne s'intégreront jamais, tout le monde le sait.",
]


def test_links_and_mentions_are_not_tokens() -> None:
    text = "@user tu es nul https://x.fr/a?b=1 @Jean_D www.truc.com fin"
    assert [t.text for t in tokenise(text)] == ["tu", "es", "nul", "fin"]
    assert len(blank_links_and_mentions(text)) == len(text)


@pytest.mark.parametrize("text", HARMFUL)
def test_harm_evidence_is_never_a_mention_a_link_or_a_function_word(text: str) -> None:
    verdict = default_engine().check(text)
    harm = [r for r in verdict.reasons if r.category in ("haine", "violence", "insulte")]
    assert harm, text
    for reason in harm:
        assert reason.spans, (text, reason.explanation)
        for span in reason.spans:
            assert text[span.start : span.end] == span.text
            assert not span.text.startswith(("@", "http", "www"))
            assert span.text.lower() not in FUNCTION_WORDS


def test_benign_tweets_with_mentions_are_published() -> None:
    for text in (
        "@user @user merci pour l'info, bonne journée à vous",
        "@user ton article est super, je le partage https://t.co/abc",
        "RT @user: les résultats du match de ce soir",
    ):
        verdict = default_engine().check(text)
        harm = [r for r in verdict.reasons if r.category in ("haine", "insulte", "violence")]
        assert not harm, (text, [r.explanation for r in harm])


def test_model_evidence_skips_function_words() -> None:
    detector = LearnedDetector()
    output = detector.detect("ton avis on s'en fout, t'es un abruti", CheckContext(), None)  # type: ignore[arg-type]
    spans = [s.text.lower() for f in output.findings for s in f.spans]
    assert spans and not set(spans) & FUNCTION_WORDS
