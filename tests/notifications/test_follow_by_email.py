"""Follow an article by e-mail, end to end: real SMTP server on loopback, real huey consumer."""

from __future__ import annotations

import re
from datetime import timedelta
from urllib.parse import urlsplit

from fastapi.testclient import TestClient
from sqlalchemy import select

from notifications.notify_support import Consumer, SmtpServer, body_html, body_text
from palabre.storage.db import Database
from palabre.storage.models import Comment, EmailOptOut, Subscription

THREAD = "https://journal.example/article-1"
READER = "lectrice@example.org"


def _link(text: str, path: str) -> str:
    match = re.search(r"https?://\S*" + re.escape(path) + r"\S*", text)
    assert match, f"no {path} link in:\n{text}"
    parts = urlsplit(match.group(0))
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


def _post(client: TestClient, text: str, **extra: object) -> dict[str, object]:
    response = client.post(
        "/api/comments",
        json={"thread": THREAD, "text": text, "thread_title": "La réforme", **extra},
    )
    assert response.status_code == 201, response.text
    comment = response.json()["comment"]
    assert isinstance(comment, dict)
    return comment


def _follow(
    client: TestClient, smtp: SmtpServer, mode: str = "immediate", email: str = READER
) -> str:
    response = client.post(
        "/api/subscriptions",
        json={"thread": THREAD, "email": email, "mode": mode, "thread_title": "La réforme"},
    )
    assert response.status_code == 202, response.text
    assert "Vérifiez votre boîte" in response.json()["message"]
    [message] = smtp.inbox.wait_for(lambda m: m["To"] == email and "Confirmez" in m["Subject"])
    assert message["Subject"] == "Confirmez votre abonnement : La réforme"
    assert "Le Journal" in message["From"]
    assert "La réforme" in body_html(message)
    confirm = _link(body_text(message), "/api/subscriptions/confirm")
    page = client.get(confirm)
    assert page.status_code == 200
    assert "Abonnement confirmé" in page.text and 'lang="fr"' in page.text
    return confirm


