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
    database.dispose()
