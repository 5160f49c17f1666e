"""Real-browser fixtures for the moderator dashboard, in the style of tests/browser: the real app
under uvicorn on a free loopback port (fresh SQLite data dir, demo seeds loaded through
moderation, one admin and one moderator account), and Debian's headless Chromium."""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from live_server_testing import serving_on

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
ADMIN = ("redaction@journal.example", "mot-de-passe-admin-1")
MODERATOR = ("moderation@journal.example", "mot-de-passe-modo-1")


# Pages answered on purpose with these statuses (a refused charter edit) are not page errors.
_EXPECTED = re.compile(r"Failed to load resource: .* status of (422|403|429) ")


@dataclass
class DashboardServer:
    url: str
    app: Any


def _free_socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


@pytest.fixture(scope="module")
def dashboard_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DashboardServer]:
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM}")
    from palabre.demo.loader import load_demo
    from palabre.review.accounts import create_account, moderator_of
    from palabre.settings import load_settings
    from palabre.web.app import create_app

    from .history import seed_history

    sock = _free_socket()
    url = f"http://127.0.0.1:{sock.getsockname()[1]}"
    settings = load_settings(
        environ={},
        data_dir=str(tmp_path_factory.mktemp("dashboard")),
        public_url=url,
        allowed_origins="https://journal.example",
    )
    app = create_app(settings)
    service = app.state.palabre.comments
    load_demo(service)
    with service.db.session() as session:
        create_account(session, *ADMIN, "admin", [], datetime.now(UTC))
        moderator = create_account(
            session, *MODERATOR, "moderateur", ["default"], datetime.now(UTC)
        )
    with service.db.session() as session:
        seed_history(service, moderator_of(session, moderator.id))  # type: ignore[arg-type]
    with serving_on(app, sock):
        yield DashboardServer(url, app)
    sock.close()


@pytest.fixture(scope="module")
def chromium(browser: Any) -> Any:
    """The session's shared Chromium (tests/conftest.py)."""
    return browser


@pytest.fixture
def page(chromium: Any) -> Iterator[Any]:
    errors: list[str] = []
    context = chromium.new_context(
        locale="fr-FR", timezone_id="Europe/Paris", viewport={"width": 1360, "height": 1000}
    )
    context.set_default_timeout(15_000)
    pg = context.new_page()
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on(
        "console",
        lambda msg: (
            errors.append(msg.text)
            if msg.type == "error" and not _EXPECTED.search(msg.text)
            else None
        ),
    )
    yield pg
    context.close()
    assert not errors, f"errors in the page: {errors}"
