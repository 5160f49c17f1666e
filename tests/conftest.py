"""Shared fixtures: the database backend as a parameter (SQLite always, PostgreSQL when one
answers on 127.0.0.1), settings in a temporary data dir, the app driven in-process."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from palabre.demo.pages import install as install_demo_pages
from palabre.settings import Settings, load_settings
from palabre.storage.db import Database
from palabre.storage.models import Base
from palabre.web.app import create_app
from palabre_testing import CLEAN, THREAD, Poster

PG_ADMIN_URL = os.environ.get(
    "PALABRE_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
_pg_reason: str | None = None


def _pg_available() -> str | None:
    """None when PostgreSQL answers, else the reason to skip."""
    global _pg_reason
    if _pg_reason is not None:
        return _pg_reason or None
    try:
        import psycopg

        plain = PG_ADMIN_URL.replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(plain, connect_timeout=3):
            pass
        _pg_reason = ""
    except Exception as exc:
        _pg_reason = f"PostgreSQL injoignable ({PG_ADMIN_URL}) : {exc.__class__.__name__}: {exc}"
    return _pg_reason or None


@pytest.fixture(scope="session")
def pg_database_url() -> Iterator[str]:
    reason = _pg_available()
    if reason:
        pytest.skip(reason)
    import psycopg

    name = f"palabre_test_{secrets.token_hex(4)}"
    plain = PG_ADMIN_URL.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base = PG_ADMIN_URL.rsplit("/", 1)[0]
    yield f"{base}/{name}"
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'palabre.sqlite3'}"
        return
    url = request.getfixturevalue("pg_database_url")
    _truncate(url)
    yield url


def _truncate(url: str) -> None:
    db = Database(url)
    try:
        with db.engine.begin() as conn:
            tables = [t.name for t in Base.metadata.sorted_tables]
            exists = conn.execute(text("SELECT to_regclass('public.comments')")).scalar()
            if exists:
                conn.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
    finally:
        db.dispose()


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    return load_settings(
        environ={},
        data_dir=str(tmp_path / "data"),
        database_url=database_url,
        secret_key="test-secret-key-not-for-production",
        public_url="http://palabre.test",
        allowed_origins="https://journal.example",
        rate_limit_posts_ip="1000/minute",
        rate_limit_posts_author="1000/minute",
        rate_limit_posts_thread="1000/minute",
        rate_limit_reports_ip="1000/minute",
        rate_limit_subscriptions_ip="1000/minute",
        rate_limit_check_ip="1000/minute",
        check_concurrency=8,
    )


@pytest.fixture
def db(settings: Settings) -> Iterator[Database]:
    database = Database(settings.resolved_database_url)
    yield database
    database.dispose()


@pytest.fixture
def client(settings: Settings, db: Database) -> Iterator[TestClient]:
    """The real app, driven in-process, with the demo pages (as `palabre demo` serves them) for
    the tests that read an HTML page."""
    app = create_app(settings, db=db)
    install_demo_pages(app)
    with TestClient(app, base_url="http://palabre.test") as test_client:
        yield test_client


@pytest.fixture
def post(client: TestClient) -> Poster:
    """Posts a comment through the public API."""

    def _post(text: str = CLEAN, thread: str = THREAD, **extra: Any) -> httpx.Response:
        response: httpx.Response = client.post(
            "/api/comments", json={"thread": thread, "text": text, **extra}
        )
        return response

    return _post


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Debian Chromium for the whole session, shared by every browser suite
    (Playwright's sync API allows a single instance per thread)."""
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium absent de {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def pytest_report_header(config: pytest.Config) -> str:
    reason = _pg_available()
    return "PostgreSQL : " + ("disponible" if not reason else f"ignoré — {reason}")
