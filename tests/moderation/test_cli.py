"""The moderation commands, driven in-process."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from palabre.cli.main import app
from palabre.moderation.findings import CATEGORIES
from palabre.typography import french

runner = CliRunner()


def test_check_json_prints_one_verdict() -> None:
    result = runner.invoke(app, ["check", "--json", "Espèce de connard !"])
    assert result.exit_code == 0, result.output
    verdict = json.loads(result.stdout)
    assert verdict["decision"] == "reject"
    assert set(verdict["scores"]) == set(CATEGORIES)
    assert any(r["category"] == "insulte" for r in verdict["reasons"])
    spans = [s for r in verdict["reasons"] for s in r["spans"]]
    assert all("Espèce de connard !"[start:end] == text for start, end, text in spans)
    assert "connard" in {text for _, _, text in spans}
    assert all({"clause", "score", "explanation"} <= set(r) for r in verdict["reasons"])
    assert "corrections" in verdict and "language" in verdict


def test_check_reads_stdin() -> None:
    result = runner.invoke(app, ["check", "--json", "-"], input="Merci pour cet article.")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["decision"] in {"publish", "hold"}


def test_check_human_output() -> None:
    result = runner.invoke(app, ["check", "bande de crétins"])
    assert result.exit_code == 0
    assert "Décision" in result.stdout and "refusé" in result.stdout


def test_invalid_utf8_on_stdin_exits_2() -> None:
    result = runner.invoke(app, ["check", "-"], input=b"\xff\xfe abc")
    assert result.exit_code == 2
    assert "UTF-8" in result.output


def test_empty_text_exits_2() -> None:
    result = runner.invoke(app, ["check", "  "])
    assert result.exit_code == 2
    assert "vide" in result.output


def test_bad_charter_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "charte.toml"
    bad.write_text('version = "1\n', encoding="utf-8")
    result = runner.invoke(app, ["check", "--charter", str(bad), "bonjour"])
    assert result.exit_code == 2
    assert "Charte invalide" in result.output and "ligne 1" in result.output


def test_moderate_jsonl_reports_bad_lines(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        '{"id": "a", "text": "Espèce de connard"}\n'
        '{"id": "b", "text": "Bonjour à tous"}\n'
        "pas du json\n"
        '{"id": "c"}\n',
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["moderate", "--input", str(source), "--output", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["a", "b"]
    assert rows[0]["decision"] == "reject"
    assert "ligne 3" in result.output and "ligne 4" in result.output
    assert "2 ligne(s) ignorée(s)" in result.output


def test_moderate_csv(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text('id,text\n1,"sale bougnoule"\n2,""\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["moderate", "-i", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    (row,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert row["id"] == "1" and row["decision"] == "reject"
    assert "ligne 3" in result.output


def test_eval_seeds_only_runs() -> None:
    result = runner.invoke(app, ["eval", "--seeds-only", "--no-model"])
    assert "Verdicts attendus" in result.stdout
    assert "Rappel orthographique" in result.stdout


def test_moderate_reports_non_utf8_lines(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(b'{"id": "a", "text": "Bonjour"}\n\xff\xfe\n[1, 2]\n')
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["moderate", "-i", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1
    assert "ligne 2" in result.output and "UTF-8" in result.output
    assert "ligne 3" in result.output


def test_moderate_missing_input_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["moderate", "-i", str(tmp_path / "absent.jsonl"), "-o", str(tmp_path / "o")]
    )
    assert result.exit_code == 2
    assert "introuvable" in result.output


def test_check_prints_decimal_commas() -> None:
    """Issue 18, item 10: the CLI writes 0,51 as the dashboard does, never 0.51."""
    import re

    from typer.testing import CliRunner

    from palabre.cli.main import app

    result = CliRunner().invoke(app, ["check", "Vous êtes un crétin fini et un abruti."])
    assert result.exit_code == 0, result.output
    assert re.search(r"\b0,\d\d\b", result.output)
    assert not re.search(r"\b0\.\d\d\b", result.output)


def test_cli_speaks_french_when_misused() -> None:
    """Issue 18, item 13: a missing argument and `--help` read in French, flags show no type."""
    from typer.testing import CliRunner

    from palabre.cli.main import app

    runner = CliRunner()
    missing = runner.invoke(app, ["check"])
    assert missing.exit_code == 2
    assert french("Argument manquant : « text ».") in missing.output
    assert "Missing" not in missing.output
    unknown = runner.invoke(app, ["commande-inconnue"])
    assert "Commande inconnue" in unknown.output and "No such" not in unknown.output
    helped = runner.invoke(app, ["check", "--help"])
    assert "<bool>" not in helped.output
    assert "Affiche cette aide et quitte." in helped.output
