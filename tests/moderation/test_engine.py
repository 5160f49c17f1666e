"""The charter engine: guarded detectors, failures hold, scores for all categories."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from palabre.moderation.charter import Charter, default_charter
from palabre.moderation.charter_engine import (
    MAX_CHARS,
    CharterEngine,
    InvalidCommentError,
    build_engine,
    default_engine,
)
from palabre.moderation.engine import ModerationEngine
from palabre.moderation.findings import (
    CATEGORIES,
    Category,
    CheckContext,
    Correction,
    DetectorOutput,
    Finding,
    Span,
)


class Fixed:
    name = "fixe"
    categories: tuple[Category, ...] = ("insulte",)

    def __init__(self, score: float) -> None:
        self.score = score

    def detect(self, text: str, context: CheckContext, charter: Charter) -> DetectorOutput:
        span = Span(0, 1, text[:1])
        return DetectorOutput(
            findings=(Finding("insulte", self.score, (span,), "test", self.name),),
            corrections=(Correction(0, 1, "faute", ("x",)),),
            language="fr",
        )


class Broken:
    name = "casse"
    categories: tuple[Category, ...] = ("haine",)

    def detect(self, text: str, context: CheckContext, charter: Charter) -> DetectorOutput:
        raise RuntimeError("boum")


class Slow:
    name = "lent"
    categories: tuple[Category, ...] = ("violence",)

    def detect(self, text: str, context: CheckContext, charter: Charter) -> DetectorOutput:
        time.sleep(5)
        return DetectorOutput()


def engine(*detectors: object) -> CharterEngine:
    return CharterEngine(default_charter(), detectors, budget_s=0.2, first_budget_s=0.2)  # type: ignore[arg-type]


def test_engine_is_a_moderator() -> None:
    moderator: ModerationEngine = default_engine()
    assert moderator.check("Bonjour").decision == "publish"


def test_scores_cover_all_categories_and_versions_are_set() -> None:
    verdict = engine(Fixed(0.9)).check("abc")
    assert set(verdict.scores) == set(CATEGORIES)
    assert verdict.scores["insulte"] == 0.9
    assert verdict.decision == "reject"
    assert verdict.language == "fr"
    assert verdict.corrections[0].message == "faute"
    assert verdict.engine_version and verdict.charter_version == default_charter().version
    assert set(verdict.as_dict()) >= {"decision", "reasons", "scores", "language", "corrections"}


def test_exception_becomes_failure_and_holds() -> None:
    verdict = engine(Fixed(0.0), Broken()).check("abc")
    assert verdict.decision == "hold"
    assert "casse" in verdict.reasons[0].explanation


def test_timeout_becomes_failure_and_holds() -> None:
    started = time.perf_counter()
    verdict = engine(Slow()).check("abc")
    assert time.perf_counter() - started < 2
    assert verdict.decision == "hold"
    assert "délai" in verdict.reasons[0].explanation


@pytest.mark.parametrize("text", ["", "   \n"])
def test_empty_text_is_refused(text: str) -> None:
    with pytest.raises(InvalidCommentError, match="vide"):
        default_engine().check(text)


def test_long_text_is_truncated_and_held() -> None:
    text = "Bonjour à tous. " * (MAX_CHARS // 10)
    started = time.perf_counter()
    verdict = default_engine().check(text)
    assert time.perf_counter() - started < 5
    assert verdict.decision == "hold"
    assert any("premiers" in r.explanation for r in verdict.reasons)


def test_pathological_input_does_not_hang() -> None:
    text = ("a " * 5000) + ("!" * 5000) + ("c o n " * 1000)
    moderator = default_engine()
    moderator.check("Premier commentaire, qui charge les données.")
    started = time.perf_counter()
    moderator.check(text)
    assert time.perf_counter() - started < moderator.total_budget_s + 2


def test_a_stuck_detector_does_not_block_later_checks() -> None:
    moderator = engine(Slow(), Fixed(0.0))
    for _ in range(3):
        started = time.perf_counter()
        verdict = moderator.check("abc")
        assert time.perf_counter() - started < 1
        assert verdict.decision == "hold"


CORE = build_engine(include_optional=False)
SAMPLES = st.text(
    alphabet=st.sampled_from(list("aeiouyconardpéèàçôsl0134@$! .,'’«»\"()-\n\u200bсо*")),
    min_size=1,
    max_size=80,
).filter(lambda t: t.strip() != "")


@settings(max_examples=150, deadline=None)
@given(SAMPLES)
def test_evidence_always_indexes_the_original(text: str) -> None:
    verdict = CORE.check(text)
    for reason in verdict.reasons:
        for span in reason.spans:
            assert 0 <= span.start <= span.end <= len(text)
            assert text[span.start : span.end] == span.text
    assert verdict.decision in {"publish", "hold", "reject"}


class Sleepy:
    categories: tuple[Category, ...] = ("spam",)

    def __init__(self, name: str, seconds: float) -> None:
        self.name = name
        self.seconds = seconds

    def detect(self, text: str, context: CheckContext, charter: Charter) -> DetectorOutput:
        time.sleep(self.seconds)
        return DetectorOutput()


def test_the_whole_check_has_a_budget() -> None:
    detectors = (Sleepy("un", 0.2), Sleepy("deux", 0.2), Sleepy("trois", 0.2))
    moderator = CharterEngine(
        default_charter(), detectors, budget_s=1.0, first_budget_s=1.0, total_budget_s=0.3
    )
    assert moderator.check("abc").decision == "publish"  # first calls: loading allowed
    started = time.perf_counter()
    verdict = moderator.check("abc")
    assert time.perf_counter() - started < 0.6
    assert verdict.decision == "hold"
    assert any("global" in r.explanation for r in verdict.reasons)


def test_concurrent_checks_agree_with_sequential_ones() -> None:
    from concurrent.futures import ThreadPoolExecutor

    texts = ["Espèce de connard !", "Bonjour à tous", "il faut le tuer", "sale bougnoule"] * 10
    expected = [CORE.check(t).decision for t in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(lambda t: CORE.check(t).decision, texts))
    assert got == expected
