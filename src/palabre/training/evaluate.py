"""Per-source, per-head evaluation of a model on a split."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Final

from palabre.moderation.metrics import Binary, binary
from palabre.moderation.model.heads import HEADS
from palabre.moderation.model.scorer import ModerationModel
from palabre.training.datasets import Example

#: The head whose macro-F1 sums up each source.
MAIN_HEAD: Final[dict[str, str]] = {
    "mlma_fr": "toxicite",
    "ftr_racism_fr": "haine",
    "toxifrench_fr": "toxicite",
    "toxifrench_agreement_fr": "toxicite",
    "rtplx_fr": "toxicite",
    "jigsaw_fr_mt": "toxicite",
    "cyberagression_fr": "toxicite",
}

Scores = dict[str, float]
Report = dict[str, dict[str, Binary]]


def score_all(model: ModerationModel, examples: Sequence[Example]) -> list[Scores]:
    return [model.score(example.text) for example in examples]


def evaluate_scores(
    examples: Sequence[Example],
    scores: Sequence[Scores],
    decide: Callable[[str, float], bool],
) -> Report:
    """`report[source][head]` for every head a source labels; `decide(head, p)` says fired."""
    report: Report = {}
    sources = sorted({example.source for example in examples})
    for source in sources:
        report[source] = {}
        for head in HEADS:
            pairs = [
                (example.labels[head], int(decide(head, score[head])))
                for example, score in zip(examples, scores, strict=True)
                if example.source == source and head in example.labels
            ]
            gold = {g for g, _ in pairs}
            if gold == {0, 1}:  # a head this source labels one way only says nothing
                report[source][head] = binary([g for g, _ in pairs], [p for _, p in pairs])
    return report


def evaluate(model: ModerationModel, examples: Sequence[Example]) -> Report:
    """The model at its shipped thresholds."""
    return evaluate_scores(
        examples, score_all(model, examples), lambda head, p: p >= model.threshold(head)
    )


def report_json(report: Report) -> dict[str, dict[str, dict[str, float | int]]]:
    return {
        source: {head: result.as_dict() for head, result in heads.items()}
        for source, heads in report.items()
    }
