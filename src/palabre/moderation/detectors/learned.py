"""The learned model as a detector: one finding per charter category whose calibrated
probability reaches the head's threshold (chosen on the dev split), with the words that
weighed most as evidence. The model is loaded on the first comment, never at import.

The overall `toxicite` head is not turned into findings: it confuses heated topics with a
toxic tone too often (see docs/model-card.md); it stays available through `analyse()`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Final

from palabre.moderation.findings import Category, CheckContext, DetectorOutput, Finding
from palabre.moderation.model.heads import HEAD_CATEGORY, HEAD_LABELS_FR

if TYPE_CHECKING:
    from palabre.moderation.charter import Charter
    from palabre.moderation.model.scorer import Analysis, ModerationModel

DETECTOR_NAME: Final = "modele-appris"


class LearnedDetector:
    """Detector protocol implementation around `palabre.moderation.model`."""

    name: str = DETECTOR_NAME
    categories: tuple[Category, ...] = ("haine", "violence", "insulte", "grossierete")

    def __init__(self, model_dir: Path | None = None, evidence_limit: int = 3) -> None:
        self._model_dir = model_dir
        self._evidence_limit = evidence_limit

    @property
    def model(self) -> ModerationModel:
        from palabre.moderation.model import load_model

        return load_model(self._model_dir)

    @property
    def model_version(self) -> str:
        """The version to record with every verdict this detector contributes to."""
        return self.model.version

    def detect(self, text: str, context: CheckContext, charter: Charter) -> DetectorOutput:
        model = self.model
        analysis = model.analyse(text)
        findings = [
            self._finding(model, analysis, head, category, analysis.scores[head])
            for head, category in HEAD_CATEGORY.items()
            if analysis.scores[head] >= model.threshold(head)
        ]
        return DetectorOutput(findings=tuple(findings))

    def _finding(
        self,
        model: ModerationModel,
        analysis: Analysis,
        head: str,
        category: Category,
        score: float,
    ) -> Finding:
        explanation = (
            f"Le modèle appris (version {model.version}) estime à {score:.0%} la probabilité "
            f"de {HEAD_LABELS_FR[head]} (seuil {model.threshold(head):.0%})."
        )
        spans = model.evidence(analysis, head, self._evidence_limit)
        return Finding(category, round(score, 4), spans, explanation, self.name)
