"""The learned model as a detector.

Each charter head (haine, violence, insulte, grossierete) gives a finding when its calibrated
probability `p` reaches the head's operating threshold `t` (chosen on the dev split for the
engine's decisions). The general `toxicite` head gives a finding too, filed under the charter
category its sub-heads find closest, so that toxic comments that fit no single head are not
published unseen.

A probability is put on the charter's scale so that the head's operating point lands on the
default charter's « retenir » (0.45): below `t`, `0.45 · p / t`; above, up to 0.74. The model
alone therefore holds for a human and never rejects: rejections need a rule that names the
offence. The evidence is the words that weighed most, never a link, an @mention or a
function word."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Final

from palabre.moderation.detectors._speech import blank_for_model
from palabre.moderation.findings import Category, CheckContext, DetectorOutput, Finding, Span
from palabre.moderation.model.gates import allowed_heads
from palabre.moderation.model.heads import HEAD_CATEGORY, HEAD_LABELS_FR

if TYPE_CHECKING:
    from palabre.moderation.charter import Charter
    from palabre.moderation.model.scorer import Analysis, ModerationModel

DETECTOR_NAME: Final = "modele-appris"
TOXICITY: Final = "toxicite"
HOLD_POINT: Final = 0.45
MODEL_CEILING: Final = 0.74


def hold_point(category: Category) -> float:
    """The default charter's « retenir » for `category` (0.45 when it has none)."""
    from palabre.moderation.charter import default_charter

    threshold = default_charter().thresholds.get(category)
    return threshold.hold if threshold is not None else HOLD_POINT


def charter_scale(probability: float, threshold: float, hold: float = HOLD_POINT) -> float:
    """The model's probability on the charter's scale (see the module docstring)."""
    threshold = min(max(threshold, 1e-6), 1 - 1e-6)
    if probability < threshold:
        return hold * probability / threshold
    above = (probability - threshold) / (1 - threshold)
    return min(MODEL_CEILING, hold + (MODEL_CEILING - hold) * above)


def sentence_span(text: str, limit: int = 200) -> tuple[Span, ...]:
    """The first sentence (at most `limit` characters): the evidence when no single word
    carried the model's judgement."""
    start = len(text) - len(text.lstrip())
    end = start
    while end < len(text) and end - start < limit:
        end += 1
        if text[end - 1] in ".!?\n" and end - start > 10:
            break
    piece = text[start:end].rstrip()
    return (Span(start, start + len(piece), piece),) if piece else ()


def _percent(value: float) -> str:
    return f"{value * 100:.0f}\u00a0%"


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
        shown = blank_for_model(text)
        analysis = model.analyse(shown)
        allowed = allowed_heads(shown)  # a violent word in a condemned quotation opens nothing
        findings = [
            self._head_finding(model, analysis, head, category)
            for head, category in HEAD_CATEGORY.items()
            if analysis.scores[head] >= model.threshold(head) and head in allowed
        ]
        if (
            TOXICITY in analysis.scores
            and analysis.scores[TOXICITY] >= model.threshold(TOXICITY)
            and TOXICITY in allowed
        ):
            findings.append(self._toxicity_finding(model, analysis))
        scores = tuple(
            (category, round(charter_scale(p, model.threshold(h), hold_point(category)), 4))
            for h, category in HEAD_CATEGORY.items()
            if (p := analysis.scores[h]) > 0 and h in allowed
        )
        if TOXICITY in analysis.scores and TOXICITY in allowed:
            closest = self._closest(model, analysis)
            p = analysis.scores[TOXICITY]
            scale = charter_scale(p, model.threshold(TOXICITY), hold_point(HEAD_CATEGORY[closest]))
            scores += ((HEAD_CATEGORY[closest], round(scale, 4)),)
        return DetectorOutput(findings=tuple(findings), scores=scores)

    def _head_finding(
        self, model: ModerationModel, analysis: Analysis, head: str, category: Category
    ) -> Finding:
        probability, threshold = analysis.scores[head], model.threshold(head)
        explanation = (
            f"Le modèle appris (version {model.version}) estime à {_percent(probability)} la "
            f"probabilité d’un propos relevant de la catégorie « {HEAD_LABELS_FR[head]} » "
            f"(seuil\u00a0: {_percent(threshold)})."
        )
        spans = model.evidence(analysis, head, self._evidence_limit) or sentence_span(analysis.text)
        score = round(charter_scale(probability, threshold, hold_point(category)), 4)
        return Finding(category, score, spans, explanation, self.name)

    @staticmethod
    def _closest(model: ModerationModel, analysis: Analysis) -> str:
        """The charter head nearest to its own threshold, among the heads the text's words
        allow (never « violence » without a violent word)."""
        allowed = allowed_heads(analysis.text)
        heads = [h for h in HEAD_CATEGORY if h in allowed] or ["insulte"]
        return max(heads, key=lambda h: analysis.scores[h] / max(model.threshold(h), 1e-6))

    def _toxicity_finding(self, model: ModerationModel, analysis: Analysis) -> Finding:
        probability, threshold = analysis.scores[TOXICITY], model.threshold(TOXICITY)
        head = self._closest(model, analysis)
        explanation = (
            f"Le modèle appris (version {model.version}) juge ce commentaire toxique "
            f"({_percent(probability)}, seuil\u00a0: {_percent(threshold)}) ; la catégorie la "
            f"plus proche est « {HEAD_LABELS_FR[head]} »."
        )
        spans = model.evidence(analysis, TOXICITY, self._evidence_limit) or sentence_span(
            analysis.text
        )
        category = HEAD_CATEGORY[head]
        score = round(charter_scale(probability, threshold, hold_point(category)), 4)
        return Finding(category, score, spans, explanation, self.name)
