"""The evaluation of the engine's decisions: ROC-AUC, the harm flag per kind of source, the
operating-point search, the functional suites' split, and `palabre eval` end to end."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from palabre.cli.main import app
from palabre.moderation.evaluation.decisions import Judged, roc_auc, source_figures
from palabre.moderation.evaluation.suites import SUITES, load_suite, suite_cases
from palabre.moderation.model.heads import HEADS
from palabre.training import operating_points as op


def test_roc_auc() -> None:
    assert roc_auc([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9]) == 1.0
    assert roc_auc([0, 0, 1, 1], [0.9, 0.8, 0.2, 0.1]) == 0.0
    assert roc_auc([0, 1], [0.5, 0.5]) == 0.5
    assert roc_auc([1, 1], [0.1, 0.2]) is None


def test_racism_only_sources_count_the_hate_flag_only() -> None:
    insult_on_non_racist = Judged("ftr_racism_fr", {"haine": 0}, frozenset({"insulte"}), 0.8)
    assert not insult_on_non_racist.harm_flag
    racist = Judged("ftr_racism_fr", {"haine": 1}, frozenset({"haine"}), 0.8)
    general = Judged("toxifrench_fr", {"toxicite": 1}, frozenset({"insulte"}), 0.8)
    assert racist.harm_flag and general.harm_flag
    figures = source_figures("ftr_racism_fr", [insult_on_non_racist, racist])
    assert figures is not None and figures.harm.macro_f1 == 1.0 and figures.clean_flagged == 0


def _row(source: str, gold: int, toxicity: float) -> op.Row:
    probabilities = tuple(toxicity if h == "toxicite" else 0.0 for h in HEADS)
    return op.Row(source, gold, False, False, False, probabilities, False, None)


def test_operating_point_search_separates_the_classes() -> None:
    rows = [_row("toxifrench_fr", 1, p) for p in (0.62, 0.7, 0.9)]
    rows += [_row("toxifrench_fr", 0, p) for p in (0.1, 0.3, 0.55)]
    found = op.search(rows, [0.5] * len(HEADS))
    assert 0.55 < found[HEADS.index("toxicite")] <= 0.62
    assert op.objective(rows, found) == 1.0


def test_clean_flag_penalty_pulls_the_threshold_up() -> None:
    rows = [_row("mlma_fr", 1, 0.9)] * 4 + [_row("mlma_fr", 0, 0.5)] * 4
    loose = [0.3] * len(HEADS)
    tight = [0.6] * len(HEADS)
    assert op.objective(rows, tight) > op.objective(rows, loose)


def test_suites_are_large_split_by_template_and_cover_every_family_in_test() -> None:
    hate, threats = (load_suite(name) for name in SUITES)
    assert len(hate) >= 600 and len(threats) >= 400
    for suite in (hate, threats):
        families = {c.family for c in suite}
        tested = {c.family for c in suite if c.split == "test"}
        assert families == tested
        assert {c.expected for c in suite} == {"signale", "accepte"}
    test_texts = {c.text for c in suite_cases("test")}
    assert not test_texts & {c.text for c in suite_cases("train")}


def test_eval_prints_the_engine_decisions(tmp_path: Path) -> None:
    folder = tmp_path / "toxifrench_fr"
    folder.mkdir()
    rows = [
        ("Bande de connards, fermez-la", 1),
        ("Merci pour cet article très clair.", 0),
        ("Les Roms sont tous des voleurs.", 1),
        ("Le match de ce soir commence à 21 h.", 0),
    ] * 40
    body = "\n".join(f'"{t}",{label},toxifrench_fr,{i}' for i, (t, label) in enumerate(rows))
    (folder / "toxifrench_fr_train.csv").write_text(f"text,label,source,source_id\n{body}\n")
    out = tmp_path / "chiffres.json"
    result = CliRunner().invoke(
        app, ["eval", "--data", str(tmp_path), "--no-model", "--json", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "Décisions du moteur" in result.output
    assert "ROC-AUC" in result.output
    assert "Suite fonctionnelle" in result.output
    import json

    figures = json.loads(out.read_text())
    toxi = next(f for f in figures["engine"] if f["source"] == "toxifrench_fr")
    assert toxi["harm"]["macro_f1"] == 1.0
