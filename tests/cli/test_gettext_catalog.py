"""The French of click's and Typer's own strings comes from a gettext catalog that palabre
writes: a real `.mo` file that Python's gettext reads back."""

from __future__ import annotations

import gettext
import os
import subprocess
import sys
from pathlib import Path

from palabre.cli.catalog import mo_bytes, write_catalog


def test_the_catalog_is_a_mo_file_gettext_reads(tmp_path: Path) -> None:
    path = tmp_path / "messages.mo"
    path.write_bytes(mo_bytes({"Options": "Options", "Commands": "Commandes", "Error": "Erreur"}))
    with path.open("rb") as handle:
        catalog = gettext.GNUTranslations(handle)
    assert catalog.gettext("Commands") == "Commandes"
    assert catalog.gettext("Error") == "Erreur"
    assert catalog.gettext("Unknown") == "Unknown"


def test_the_catalog_is_written_once_per_content(tmp_path: Path) -> None:
    os.environ["XDG_CACHE_HOME"] = str(tmp_path)
    try:
        first = write_catalog({"Usage:": "Utilisation :"}, "messages")
        again = write_catalog({"Usage:": "Utilisation :"}, "messages")
        other = write_catalog({"Usage:": "Utilisation"}, "messages")
    finally:
        del os.environ["XDG_CACHE_HOME"]
    assert first == again != other
    assert (first / "fr" / "LC_MESSAGES" / "messages.mo").is_file()


def _help(env: dict[str, str]) -> str:
    return subprocess.run(
        [sys.executable, "-m", "palabre", "--help"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout


def test_typer_panel_titles_are_french_in_a_fresh_process_under_the_c_locale(
    tmp_path: Path,
) -> None:
    env = {**os.environ, "LANG": "C", "LC_ALL": "C", "XDG_CACHE_HOME": str(tmp_path)}
    env.pop("LANGUAGE", None)
    env.pop("PALABRE_LOCALE", None)
    out = _help(env)
    assert "Commandes" in out and "Affiche cette aide et quitte." in out
    out = _help({**env, "PALABRE_LOCALE": "en"})
    assert "Commands" in out and "Show this message and exit." in out
