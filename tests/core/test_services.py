"""`palabre.services.build`: the one place that builds palabre from its settings, on both
databases; and the one `Database(` construction of the package."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

import palabre
from palabre.comments.service import CommentService
from palabre.moderation.engine import ModerationEngine
from palabre.review.charters import save_version
from palabre.services import MIGRATION_TARGET, NoEngine, Services, build, resolve_secret_key
from palabre.settings import Settings
from palabre.storage.migrate import current_revision, shipped_head
from palabre_testing import CLEAN


def test_build_migrates_and_wires_the_parts(settings: Settings) -> None:
    services = build(settings)
    try:
        assert isinstance(services, Services)
        assert MIGRATION_TARGET == "head"
        assert current_revision(services.db.engine) == shipped_head()
        assert services.db.url == settings.resolved_database_url
        assert services.settings.secret_key == settings.secret_key
        # built once, on first use, and shared: the service checks with the process's engine
        assert isinstance(services.comments, CommentService)
        assert services.comments is services.comments
        assert services.comments.moderator is services.moderator
        assert services.notifications is services.notifications
        assert services.moderator.check(CLEAN).decision == "publish"
    finally:
        services.close()


def test_a_given_engine_is_used_and_the_worker_mode_checks_nowhere(settings: Settings) -> None:
    class Given:
        def check(self, text: str, context: object = None) -> object:
            raise AssertionError("not called")

    given: ModerationEngine = Given()  # type: ignore[assignment]
    services = build(settings, moderator=given)
    try:
        assert services.moderator is given and services.engine is given
    finally:
        services.close()
    in_worker = build(settings.replace(moderation_in_worker=True))
    try:
        assert isinstance(in_worker.moderator, NoEngine)
    finally:
        in_worker.close()


def test_the_same_busy_timeout_everywhere(settings: Settings) -> None:
    services = build(settings.replace(sqlite_busy_timeout_ms=1234))
    try:
        if services.db.backend == "sqlite":
            with services.db.engine.connect() as connection:
                assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 1234
    finally:
        services.close()


def test_the_secret_key_is_resolved_once_at_build(tmp_path: Path) -> None:
    from palabre.settings import load_settings

    bare = load_settings(environ={}, data_dir=str(tmp_path / "data"))
    assert bare.secret_key == ""
    first = resolve_secret_key(bare)
    key = (tmp_path / "data" / "secret.key").read_text(encoding="utf-8").strip()
    assert first.secret_key == key and len(key) >= 32
    assert resolve_secret_key(bare).secret_key == key  # kept between runs
    services = build(bare)
    try:
        assert services.settings.secret_key == key
        assert services.comments.settings.resolved_secret_key == key
    finally:
        services.close()


def test_reading_the_secret_key_writes_nothing(tmp_path: Path) -> None:
    from palabre.settings import load_settings

    bare = load_settings(environ={}, data_dir=str(tmp_path / "data"))
    with pytest.raises(RuntimeError, match="secret key not resolved"):
        bare.resolved_secret_key  # noqa: B018 - the read is the test
    assert not (tmp_path / "data").exists()
    key = resolve_secret_key(bare).secret_key
    assert bare.resolved_secret_key == key  # the file written at build is read, not rewritten


def test_one_charter_source_versioned_and_followed_by_the_engine(settings: Settings) -> None:
    services = build(settings)
    try:
        source = services.charter_source
        assert source.version() is None
        assert source.charter() is source.charter() is source.file_charter()
        text = "Quelle saperlipopette, cet article."
        assert services.engine.check(text).decision == "publish"
        edited = source.text().replace(
            "[mots.interdits]\ninsulte = []", '[mots.interdits]\ninsulte = ["saperlipopette"]'
        )
        with services.db.session() as session:
            save_version(session, edited, source.charter(), "a@x.fr", "", datetime.now(UTC))
        assert source.version() == 1
        assert source.charter() is source.charter()  # read and parsed once per version
        assert 'insulte = ["saperlipopette"]' in source.text()
        verdict = services.engine.check(text)
        assert verdict.charter_version == source.charter().version
        assert verdict.decision in {"hold", "reject"}
    finally:
        services.close()


def test_one_database_construction_in_the_package() -> None:
    package = Path(palabre.__file__).parent
    found = [
        f"{path.relative_to(package)}:{number}"
        for path in sorted(package.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\bDatabase\(", line)
    ]
    assert found == [f"services.py:{_line_of('services.py', 'Database(')}"]


def _line_of(module: str, needle: str) -> int:
    text = (Path(palabre.__file__).parent / module).read_text(encoding="utf-8")
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)
