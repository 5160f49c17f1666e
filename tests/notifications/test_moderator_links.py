"""A held comment e-mails the moderators signed links that publish or reject it, once."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from urllib.parse import urlsplit

from fastapi.testclient import TestClient
from sqlalchemy import select

from notifications.conftest import MODERATOR
from notifications.notify_support import Consumer, SmtpServer, body_text
from palabre.storage.db import Database
from palabre.storage.models import Comment, ModerationAction, Subscription

THREAD = "https://journal.example/article-2"


def _links(smtp: SmtpServer) -> dict[str, str]:
    [mail] = smtp.inbox.wait_for(lambda m: m["To"] == MODERATOR)
    assert mail["Subject"] == "Commentaire à relire : Les élections"
    text = body_text(mail)
    assert "3.2 Pas d'insulte" in text
    found = {}
    for label, url in re.findall(r"(Publier|Rejeter)\u00a0: (\S+)", text):
        found[label] = urlsplit(url).path
    return found


def _held(client: TestClient) -> int:
    response = client.post(
        "/api/comments",
        json={"thread": THREAD, "thread_title": "Les élections", "text": "Un texte à RETENIR ici."},
    )
    assert response.json()["moderation"]["decision"] == "hold"
    comment_id: int = response.json()["comment"]["id"]
    return comment_id


def test_publish_link_confirms_then_applies_once_with_audit(
    app_client: TestClient, smtp: SmtpServer, consumer: Consumer, db: Database
) -> None:
    comment_id = _held(app_client)
    links = _links(smtp)
    with db.session() as session:  # a confirmed follower of the article
        thread_id = session.get(Comment, comment_id).thread_id  # type: ignore[union-attr]
        session.add(
            Subscription(
                thread_id=thread_id,
                email="suiveur@example.org",
                token="t" * 32,
                mode="immediate",
                locale="fr",
                created_at=datetime.now(UTC),
                confirmed_at=datetime.now(UTC),
            )
        )
    page = app_client.get(links["Publier"])
    assert page.status_code == 200 and "Publier ce commentaire ?" in page.text
    assert "Un texte à RETENIR ici." in page.text
    with db.session() as session:
        assert session.get(Comment, comment_id).status == "held"  # type: ignore[union-attr]

    done = app_client.post(links["Publier"])
    assert done.status_code == 200 and "Commentaire publié" in done.text
    with db.session() as session:
        assert session.get(Comment, comment_id).status == "published"  # type: ignore[union-attr]
        audit = session.scalars(
            select(ModerationAction)
            .where(ModerationAction.comment_id == comment_id)
            .order_by(ModerationAction.id)
        ).all()[-1]
        assert audit.actor == f"lien e-mail : {MODERATOR}"
        assert (audit.from_status, audit.to_status) == ("held", "published")

    # published after commit: the follower hears of it like any published comment
    [mail] = smtp.inbox.wait_for(lambda m: m["To"] == "suiveur@example.org")
    assert "RETENIR" in body_text(mail)

    again = app_client.post(links["Publier"])
    assert again.status_code == 410 and "déjà servi" in again.text
    other = app_client.post(links["Rejeter"])  # the pair shares one use
    assert other.status_code == 410


def test_reject_link_and_forged_or_expired_links(
    app_client: TestClient, smtp: SmtpServer, consumer: Consumer, db: Database
) -> None:
    comment_id = _held(app_client)
    links = _links(smtp)
    forged = links["Rejeter"][:-3] + "abc"
    assert app_client.post(forged).status_code == 400
    assert app_client.post(links["Rejeter"]).status_code == 200
    with db.session() as session:
        assert session.get(Comment, comment_id).status == "rejected"  # type: ignore[union-attr]


def test_link_expires(app_client: TestClient, db: Database) -> None:
    notifications = app_client.app.state.notifications  # type: ignore[attr-defined]
    from itsdangerous import URLSafeTimedSerializer

    from palabre.notifications.links import MODERATION

    comment_id = _held(app_client)
    token = URLSafeTimedSerializer(
        notifications.tasks.settings.resolved_secret_key, salt=MODERATION, signer_kwargs={}
    ).dumps([comment_id, "publish", "x", MODERATOR])
    import time
    from unittest import mock

    with mock.patch.object(time, "time", return_value=time.time() + 73 * 3600):
        response = app_client.post(f"/moderation/link/{token}")
    assert response.status_code == 410 and "expiré" in response.text
