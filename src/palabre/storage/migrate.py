"""Apply the numbered Alembic migrations shipped in the package."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError

if TYPE_CHECKING:
    from alembic.config import Config

_REVISION = re.compile(r"^(down_)?revision(?:\s*:[^=\n]+)?\s*=\s*[\"']?(\w+)", re.MULTILINE)


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    config = Config()
    location = resources.files("palabre.storage") / "migrations"
    config.set_main_option("script_location", str(location))
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate; several processes starting at once (app workers) migrate one after the other.
    A base already at the last migration is left alone without loading alembic (10 MB and
    a fraction of a second in every web process)."""
    if revision == "head" and _at_head(engine):
        return
    from alembic import command

    with migration_lock(engine):
        command.upgrade(alembic_config(engine), revision)


def shipped_head() -> str | None:
    """The last migration shipped (the one no other follows), read from the files; None when
    that is not one clear revision (alembic then decides)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    files = 0
    for entry in (resources.files("palabre.storage") / "migrations" / "versions").iterdir():
        if not entry.name.endswith(".py") or entry.name.startswith("_"):
            continue
        files += 1
        for down, value in _REVISION.findall(entry.read_text(encoding="utf-8")):
            (parents if down else revisions).add(value)
    heads = revisions - parents
    # one revision read per file, one head: else alembic reads them itself
    return heads.pop() if len(revisions) == files and len(heads) == 1 else None


def _at_head(engine: Engine) -> bool:
    head = shipped_head()
    if head is None:
        return False
    try:
        with engine.connect() as connection:
            found = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    except SQLAlchemyError:  # a new base: no table yet
        return False
    return [row[0] for row in found] == [head]


_PG_LOCK_KEY = 0x70616C6162  # "palab": one advisory lock for palabre's migrations


@contextmanager
def migration_lock(engine: Engine) -> Iterator[None]:
    """PostgreSQL: a session advisory lock. SQLite: an exclusive lock on a file beside the
    database. Other backends: none."""
    url = engine.url
    if url.get_backend_name() == "postgresql":
        with engine.connect() as connection:
            connection.exec_driver_sql(f"SELECT pg_advisory_lock({_PG_LOCK_KEY})")
            try:
                yield
            finally:
                connection.exec_driver_sql(f"SELECT pg_advisory_unlock({_PG_LOCK_KEY})")
                connection.commit()
        return
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        import fcntl

        with open(f"{url.database}.migration-lock", "a+") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
        return
    yield


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    command.downgrade(alembic_config(engine), revision)


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()
