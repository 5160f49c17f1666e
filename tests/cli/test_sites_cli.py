"""`palabre site add|list` and `palabre migrate` on a real database."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from palabre.cli.main import app


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {"PALABRE_DATA_DIR": str(tmp_path / "data")}


def test_site_add_then_list(env: dict[str, str]) -> None:
    runner = CliRunner()
    added = runner.invoke(
        app,
        [
            "site",
            "add",
            "journal",
            "-o",
            "https://journal.example/",
            "--name",
            "Le Journal",
            "--no-auto-create",
        ],
        env=env,
    )
    assert added.exit_code == 0, added.output
    listed = runner.invoke(app, ["site", "list"], env=env)
    assert "journal\tLe Journal\thttps://journal.example\tfils déclarés" in listed.output


def test_site_add_refuses_a_bad_origin(env: dict[str, str]) -> None:
    result = CliRunner().invoke(app, ["site", "add", "x", "-o", "pas-une-origine"], env=env)
    assert result.exit_code == 2
    assert "origine invalide" in result.output


def test_migrate_reports_the_revision(env: dict[str, str]) -> None:
    from alembic.script import ScriptDirectory

    from palabre.storage.db import make_engine
    from palabre.storage.migrate import alembic_config

    head = ScriptDirectory.from_config(alembic_config(make_engine("sqlite://"))).get_current_head()
    result = CliRunner().invoke(app, ["migrate"], env=env)
    assert result.exit_code == 0
    assert f"révision {head}" in result.output


def test_help_is_in_french() -> None:
    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "commentaires auto-hébergés" in result.output
    for command in ("serve", "demo", "migrate", "check", "moderate", "site"):
        assert command in result.output


def test_help_texts_printed_by_the_toolkit_are_french_too() -> None:
    result = CliRunner().invoke(app, ["backup", "--help"], env={"COLUMNS": "100"})
    assert "Utilisation\u00a0:" in result.output
    assert "Affiche cette aide et quitte." in result.output
    assert "[obligatoire]" in result.output
    assert "Show this message" not in result.output
