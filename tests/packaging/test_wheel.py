"""The built wheel carries every data file the product needs (src layout catches omissions)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
REQUIRED = (
    "palabre/web/static/widget/widget.js",
    "palabre/web/static/widget/count.js",
    "palabre/web/templates/demo_article.html",
    "palabre/demo/seeds/seed-000.json",
    "palabre/demo/seeds/seed-003.json",
    "palabre/moderation/charters/fr-default.toml",
    "palabre/storage/migrations/env.py",
    "palabre/storage/migrations/versions/0001_initial.py",
    "palabre/moderation/model/manifest.json",
    "palabre/notifications/templates/mail/confirm.fr.txt",
    "palabre/notifications/templates/mail/held.en.html",
    "palabre/notifications/templates/pages/message.html",
    "palabre/storage/migrations/versions/0004_notifications.py",
    "palabre/storage/migrations/versions/0002_dashboard.py",
    "palabre/storage/migrations/versions/0003_imports.py",
    "palabre/moderation/model/weights.npz",
    "palabre/moderation/lexicons/lexique.tsv",
    "palabre/moderation/lexicons/SOURCES.md",
    "palabre/training/augmentation_fr.jsonl",
    "palabre/web/static/widget/widget.css",
    "palabre/web/dashboard/static/dashboard.js",
    "palabre/web/dashboard/static/dashboard.css",
    "palabre/web/dashboard/templates/_item.html",
)


@pytest.mark.slow
def test_wheel_contains_the_data_files(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
    )
    [wheel] = tmp_path.glob("palabre-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = [path for path in REQUIRED if path not in names]
    assert not missing, f"absent du paquet : {missing}"
    assert not any("__pycache__" in n for n in names)
