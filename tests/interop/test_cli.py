"""`palabre import|export|export-audit|remoderate` driven in-process on a SQLite database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from interop.interop_support import FIXTURES, make_isso
from palabre.cli.main import app
from palabre.typography import french


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {
        "PALABRE_DATA_DIR": str(tmp_path / "data"),
        "PALABRE_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.sqlite3'}",
        "PALABRE_SECRET_KEY": "cli-test-secret",
    }


def _run(env: dict[str, str], *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args), env=env)
    return result.exit_code, result.output


def test_import_dry_run_then_import_then_again(env: dict[str, str]) -> None:
    path = str(FIXTURES / "disqus.xml")
    code, out = _run(env, "import", "disqus", path, "--site", "journal", "--dry-run")
    assert code == 0, out
    assert french("Simulation (rien n'a été écrit)") in out and "7 serait importé(s)" in out
    assert "Sommet à Anchorage : « aucun accord » — 5 nouveau(x) dont 3 réponse(s)" in out
    code, out = _run(env, "import", "disqus", path, "--site", "journal", "--json")
    assert code == 0 and json.loads(out)["comments_new"] == 7
    code, out = _run(env, "import", "disqus", path, "--site", "journal")
    assert code == 0 and "0 importé(s) dont 0 réponse(s), 7 déjà présent(s)" in out


def test_import_error_is_french_and_exit_1(env: dict[str, str], tmp_path: Path) -> None:
    broken = tmp_path / "casse.xml"
    broken.write_text("<disqus><post>", encoding="utf-8")
    code, out = _run(env, "import", "disqus", str(broken))
    assert code == 1
    assert french("Erreur : XML invalide dans « casse.xml », ligne 1") in out
    code, out = _run(env, "import", "isso", str(tmp_path / "absent.db"))
    assert code == 1 and "fichier introuvable" in out


def test_isso_wordpress_blogger_commands(env: dict[str, str], tmp_path: Path) -> None:
    isso_db = make_isso(tmp_path / "isso.db")
    code, out = _run(env, "import", "isso", str(isso_db), "--base-url", "https://rail.example")
    assert code == 0 and "6 importé(s) dont 3 réponse(s)" in out, out
    code, out = _run(env, "import", "wordpress", str(FIXTURES / "wordpress-latin1.xml"))
    assert code == 0 and french("Ignorés : 1 pingback ou trackback") in out
    code, out = _run(env, "import", "blogger", str(FIXTURES / "blogger.xml"), "-s", "blog")
    assert code == 0 and "5 importé(s)" in out


def test_export_round_trip_and_audit_csv(env: dict[str, str], tmp_path: Path) -> None:
    assert _run(env, "import", "disqus", str(FIXTURES / "disqus.xml"), "-s", "journal")[0] == 0
    exported = tmp_path / "journal.json"
    code, out = _run(env, "export", "--site", "journal", "--output", str(exported))
    assert code == 0 and french("2 fil(s), 7 commentaire(s), 7 ligne(s) d'audit") in out
    other = dict(env, PALABRE_DATABASE_URL=f"sqlite:///{tmp_path / 'autre.sqlite3'}")
    code, out = _run(other, "import", "palabre", str(exported))
    assert code == 0 and french("site « journal » (site créé)") in out and "7 importé(s)" in out
    again = tmp_path / "again.json"
    assert _run(other, "export", "-s", "journal", "-o", str(again))[0] == 0
    first, second = (json.loads(p.read_text(encoding="utf-8")) for p in (exported, again))
    assert first["comments"] == second["comments"] and first["audit"] == second["audit"]
    audit = tmp_path / "audit.csv"
    code, _ = _run(env, "export-audit", "--site", "journal", "--output", str(audit))
    assert code == 0 and audit.read_bytes().startswith(b"\xef\xbb\xbfDate (UTC);Commentaire")
    code, out = _run(env, "export", "--site", "inconnu", "--output", str(again))
    assert code == 1 and french("Site inconnu : « inconnu »") in out


@pytest.mark.slow
def test_remoderate_report_then_apply(env: dict[str, str], tmp_path: Path) -> None:
    text = (
        (FIXTURES / "disqus.xml")
        .read_text(encoding="utf-8")
        .replace(
            "Je ne suis pas d'accord",
            "Espèce de connard, tu es un imbécile et je ne suis pas d'accord",
        )
    )
    path = tmp_path / "disqus.xml"
    path.write_text(text, encoding="utf-8")
    assert _run(env, "import", "disqus", str(path), "-s", "journal")[0] == 0
    code, out = _run(env, "remoderate", "--site", "journal", "--since", "2025-08-01")
    assert code == 0, out
    assert (
        french("rien n'a été modifié") in out and french("Commentaires publiés examinés : 4") in out
    )
    assert "connard" in out
    code, out = _run(env, "remoderate", "--site", "journal", "--apply")
    assert code == 0 and "Re-modération appliquée" in out
    exported = tmp_path / "e.json"
    _run(env, "export", "-s", "journal", "-o", str(exported))
    audit = json.loads(exported.read_text(encoding="utf-8"))["audit"]
    assert [a["to_status"] for a in audit if a["actor"] == "re-modération"] in (
        ["held"],
        ["rejected"],
    )
    code, out = _run(env, "remoderate", "--since", "hier")
    assert code == 2 and french("Date invalide : « hier »") in out
