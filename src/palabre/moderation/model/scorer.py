"""Scoring with the learned model: pure numpy, no pickle, no download.

For each head h: z = w_h · x + b_h, then a calibrated probability p = σ(a_h z + c_h) (Platt
scaling fitted on the dev split). A head "fires" when p ≥ its threshold, chosen on dev."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import numpy as np
import numpy.typing as npt

from palabre.moderation.findings import Span
from palabre.moderation.model.features import FeatureConfig, Features, extract, weigh

_EVIDENCE_FLOOR: Final = 1e-3


@dataclass(frozen=True, slots=True)
class HeadParams:
    """Calibration and operating point of one head."""

    name: str
    platt_a: float
    platt_b: float
    threshold: float


@dataclass(frozen=True, slots=True)
class Analysis:
    """The model's view of one text: calibrated probability per head, and the features
    needed to explain a head."""

    text: str
    scores: dict[str, float]
    features: Features
    values: npt.NDArray[np.float32]


class ModerationModel:
    """A loaded model. Build it with `palabre.moderation.model.load_model()`."""

    def __init__(
        self,
        version: str,
        config: FeatureConfig,
        weights: npt.NDArray[np.float32],
        bias: npt.NDArray[np.float32],
        idf: npt.NDArray[np.float32],
        heads: tuple[HeadParams, ...],
    ) -> None:
        self.version = version
        self.config = config
        self.heads = heads
        self._weights = weights
        self._bias = bias
        self._idf = idf
        self._platt_a = np.asarray([h.platt_a for h in heads], dtype=np.float64)
        self._platt_b = np.asarray([h.platt_b for h in heads], dtype=np.float64)

    @property
    def head_names(self) -> tuple[str, ...]:
        return tuple(head.name for head in self.heads)

    def threshold(self, head: str) -> float:
        return self.heads[self.head_names.index(head)].threshold

    def decision(
        self, features: Features, values: npt.NDArray[np.float32]
    ) -> npt.NDArray[np.float64]:
        """Raw (uncalibrated) margins, one per head."""
        columns = self._weights[:, features.indices]
        margins: npt.NDArray[np.float64] = (columns @ values).astype(np.float64) + self._bias
        return margins

    def analyse(self, text: str) -> Analysis:
        features = extract(text, self.config)
        values = weigh(features, self._idf, self.config.word_buckets)
        margins = self.decision(features, values)
        probabilities = 1.0 / (1.0 + np.exp(-(self._platt_a * margins + self._platt_b)))
        scores = {head: float(p) for head, p in zip(self.head_names, probabilities, strict=True)}
        return Analysis(text, scores, features, values)

    def score(self, text: str) -> dict[str, float]:
        """Calibrated probability per head."""
        return self.analyse(text).scores

    def evidence(self, analysis: Analysis, head: str, limit: int = 3) -> tuple[Span, ...]:
        """The words that pushed `head` up the most, as spans of the original text."""
        features = analysis.features
        if not features.tokens or not len(features.indices):
            return ()
        row = self._weights[self.head_names.index(head)]
        position = np.searchsorted(features.indices, features.occ_index)
        per_occurrence = (
            row[features.occ_index]
            * analysis.values[position]
            * features.occ_share
            / features.counts[position]
        )
        per_token = np.bincount(
            features.occ_token, weights=per_occurrence, minlength=len(features.tokens)
        )
        order = np.argsort(-per_token)[:limit]
        spans = []
        for index in order:
            if per_token[index] <= _EVIDENCE_FLOOR:
                break
            token = features.tokens[int(index)]
            spans.append(Span(token.start, token.end, analysis.text[token.start : token.end]))
        return tuple(sorted(spans, key=lambda span: span.start))
