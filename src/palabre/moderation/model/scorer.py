"""Scoring with the learned model: pure numpy, no pickle, no download.

For each head h: z = w_h · x + v_h · (k e) + b_h, where x are the hashed n-grams and e the
sentence encoder's embedding (scaled by k; absent in models trained without it), then a calibrated probability p = σ(a_h z + c_h) (Platt
scaling fitted on the dev split). A head "fires" when p ≥ its threshold, chosen on dev."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import numpy as np
import numpy.typing as npt

from palabre.moderation.findings import Span
from palabre.moderation.model.features import FeatureConfig, Features, extract, weigh

_EVIDENCE_FLOOR: Final = 1e-3
#: Words that never stand as evidence: articles, pronouns, prepositions, conjunctions, common
#: auxiliaries, adverbs of degree and time, interjections (normalised, accents folded). They can weigh in the model, but a moderator
#: learns nothing from « les » or « ton » highlighted.
_FUNCTION_WORDS: Final = """a au aux avec c ca ce ceci cela ces cet cette d dans de des du elle elles en et est etait
    es etes il ils j je l la le les leur leurs lui m ma mais me meme mes moi mon n ne ni nos
    notre nous on ou par pas pour qu que qui s sa sans se ses si son sont sur t ta te tes toi
    ton tu un une vos votre vous y ete etre avoir ai as avait ont suis plus tres tout tous
    toute toutes aussi comme donc car alors bien deja encore rt user url chez vers entre contre
    depuis pendant avant apres sous selon malgre parmi hors via voici voila ici la-bas quand
    lorsque puis quoi dont laquelle lequel lesquels celui celle ceux celles cela ceci rien
    personne chaque quelque quelques autre autres meme memes tel telle tels telles fait faire
    fais va vont vais avez avons etaient serait sera seront peut peuvent faut doit dit dire
    jamais peu assez envers totalement vraiment toujours maintenant souvent beaucoup trop
    tellement juste surtout seulement simplement franchement ensuite enfin ainsi aujourd hui
    hier demain oui non ok bon bah ben ah oh eh euh hein voire afin quant lors parce pourquoi
    comment combien quel quelle quels quelles aller allez allons etc ya"""
FUNCTION_WORDS: Final = frozenset(_FUNCTION_WORDS.split())


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
        encoder_weights: npt.NDArray[np.float32] | None = None,
        encoder_scale: float = 0.0,
    ) -> None:
        self.version = version
        self.config = config
        self.heads = heads
        self._weights = weights
        self._bias = bias
        self._idf = idf
        self._encoder_weights = encoder_weights
        self.encoder_scale = encoder_scale
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

    @property
    def uses_encoder(self) -> bool:
        return self._encoder_weights is not None and self.encoder_scale > 0

    def encoder_margins(self, embedding: npt.NDArray[np.float32]) -> npt.NDArray[np.float64]:
        """The encoder's part of each head's margin, for one embedding."""
        if self._encoder_weights is None:
            return np.zeros(len(self.heads), dtype=np.float64)
        part: npt.NDArray[np.float64] = (
            self._encoder_weights @ (embedding * self.encoder_scale)
        ).astype(np.float64)
        return part

    def analyse(self, text: str) -> Analysis:
        features = extract(text, self.config)
        values = weigh(features, self._idf, self.config.word_buckets)
        margins = self.decision(features, values)
        if self.uses_encoder:
            from palabre.moderation.model.encoder import embed_one
            from palabre.moderation.model.normalise import blank_links_and_mentions

            margins = margins + self.encoder_margins(embed_one(blank_links_and_mentions(text)))
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
        order = np.argsort(-per_token)
        spans: list[Span] = []
        for index in order:
            if per_token[index] <= _EVIDENCE_FLOOR or len(spans) >= limit:
                break
            token = features.tokens[int(index)]
            if token.text in FUNCTION_WORDS or len(token.text) < 2:
                continue
            spans.append(Span(token.start, token.end, analysis.text[token.start : token.end]))
        return tuple(sorted(spans, key=lambda span: span.start))
