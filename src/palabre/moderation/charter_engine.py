"""The charter engine: runs every detector under guard, then lets `decide()` decide.

- Detection looks at the first `MAX_CHARS` characters only (20,000); a longer comment is held
  with a reason, so nothing unexamined is published.
- Each detector runs on a worker thread with a time budget (`budget_s`, 2 s; `first_budget_s`,
  30 s, for its first call, when it loads its data), and the whole check with
  `total_budget_s` (5 s) for warm detectors. An exception or an exceeded budget becomes
  a `DetectorFailure`, and the comment is held for a human. The engine never hangs on one.
- `scores` holds the best score of each of the eight categories; corrections and the language
  come from the language-quality detectors."""

from __future__ import annotations

import threading
import time
from functools import lru_cache

from palabre import __version__
from palabre.moderation.charter import Charter, default_charter
from palabre.moderation.decision import decide
from palabre.moderation.detectors import Detector, default_detectors
from palabre.moderation.findings import (
    CATEGORIES,
    Category,
    CheckContext,
    Correction,
    DetectorFailure,
    DetectorOutput,
    Finding,
)
from palabre.moderation.guard import Guard
from palabre.moderation.verdict import Verdict

ENGINE_VERSION = f"palabre-charte/{__version__}"
MAX_CHARS = 20_000
UNKNOWN_LANGUAGE = "und"


class InvalidCommentError(ValueError):
    """The text cannot be checked (empty, blank or not a string)."""


class CharterEngine:
    """Implements `ModerationEngine`: `check(text, context) -> Verdict`."""

    def __init__(
        self,
        charter: Charter,
        detectors: tuple[Detector, ...],
        budget_s: float = 2.0,
        first_budget_s: float = 30.0,
        total_budget_s: float = 5.0,
        workers: int = 1,
    ) -> None:
        self.charter = charter
        self.detectors = detectors
        self.budget_s = budget_s
        self.first_budget_s = first_budget_s
        self.total_budget_s = total_budget_s
        self._warm: set[str] = set()
        self._guard = Guard(workers)
        self._lock = threading.Lock()

    def _run(
        self, detector: Detector, text: str, context: CheckContext, deadline: float
    ) -> DetectorOutput | DetectorFailure:
        blame: Category = detector.categories[0] if detector.categories else "spam"
        if detector.name in self._warm:
            budget = min(self.budget_s, deadline - time.monotonic())
            if budget <= 0:
                return DetectorFailure(detector.name, blame, "délai global de l'examen dépassé")
        else:
            budget = self.first_budget_s
        try:
            output = self._guard.run(lambda: detector.detect(text, context, self.charter), budget)
        except TimeoutError:
            return DetectorFailure(detector.name, blame, f"délai de {budget:.1f} s dépassé")
        except Exception as exc:  # a detector bug must hold the comment, not crash the check
            return DetectorFailure(detector.name, blame, f"erreur {type(exc).__name__}")
        with self._lock:
            self._warm.add(detector.name)
        if not isinstance(output, DetectorOutput):
            return DetectorFailure(detector.name, blame, "réponse invalide")
        return output

    def _version(self) -> str:
        """The engine version, plus the version of each warm detector that has a model
        (e.g. `palabre-charte/0.1.0 modele-appris=fr-2026.11.21`), for the audit trail."""
        parts = [ENGINE_VERSION]
        for detector in self.detectors:
            if detector.name not in self._warm:
                continue
            try:
                version = getattr(detector, "model_version", None)
            except Exception:  # a version we cannot read is simply not recorded
                version = None
            if isinstance(version, str) and version:
                parts.append(f"{detector.name}={version}")
        return " ".join(parts)

    def check(self, text: str, context: CheckContext | None = None) -> Verdict:
        if not isinstance(text, str) or not text.strip():
            raise InvalidCommentError("Le commentaire est vide : il n'y a rien à examiner.")
        context = context or CheckContext(proper_names=self.charter.proper_names)
        examined = text[:MAX_CHARS]
        findings: list[Finding] = []
        failures: list[DetectorFailure] = []
        corrections: list[Correction] = []
        language: str | None = None
        extra_scores: list[tuple[Category, float]] = []
        deadline = time.monotonic() + self.total_budget_s
        for detector in self.detectors:
            result = self._run(detector, examined, context, deadline)
            if isinstance(result, DetectorFailure):
                failures.append(result)
                continue
            findings.extend(result.findings)
            corrections.extend(result.corrections)
            extra_scores.extend(result.scores)
            language = language or result.language
        if len(text) > MAX_CHARS:
            failures.append(
                DetectorFailure(
                    "moteur",
                    "spam",
                    f"commentaire de {len(text)} caractères, seuls les "
                    f"{MAX_CHARS} premiers ont été examinés",
                )
            )
        decision = decide(findings, failures, self.charter)
        scores: dict[Category, float] = dict.fromkeys(CATEGORIES, 0.0)
        for f in findings:
            scores[f.category] = max(scores[f.category], f.score)
        for category, value in extra_scores:
            scores[category] = max(scores[category], value)
        return Verdict(
            decision=decision.action,
            reasons=decision.reasons,
            scores=scores,
            language=language or UNKNOWN_LANGUAGE,
            corrections=tuple(sorted(corrections, key=lambda c: (c.start, c.end))),
            engine_version=self._version(),
            charter_version=self.charter.version,
        )


def build_engine(charter: Charter | None = None, include_optional: bool = True) -> CharterEngine:
    """An engine for `charter` (default charter if None) with the registered detectors."""
    return CharterEngine(charter or default_charter(), default_detectors(include_optional))


@lru_cache(maxsize=1)
def default_engine() -> CharterEngine:
    """The engine for the shipped default charter, built once (lazily, never at import)."""
    return build_engine()
