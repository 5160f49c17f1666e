"""`palabre user add|list|disable`: dashboard accounts from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from palabre.cli.main import app
from palabre.typography import french


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    from argon2 import PasswordHasher

    from palabre.review import passwords

    hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    monkeypatch.setattr(passwords, "_hasher", lambda: hasher)
    return {"PALABRE_DATA_DIR": str(tmp_path / "data")}


def test_add_list_disable(env: dict[str, str]) -> None:
    runner = CliRunner()
    site = runner.invoke(app, ["site", "add", "default", "-o", "https://journal.example"], env=env)
    assert site.exit_code == 0, site.output
    admin = runner.invoke(
        app,
        ["user", "add", "Chef@Journal.example", "--role", "admin", "--password-stdin"],
        input="un-mot-de-passe-long\n",
        env=env,
    )
    assert admin.exit_code == 0, admin.output
    assert french("Compte créé : chef@journal.example (admin)") in admin.output
    modo = runner.invoke(
        app,
        ["user", "add", "modo@journal.example", "--site", "default"],
        input="un-autre-mot-de-passe\nun-autre-mot-de-passe\n",
        env=env,
    )
    assert modo.exit_code == 0, modo.output
    listed = runner.invoke(app, ["user", "list"], env=env).output
    assert "chef@journal.example\tadmin\ttous les sites\tactif" in listed
    assert "modo@journal.example\tmoderateur\tdefault\tactif" in listed
    disabled = runner.invoke(app, ["user", "disable", "modo@journal.example"], env=env)
    assert disabled.exit_code == 0
    assert (
        "modo@journal.example\tmoderateur\tdefault\tdésactivé"
        in runner.invoke(app, ["user", "list"], env=env).output
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["x@journal.example", "--site", "nulle-part"], "Site inconnu"),
        (["x@journal.example"], "au moins un site"),
        (["x@journal.example", "--role", "chef"], "Rôle inconnu"),
    ],
)
def test_add_refuses_bad_input_in_french(
    env: dict[str, str], args: list[str], message: str
) -> None:
    result = CliRunner().invoke(
        app, ["user", "add", *args, "--password-stdin"], input="un-mot-de-passe-long\n", env=env
    )
    assert result.exit_code == 2
    assert message in result.output


def test_short_password_and_duplicates_are_refused(env: dict[str, str]) -> None:
    runner = CliRunner()
    short = runner.invoke(
        app,
        ["user", "add", "a@journal.example", "--role", "admin", "--password-stdin"],
        input="court\n",
        env=env,
    )
    assert short.exit_code == 2 and "au moins 10 caractères" in short.output
    args = ["user", "add", "a@journal.example", "--role", "admin", "--password-stdin"]
    assert runner.invoke(app, args, input="un-mot-de-passe-long\n", env=env).exit_code == 0
    again = runner.invoke(app, args, input="un-mot-de-passe-long\n", env=env)
    assert again.exit_code == 2 and "existe déjà" in again.output
