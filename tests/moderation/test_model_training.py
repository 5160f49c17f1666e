"""Training code: fixed splits, extra examples, and a tiny smoke fit exported and reloaded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from palabre.moderation.metrics import best_threshold, binary
from palabre.moderation.model.artefact import load_directory
from palabre.training.datasets import (
    AUGMENTATION,
    SPLIT_SEED,
    Example,
    examples_from_pairs,
    load_extra,
    split_of,
)


def test_splits_are_fixed_and_close_to_70_15_15() -> None:
    assert split_of("toxifrench_fr", "anon_msg_b0cf76782e8a") == split_of(
        "toxifrench_fr", "anon_msg_b0cf76782e8a", SPLIT_SEED
    )
    counts = {"train": 0, "dev": 0, "test": 0}
    for number in range(6000):
        counts[split_of("mlma_fr", str(number))] += 1
    assert 0.67 < counts["train"] / 6000 < 0.73
    assert 0.13 < counts["dev"] / 6000 < 0.17
    assert 0.13 < counts["test"] / 6000 < 0.17
    changed = sum(split_of("mlma_fr", str(n)) != split_of("mlma_fr", str(n), 1) for n in range(300))
    assert changed > 0  # the seed matters


def test_extra_examples_are_read_and_checked(tmp_path: Path) -> None:
    path = tmp_path / "decisions.jsonl"
    path.write_text(
        json.dumps({"text": "Quel abruti", "labels": {"insulte": 1, "toxicite": True}}) + "\n\n",
        "utf-8",
    )
    [example] = load_extra(path)
    assert example.labels == {"insulte": 1, "toxicite": 1}
    assert example.source == "extra"
    path.write_text(json.dumps({"text": "x", "labels": {"spam": 1}}) + "\n", "utf-8")
    with pytest.raises(ValueError, match="têtes inconnues"):
        load_extra(path)


def test_moderator_decisions_can_be_passed_as_pairs() -> None:
    [example] = examples_from_pairs([("Quel guignol", {"insulte": 1}), ("  ", {})], "moderation")
    assert (example.text, example.source, example.labels) == (
        "Quel guignol",
        "moderation",
        {"insulte": 1},
    )
    with pytest.raises(ValueError, match="têtes inconnues"):
        examples_from_pairs([("x", {"spam": 1})])


def test_augmentation_file_is_valid() -> None:
    examples = load_extra(AUGMENTATION, "augmentation")
    assert len(examples) > 50
    assert {e.labels["toxicite"] for e in examples} == {0, 1}


def test_metrics() -> None:
    result = binary([1, 1, 0, 0], [1, 0, 1, 0])
    assert (result.precision, result.recall, result.f1, result.macro_f1) == (0.5, 0.5, 0.5, 0.5)
    assert best_threshold([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9], macro=True) <= 0.8


def test_smoke_fit_exports_an_artefact_that_reloads_identically(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    from palabre.training.export import write_artefact
    from palabre.training.fit import TrainSettings, fit

    bad = ["espèce de connard", "ta gueule abruti", "sale con va", "je vais te tuer"]
    good = ["merci pour l'article", "bonne journée à tous", "très bon reportage", "à demain"]
    rows = [
        Example(
            f"{text} {n}",
            "mini",
            f"{i}-{n}",
            {h: int(i < 4) for h in ("toxicite", "insulte", "haine", "violence", "grossierete")},
        )
        for n in range(4)
        for i, text in enumerate(bad + good)
    ]
    settings = TrainSettings(word_buckets=1 << 10, char_buckets=1 << 11)
    trained = fit(rows[:24], rows[24:], {"connard": ("insulte",)}, settings)
    write_artefact(tmp_path, trained, "essai", {"metrics": {}})
    reloaded = load_directory(tmp_path)
    in_memory = trained.as_model("essai")
    for text in ("quel connard", "merci beaucoup"):
        assert reloaded.score(text) == pytest.approx(in_memory.score(text), abs=1e-6)
    assert reloaded.score("espèce de connard")["toxicite"] > reloaded.score("merci")["toxicite"]


def test_train_command_has_french_help() -> None:
    from palabre.cli.main import app

    result = CliRunner().invoke(app, ["train", "--help"])
    assert result.exit_code == 0
    assert "--activate" in result.stdout
    assert "Réentraîne" in result.stdout
