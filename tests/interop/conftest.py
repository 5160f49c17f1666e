"""Fixtures of the import/export tests: an Isso database, a migrated palabre database and row
counts that prove nothing changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from interop.interop_support import Counter, make_isso
from palabre.storage.db import Database
from palabre.storage.migrate import upgrade
from palabre.storage.models import (
    Comment,
    Decision,
    ModerationAction,
    Report,
    Site,
    Subscription,
    Thread,
)


@pytest.fixture
def isso_db(tmp_path: Path) -> Path:
    return make_isso(tmp_path / "comments.db")


@pytest.fixture
def migrated(db: Database) -> Database:
    upgrade(db.engine, "heads")
    return db


@pytest.fixture
def counts(migrated: Database) -> Counter:
    def count() -> dict[str, int]:
        with migrated.session() as session:
            return {
                model.__tablename__: session.scalar(select(func.count()).select_from(model)) or 0
                for model in (
                    Site,
                    Thread,
                    Comment,
                    Decision,
                    ModerationAction,
                    Report,
                    Subscription,
                )
            }

    return count
