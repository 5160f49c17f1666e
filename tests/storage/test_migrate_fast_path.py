"""A base already at the last migration is opened without loading alembic (every web process
runs `upgrade` at start); any other base is migrated by alembic as before."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from alembic.script import ScriptDirectory

from palabre.storage.db import Database
from palabre.storage.migrate import alembic_config, current_revision, shipped_head, upgrade

PROBE = """
import sys
from palabre.storage.db import Database
from palabre.storage.migrate import current_revision, upgrade
db = Database(sys.argv[1])
upgrade(db.engine)
print("alembic" in sys.modules)
"""


def test_the_head_read_from_the_files_is_alembics(db: Database) -> None:
    head = ScriptDirectory.from_config(alembic_config(db.engine)).get_current_head()
    assert shipped_head() == head


def test_a_base_at_the_head_is_opened_without_alembic(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'palabre.sqlite3'}"
    upgrade(Database(url).engine)
    done = subprocess.run(
        [sys.executable, "-c", PROBE, url], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.strip() == "False"


def test_an_older_base_is_still_migrated(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'palabre.sqlite3'}"
    db = Database(url)
    head = shipped_head()
    assert head is not None
    upgrade(db.engine, "0001")
    done = subprocess.run(
        [sys.executable, "-c", PROBE, url], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.strip() == "True"
    assert current_revision(db.engine) == head
