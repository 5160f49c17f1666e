"""Operating points of the learned model chosen for the ENGINE's decisions, on dev only.

A comment is flagged for harm when a rule detector holds it or a head's probability reaches
its threshold (the learned detector puts that threshold on the charter's « retenir »). The
thresholds are searched together, by coordinate ascent over 0.05…0.95, for the best weighted
mean of each dev source's harm macro-F1, less a penalty for every point of non-toxic rows
flagged beyond `CLEAN_FLAG_LIMIT` on any source. Evaluation-only sources are never used."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Final

from palabre.moderation.detectors._speech import blank_for_model
from palabre.moderation.metrics import binary
from palabre.moderation.model.gates import allowed_heads
from palabre.moderation.model.heads import HEADS
from palabre.moderation.model.scorer import HeadParams, ModerationModel
from palabre.training.datasets import Example

CLEAN_FLAG_LIMIT: Final = 0.15
PENALTY: Final = 1.0
#: At most this share of rows without a threat may be flagged as violence by the model.
VIOLENCE_FALSE_ALARM_LIMIT: Final = 0.03
SOURCE_WEIGHTS: Final[dict[str, float]] = {
    "toxifrench_fr": 2.0,
    "mlma_fr": 1.0,
    "ftr_racism_fr": 1.0,
    "toxifrench_agreement_fr": 0.5,
    "rtplx_fr": 0.5,
    "jigsaw_fr_mt": 0.5,
}
SUB_HEADS: Final = ("haine", "violence", "insulte", "grossierete")
GRID: Final[tuple[float, ...]] = tuple(step / 100 for step in range(5, 96))


@dataclass(frozen=True, slots=True)
class Row:
    source: str
    gold: int
    racism_only: bool  # the source labels racism only: only the hate flag counts
    rule_harm: bool  # a rule detector holds it for a harm category
    rule_hate: bool
    probabilities: tuple[float, ...]  # per head, in HEADS order
    toxicity_is_hate: bool  # the toxicity head's finding would be filed under « haine »
    violence_gold: int | None  # the source's threat label, where it has one
    allowed: frozenset[str] = frozenset(HEADS)  # heads the text's words allow (model.gates)


#: Sources that label racism only: their label 0 says nothing of insults.
RACISM_ONLY: Final = frozenset({"ftr_racism_fr"})


def _gold(example: Example) -> tuple[int, bool] | None:
    if example.source in RACISM_ONLY and "haine" in example.labels:
        return example.labels["haine"], True
    if "toxicite" in example.labels:
        return example.labels["toxicite"], False
    if "haine" in example.labels:
        return example.labels["haine"], True
    return None


def rows_for(
    model: ModerationModel, examples: Sequence[Example], rule_flags: Sequence[frozenset[str]]
) -> list[Row]:
    """`rule_flags[i]`: the harm categories the rule detectors (without the model) hold
    example i for."""
    out: list[Row] = []
    for example, flags in zip(examples, rule_flags, strict=True):
        gold = _gold(example)
        if gold is None or example.source not in SOURCE_WEIGHTS:
            continue
        shown = blank_for_model(example.text)
        scores = model.score(shown)
        allowed = allowed_heads(shown)
        heads = [h for h in SUB_HEADS if h in allowed] or ["insulte"]
        closest = max(heads, key=lambda h: scores[h] / max(model.threshold(h), 1e-6))
        out.append(
            Row(
                example.source,
                gold[0],
                gold[1],
                bool(flags),
                "haine" in flags,
                tuple(scores[h] for h in HEADS),
                closest == "haine",
                example.labels.get("violence"),
                allowed,
            )
        )
    return out


def _flagged(row: Row, thresholds: Sequence[float]) -> bool:
    if row.racism_only:
        hate, toxicity = HEADS.index("haine"), HEADS.index("toxicite")
        return (
            row.rule_hate
            or row.probabilities[hate] >= thresholds[hate]
            or (row.toxicity_is_hate and row.probabilities[toxicity] >= thresholds[toxicity])
        )
    return row.rule_harm or any(
        p >= t and head in row.allowed
        for head, p, t in zip(HEADS, row.probabilities, thresholds, strict=True)
    )


def _violence_false_alarm(rows: Sequence[Row], thresholds: Sequence[float]) -> float:
    """Share of rows labelled « no threat » on which the violence head fires."""
    violence = HEADS.index("violence")
    negatives = [r for r in rows if r.violence_gold == 0]
    if not negatives:
        return 0.0
    fired = sum(
        1
        for r in negatives
        if r.probabilities[violence] >= thresholds[violence] and "violence" in r.allowed
    )
    return fired / len(negatives)


def objective(rows: Sequence[Row], thresholds: Sequence[float]) -> float:
    total = weight_sum = 0.0
    for source, weight in SOURCE_WEIGHTS.items():
        mine = [r for r in rows if r.source == source]
        if not mine:
            continue
        result = binary([r.gold for r in mine], [int(_flagged(r, thresholds)) for r in mine])
        negatives = result.tn + result.fp
        clean_flag = result.fp / negatives if negatives else 0.0
        total += weight * (result.macro_f1 - PENALTY * max(0.0, clean_flag - CLEAN_FLAG_LIMIT))
        weight_sum += weight
    excess = max(0.0, _violence_false_alarm(rows, thresholds) - VIOLENCE_FALSE_ALARM_LIMIT)
    return (total / weight_sum if weight_sum else 0.0) - PENALTY * excess


def search(rows: Sequence[Row], start: Sequence[float]) -> tuple[float, ...]:
    """The best of coordinate ascents from the calibrated thresholds and from flat starts."""
    starts = [list(start), [0.5] * len(start), [0.7] * len(start)]
    found = [_ascend(rows, s) for s in starts]
    return max(found, key=lambda t: objective(rows, t))


def _ascend(rows: Sequence[Row], start: Sequence[float], rounds: int = 3) -> tuple[float, ...]:
    current = list(start)
    best = objective(rows, current)
    for _ in range(rounds):
        improved = False
        for position in range(len(current)):
            for value in GRID:
                trial = [*current]
                trial[position] = value
                score = objective(rows, trial)
                if score > best + 1e-9:
                    best, current, improved = score, trial, True
        if not improved:
            break
    return tuple(current)


def with_thresholds(
    heads: Sequence[HeadParams], thresholds: Sequence[float]
) -> tuple[HeadParams, ...]:
    return tuple(replace(h, threshold=round(t, 2)) for h, t in zip(heads, thresholds, strict=True))
