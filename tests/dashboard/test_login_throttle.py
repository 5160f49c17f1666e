"""Login throttling also counts an account's failures from every address (an attacker who
changes IP at each try is blocked), and login attempts keep only IP fingerprints."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from palabre.settings import Settings
from palabre.storage.models_review import LoginAttempt

from .conftest import ADMIN, MODERATOR, Dash

_CSRF = re.compile(r'name="csrf" value="([^"]+)"')


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.replace(login_max_failures=5, login_max_failures_account=6)


def _try(dash: Dash, ip: str, account: tuple[str, str]) -> int:
    client = TestClient(dash.app, base_url="http://palabre.test", client=(ip, 40000))
    match = _CSRF.search(client.get("/moderation/login").text)
    assert match
    response = client.post(
        "/moderation/login",
        data={"csrf": match[1], "email": account[0], "password": account[1]},
        follow_redirects=False,
    )
    return int(response.status_code)


def test_an_account_is_blocked_after_failures_from_many_addresses(dash: Dash) -> None:
    wrong = (MODERATOR[0], "pas-le-bon")
    codes = [_try(dash, f"198.51.100.{i}", wrong) for i in range(1, 8)]
    assert codes == [401] * 6 + [429]
    # even the right password, from yet another address, waits for the window to pass
    assert _try(dash, "203.0.113.9", MODERATOR) == 429
    assert _try(dash, "203.0.113.9", ADMIN) == 303  # other accounts are not affected


def test_login_attempts_keep_no_raw_ip(dash: Dash) -> None:
    _try(dash, "198.51.100.77", (MODERATOR[0], "pas-le-bon"))
    _try(dash, "198.51.100.77", ADMIN)
    with dash.db.session() as session:
        stored = session.scalars(select(LoginAttempt.ip)).all()
    assert len(stored) == 2 and len(set(stored)) == 1
    assert all(re.fullmatch(r"[0-9a-f]{32}", ip) for ip in stored)
    assert "198.51.100.77" not in stored