def test_subscribe_confirm_notify_and_unsubscribe_in_one_click(
    app_client: TestClient, smtp: SmtpServer, consumer: Consumer, db: Database
) -> None:
    _post(app_client, "Premier commentaire avant l'abonnement, merci.")
    _follow(app_client, smtp)
    with db.session() as session:
        sub = session.scalars(select(Subscription)).one()
        assert sub.confirmed_at is not None and sub.mode == "immediate"

    _post(app_client, "Un nouvel avis très argumenté sur la réforme.", author="Paul")
    [mail] = smtp.inbox.wait_for(lambda m: m["Subject"] == "Nouveau commentaire : La réforme")
    text = body_text(mail)
    assert "Paul" in text and "Un nouvel avis très argumenté" in text
    assert "#palabre-comment-" in text
    # RFC 2369 / RFC 8058 one-click unsubscribe
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    header_url = str(mail["List-Unsubscribe"]).strip("<>")
    assert header_url.startswith("http://palabre.test/api/subscriptions/unsubscribe?token=")

    # GET only shows a button (mail scanners must not unsubscribe anyone) …
    link = _link(text, "/api/subscriptions/unsubscribe")
    page = app_client.get(link)
    assert page.status_code == 200 and '<form method="post"' in page.text
    with db.session() as session:
        assert session.scalars(select(Subscription)).one_or_none() is not None
    # … the one-click POST (what the mail client sends) ends it.
    done = app_client.post(
        link,
        content=b"List-Unsubscribe=One-Click",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert done.status_code == 200 and "désabonné" in done.text
    with db.session() as session:
        assert session.scalars(select(Subscription)).one_or_none() is None
    assert app_client.post(link).status_code == 200  # idempotent

    before = len(smtp.inbox.messages)
    _post(app_client, "Encore un avis, après le désabonnement.")
    consumer.drain()
    assert len(smtp.inbox.messages) == before


def test_held_and_own_comments_are_not_sent_to_followers(
    app_client: TestClient, smtp: SmtpServer, consumer: Consumer
) -> None:
    _follow(app_client, smtp)
    _post(app_client, "Texte à RETENIR pour relecture.")
    _post(app_client, "Mon propre commentaire.", email=READER)
    _post(app_client, "Le commentaire de quelqu'un d'autre, publié.")
    smtp.inbox.wait_for(lambda m: m["Subject"].startswith("Nouveau commentaire"))
    sent = [
        body_text(m)
        for m in smtp.inbox.messages
        if m["To"] == READER and m["Subject"].startswith("Nouveau commentaire")
    ]
    assert len(sent) == 1 and "quelqu'un d'autre" in sent[0]


def test_english_subscriber_gets_english_mail(
    app_client: TestClient, smtp: SmtpServer, consumer: Consumer
) -> None:
    response = app_client.post(
        "/api/subscriptions",
        json={"thread": THREAD, "email": READER, "lang": "en", "thread_title": "The reform"},
    )
    assert response.status_code == 202
    assert "Check your inbox" in response.json()["message"]
    [mail] = smtp.inbox.wait_for(lambda m: m["Subject"].startswith("Confirm your subscription"))
    assert "To confirm, open this link" in body_text(mail)
    page = app_client.get(_link(body_text(mail), "/api/subscriptions/confirm"))
    assert "Subscription confirmed" in page.text and 'lang="en"' in page.text


def test_bad_subscription_requests(app_client: TestClient) -> None:
    bad_mode = app_client.post(
        "/api/subscriptions", json={"thread": THREAD, "email": READER, "mode": "hourly"}
    )
    assert bad_mode.status_code == 422 and bad_mode.json()["error"]["code"] == "mode_invalide"
    bad_mail = app_client.post("/api/subscriptions", json={"thread": THREAD, "email": "x@"})
    assert bad_mail.json()["error"]["code"] == "email_invalide"
    forged = app_client.get("/api/subscriptions/confirm?token=abc.def")
    assert forged.status_code == 400 and "pas valide" in forged.text


def test_digest_sends_the_last_24_hours_once(
    app_client: TestClient, smtp: SmtpServer, consumer: Consumer, db: Database
) -> None:
    _follow(app_client, smtp, mode="digest")
    old = _post(app_client, "Un commentaire d'avant-hier.")
    _post(app_client, "Un commentaire d'aujourd'hui, pour le résumé.", author="Inès")
    with db.session() as session:
        row = session.get(Comment, old["id"])
        assert row is not None
        row.created_at -= timedelta(days=2)
        sub = session.scalars(select(Subscription)).one()
        assert sub.confirmed_at is not None
        sub.confirmed_at -= timedelta(days=3)
    tasks = app_client.app.state.notifications.tasks  # type: ignore[attr-defined]
    assert not [m for m in smtp.inbox.messages if "Nouveau commentaire" in m["Subject"]]

    assert tasks.run_digest(tasks.sender.send) == 1
    [mail] = smtp.inbox.wait_for(lambda m: m["Subject"] == "Résumé des commentaires : La réforme")
    text = body_text(mail)
    assert "Inès" in text and "aujourd'hui" in text and "avant-hier" not in text
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert tasks.run_digest(tasks.sender.send) == 0  # nothing new since


def test_reply_notification_and_opt_out(
    app_client: TestClient, smtp: SmtpServer, consumer: Consumer, db: Database
) -> None:
    parent = _post(
        app_client, "Je pose une question sur la réforme.", author="Ana", email="ana@example.org"
    )
    _post(
        app_client,
        "Voici une réponse précise à votre question.",
        author="Bruno",
        parent=parent["id"],
    )
    [mail] = smtp.inbox.wait_for(lambda m: m["To"] == "ana@example.org")
    assert mail["Subject"] == "Réponse à votre commentaire : La réforme"
    text = body_text(mail)
    assert "Bruno" in text and "réponse précise" in text
    optout = _link(text, "/api/subscriptions/replies-optout")
    assert mail["List-Unsubscribe"]
    assert "Ne plus être prévenu" in app_client.get(optout).text
    assert app_client.post(optout).status_code == 200
    with db.session() as session:
        assert session.get(EmailOptOut, ("ana@example.org", "replies")) is not None
    before = len(smtp.inbox.messages)
    _post(app_client, "Une seconde réponse, qui ne doit pas partir.", parent=parent["id"])
    consumer.drain()
    assert len(smtp.inbox.messages) == before


def test_an_edit_does_not_mail_followers_again(
    app_client: TestClient, smtp: SmtpServer, consumer: Consumer
) -> None:
    _follow(app_client, smtp)
    response = app_client.post(
        "/api/comments", json={"thread": THREAD, "text": "Une première version du commentaire."}
    )
    comment_id, token = response.json()["comment"]["id"], response.json()["edit_token"]
    smtp.inbox.wait_for(lambda m: m["Subject"].startswith("Nouveau commentaire"))
    edited = app_client.patch(
        f"/api/comments/{comment_id}",
        json={"text": "Version corrigée."},
        headers={"X-Palabre-Token": token},
    )
    assert edited.status_code == 200
    consumer.drain()
    assert len([m for m in smtp.inbox.messages if m["Subject"].startswith("Nouveau")]) == 1


def test_repeated_requests_do_not_flood_an_address(
    app_client: TestClient, smtp: SmtpServer, consumer: Consumer
) -> None:
    for _ in range(3):
        response = app_client.post("/api/subscriptions", json={"thread": THREAD, "email": READER})
        assert response.status_code == 202
    consumer.drain()
    assert len(smtp.inbox.messages) == 1
