"""A ban reaches every key its author was known by (e-mail, IP fingerprint, browser token) for
the ban's duration: leaving the e-mail out, or changing address, does not dodge it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient

from palabre.review import actions
from palabre.review.accounts import Moderator
from palabre.review.bans import lift_ban
from palabre.storage.db import Database
from palabre.storage.models_review import Ban
from palabre_testing import CLEAN_TEXTS, THREAD, reader

ADMIN = Moderator(1, "admin@example.org", "admin", "fr", None)
TOKEN = {"X-Palabre-Browser": "navigateur-du-troll"}


def _post(
    client: TestClient, i: int, headers: dict[str, str] | None = None, **extra: str
) -> tuple[int, str]:
    response = client.post(
        "/api/comments",
        headers=headers or {},
        json={"thread": THREAD, "text": CLEAN_TEXTS[i % len(CLEAN_TEXTS)] + f" ({i})", **extra},
    )
    code = response.json()["error"]["code"] if response.status_code >= 400 else ""
    return response.status_code, code


def test_a_suspension_reaches_the_author_without_their_email(
    client: TestClient, db: Database
) -> None:
    troll = reader(client, "192.0.2.66")
    posted = troll.post(
        "/api/comments",
        headers=TOKEN,
        json={"thread": THREAD, "text": CLEAN_TEXTS[0], "email": "troll@example.org"},
    ).json()
    with db.session() as session:
        actions.ban_author(
            session, ADMIN, posted["comment"]["id"], timedelta(days=7), "", datetime.now(UTC)
        )
    assert _post(troll, 1)[1] == "auteur_suspendu"  # same address, no e-mail
    elsewhere = reader(client, "198.51.100.5")
    assert _post(elsewhere, 2, TOKEN)[1] == "auteur_suspendu"  # same browser, new address
    assert _post(elsewhere, 3, TOKEN, email="autre@example.org")[1] == "auteur_suspendu"
    assert _post(elsewhere, 4)[0] == 201  # nothing in common: another reader
    with db.session() as session:
        ban = session.query(Ban).one()
        lift_ban(session, ban.id, ADMIN.email, datetime.now(UTC))
    assert _post(troll, 5, TOKEN)[0] == 201  # once lifted, the author posts again
