"""The training code sits behind the `train` extra: nothing but `palabre train` loads it, and
without scikit-learn that command says in French what to install (exit code 2)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from palabre.typography import french

# Runs the CLI in a fresh interpreter where scikit-learn cannot be imported (as if the `train`
# extra were not installed): a finder placed first on `sys.meta_path` refuses it.
WITHOUT_SKLEARN = """
import sys


class NoSklearn:
    def find_spec(self, name, path=None, target=None):
        if name == "sklearn" or name.startswith("sklearn."):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None


sys.meta_path.insert(0, NoSklearn())
sys.argv = ["palabre", *sys.argv[1:]]
from palabre.cli.main import app

app()
"""

# Every command registered (as `--help` and the docs do), then the modules loaded.
LOADED = """
import json, sys
from palabre.cli.main import app

assert app.registered_commands and app.registered_groups
print(json.dumps(sorted(sys.modules)))
"""


def test_train_without_scikit_learn_names_the_extra(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", WITHOUT_SKLEARN, "train", "--data", str(tmp_path / "none")],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert done.returncode == 2, done.stderr
    assert "pip install 'palabre[train]'" in done.stderr
    assert french("Erreur : l'entraînement a besoin de scikit-learn") in done.stderr
    assert "Traceback" not in done.stderr
    assert not list(tmp_path.iterdir())  # stopped before reading or writing anything


def test_no_command_but_train_loads_the_training_code() -> None:
    done = subprocess.run(
        [sys.executable, "-c", LOADED], capture_output=True, text=True, timeout=120, check=True
    )
    modules = json.loads(done.stdout.strip().splitlines()[-1])
    assert "palabre.cli.train" in modules
    assert not [m for m in modules if m.startswith(("palabre.training", "sklearn", "scipy"))]
