"""SSO: the host site signs a JWT (HS256) with its secret; palabre marks the comment verified.
Expired or forged tokens get a clear French error code."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import jwt
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from notifications.notify_support import KeywordModerator
from palabre.cli.main import app as cli
from palabre.identity.sso import set_secret
from palabre.settings import Settings
from palabre.storage.db import Database
from palabre.storage.models import Comment
from palabre.typography import french
from palabre.web.app import create_app

SECRET = "s" * 40
THREAD = "https://journal.example/sso"


@pytest.fixture
def client(settings: Settings, db: Database) -> Iterator[TestClient]:
    app = create_app(settings, KeywordModerator(), db=db)
    with db.session() as session:
        set_secret(session, "default", datetime.now(UTC), SECRET)
    with TestClient(app, base_url="http://palabre.test") as test_client:
        yield test_client


def _token(secret: str = SECRET, exp: float | None = None, **claims: object) -> str:
    payload = {
        "sub": "abonne-42",
        "name": "Camille Abonnée",
        "email": "camille@example.org",
        "exp": int(exp if exp is not None else time.time() + 600),
        **claims,
    }
    return jwt.encode(payload, secret, algorithm="HS256")


def _post(client: TestClient, token: str | None, **extra: object) -> dict[str, object]:
    response = client.post(
        "/api/comments", json={"thread": THREAD, "text": "Un avis signé.", "sso": token, **extra}
    )
    body: dict[str, object] = response.json()
    body["_status"] = response.status_code
    return body


def test_signed_in_reader_is_verified(client: TestClient, db: Database) -> None:
    body = _post(client, _token(), author="Autre nom ignoré")
    assert body["_status"] == 201
    comment = body["comment"]
    assert isinstance(comment, dict)
    assert comment["verified"] is True and comment["author"] == "Camille Abonnée"
    with db.session() as session:
        row = session.get(Comment, comment["id"])
        assert row is not None and row.author_external_id == "abonne-42"
        assert row.author_email == "camille@example.org"
    page = client.get("/api/comments", params={"thread": THREAD}).json()
    assert page["comments"][0]["verified"] is True


def test_anonymous_reader_is_not_verified(client: TestClient) -> None:
    body = _post(client, None, author="Anonyme du jour")
    assert body["_status"] == 201
    assert body["comment"]["verified"] is False  # type: ignore[index]


@pytest.mark.parametrize(
    ("token", "code"),
    [
        (lambda: _token(exp=time.time() - 3600), "sso_expire"),
        (lambda: _token(secret="x" * 40), "sso_invalide"),
        (lambda: _token()[:-4] + "AAAA", "sso_invalide"),
        (lambda: "pas.un.jwt", "sso_invalide"),
        (
            lambda: jwt.encode({"sub": "a", "exp": int(time.time()) + 60}, None, algorithm="none"),
            "sso_invalide",
        ),
        (lambda: jwt.encode({"sub": "a"}, SECRET, algorithm="HS256"), "sso_invalide"),
    ],
    ids=["expire", "autre-secret", "signature-alteree", "illisible", "alg-none", "sans-exp"],
)
def test_expired_and_forged_tokens(client: TestClient, token: object, code: str) -> None:
    assert callable(token)
    body = _post(client, token())
    assert body["_status"] == 401
    error = body["error"]
    assert isinstance(error, dict) and error["code"] == code and error["field"] == "sso"
    if code == "sso_expire":
        assert "expiré" in str(error["message"])


def test_site_without_sso(settings: Settings, db: Database) -> None:
    app = create_app(settings, KeywordModerator(), db=db)
    with TestClient(app, base_url="http://palabre.test") as client:
        body = _post(client, _token())
    assert body["_status"] == 422
    assert body["error"]["code"] == "sso_non_configure"  # type: ignore[index]


def test_sso_cli_sets_a_secret(settings: Settings, db: Database, tmp_path: Path) -> None:
    create_app(settings, KeywordModerator(), db=db)
    config = tmp_path / "palabre.toml"
    config.write_text(
        f'data_dir = "{settings.data_dir}"\ndatabase_url = "{settings.database_url}"\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["sso", "set", "default", "-c", str(config)])
    assert result.exit_code == 0 and french("Secret SSO du site « default »") in result.output
    short = CliRunner().invoke(
        cli, ["sso", "set", "default", "--secret", "court", "-c", str(config)]
    )
    assert short.exit_code == 2
