"""The numbered migrations build and remove the schema on every backend."""

from __future__ import annotations

from sqlalchemy import inspect

from palabre.storage.db import Database
from palabre.storage.migrate import alembic_config, current_revision, downgrade, upgrade
from palabre.storage.models import Base


def _head(db: Database) -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(db.engine)).get_current_head()


def test_upgrade_builds_the_models_schema_and_downgrade_removes_it(db: Database) -> None:
    upgrade(db.engine)
    assert current_revision(db.engine) == _head(db)
    assert _head(db) not in {None, "0001"}
    tables = set(inspect(db.engine).get_table_names())
    assert {t.name for t in Base.metadata.sorted_tables} <= tables
    for table in Base.metadata.sorted_tables:
        columns = {c["name"] for c in inspect(db.engine).get_columns(table.name)}
        assert {c.name for c in table.columns} == columns, table.name
    downgrade(db.engine, "base")
    assert current_revision(db.engine) is None
    assert not {t.name for t in Base.metadata.sorted_tables} & set(
        inspect(db.engine).get_table_names()
    )
    upgrade(db.engine)
    assert current_revision(db.engine) == _head(db)


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path: object) -> None:
    from pathlib import Path

    assert isinstance(tmp_path, Path)
    database = Database(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    with database.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        # a commit does not wait for an fsync (WAL keeps the file consistent); a writer waits
        # for the lock instead of failing at once
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
        # a small page cache per pooled connection keeps a web process's memory flat under load
        assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -512
    database.dispose()


def _fresh_url(backend: str, tmp_path: object) -> str:
    from pathlib import Path

    assert isinstance(tmp_path, Path)
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'concurrent.sqlite3'}"
    import secrets

    import psycopg
    import pytest

    from conftest import PG_ADMIN_URL, _pg_available

    reason = _pg_available()
    if reason:
        pytest.skip(reason)
    name = f"palabre_migr_{secrets.token_hex(4)}"
    with psycopg.connect(PG_ADMIN_URL.replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"


import pytest  # noqa: E402


@pytest.mark.parametrize(
    "backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def test_processes_starting_together_migrate_one_after_the_other(
    backend: str, tmp_path: object
) -> None:
    """Several app workers start at once, each migrating: none fails, the schema is whole."""
    import subprocess
    import sys

    url = _fresh_url(backend, tmp_path)
    code = (
        "import sys; from palabre.storage.db import Database; "
        "from palabre.storage.migrate import upgrade; upgrade(Database(sys.argv[1]).engine)"
    )
    workers = [
        subprocess.Popen([sys.executable, "-c", code, url], stderr=subprocess.PIPE)
        for _ in range(4)
    ]
    results = [(w.wait(timeout=120), w.stderr.read() if w.stderr else b"") for w in workers]
    assert [rc for rc, _ in results] == [0, 0, 0, 0], results
    database = Database(url)
    assert current_revision(database.engine) == _head(database)
    database.dispose()
