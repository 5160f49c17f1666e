"""Splits are deterministic and match the learned model's; metrics count correctly."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from palabre.moderation.evaluation.datasets import examples
from palabre.moderation.evaluation.golden import SEED_ERRORS, seed_comments
from palabre.moderation.evaluation.metrics import Counts
from palabre.moderation.evaluation.splits import split_of


def test_split_is_deterministic_and_balanced() -> None:
    assert split_of("mlma_fr", "42") == split_of("mlma_fr", "42")
    counts = Counter(split_of("src", str(i)) for i in range(20_000))
    assert abs(counts["train"] / 20_000 - 0.70) < 0.02
    assert abs(counts["dev"] / 20_000 - 0.15) < 0.02
    assert abs(counts["test"] / 20_000 - 0.15) < 0.02


def test_split_agrees_with_the_training_split() -> None:
    try:
        from palabre.training import datasets as training
    except ImportError:  # the learned model's package is optional
        return
    for i in range(500):
        assert split_of("jigsaw_fr_mt", str(i)) == training.split_of("jigsaw_fr_mt", str(i))


def test_examples_read_one_split(tmp_path: Path) -> None:
    folder = tmp_path / "ftr_racism_fr"
    folder.mkdir()
    rows = "\n".join(f'"texte {i}",{i % 2},ftr,{i}' for i in range(200))
    (folder / "ftr_racism_fr.csv").write_text(f"text,label,source,source_id\n{rows}\n")
    dev = list(examples(tmp_path, "dev"))
    assert dev and all(split_of("ftr_racism_fr", e.source_id) == "dev" for e in dev)
    assert all(set(e.labels) == {"haine"} for e in dev)


def test_counts() -> None:
    c = Counts()
    for gold, predicted in [(1, True), (1, False), (0, True), (0, False), (1, True)]:
        c.add(gold, predicted)
    assert (c.tp, c.fn, c.fp, c.tn) == (2, 1, 1, 1)
    assert c.precision == 2 / 3 and c.recall == 2 / 3


def test_seed_errors_are_in_the_seed_texts() -> None:
    texts = seed_comments()
    for cid, wrong in SEED_ERRORS:
        assert wrong in texts[cid], (cid, wrong)
