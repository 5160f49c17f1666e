"""Notices of illegal content (DSA art. 16) end to end: filed through the API, acknowledged by
e-mail, a queue with deadlines in the dashboard, decided by a person, the decision e-mailed to
the notifier (a real SMTP server), the author gets a statement of reasons."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from legal.conftest import Legal
from notifications.notify_support import body_text
from palabre.storage.models import Comment, ModerationAction
from palabre.storage.models_legal import Notice, Statement

THREAD = "https://journal.example/article-1"
NOTIFIER = "temoin@example.org"


def _notice(legal: Legal, cid: int, **changes: object) -> dict[str, Any]:
    body = {
        "category": "injure_diffamation",
        "explanation": "Ce commentaire m'accuse d'un délit.",
        "name": "Camille Témoin",
        "email": NOTIFIER,
        "good_faith": True,
        **changes,
    }
    response = legal.client.post(f"/api/comments/{cid}/notices", json=body)
    result: dict[str, Any] = response.json()
    return result


def test_a_notice_is_acknowledged_decided_by_a_person_and_answered(legal: Legal) -> None:
    posted = legal.client.post(
        "/api/comments",
        json={
            "thread": THREAD,
            "thread_url": THREAD,
            "text": "Mon voisin est un escroc notoire.",
            "email": "auteur@example.org",
        },
    ).json()
    cid = posted["comment"]["id"]
    assert _notice(legal, cid, good_faith=False)["error"]["code"] == "bonne_foi_requise"
    assert _notice(legal, cid, email="pas-une-adresse")["error"]["code"] == "email_invalide"
    assert (
        _notice(legal, cid, category="blasphème")["error"]["code"] == "categorie_illicite_invalide"
    )
    filed = _notice(legal, cid)
    assert "vous recevrez un accusé de réception" in str(filed["message"])
    [ack] = legal.smtp.inbox.wait_for(lambda m: "reçu" in str(m["Subject"]))
    assert ack["To"] == NOTIFIER
    assert "Injure ou diffamation" in body_text(ack)
    assert f"{THREAD}#palabre-comment-{cid}" in body_text(ack)

    legal.login()
    queue = legal.client.get("/moderation/notifications")
    assert "Injure ou diffamation" in queue.text and "Échéance" in queue.text
    assert "Camille Témoin" in queue.text
    csrf = legal.csrf("/moderation/notifications")
    notice_id = filed["notice"]["id"]
    legal.client.post(
        f"/moderation/notifications/{notice_id}", data={"csrf": csrf, "outcome": "remove"}
    )

    [decision] = legal.smtp.inbox.wait_for(
        lambda m: "Décision" in str(m["Subject"]) and m["To"] == NOTIFIER
    )
    assert "Le contenu a été retiré." in body_text(decision)
    [told] = legal.smtp.inbox.wait_for(lambda m: m["To"] == "auteur@example.org")
    assert "signalement de contenu illicite a été reçu" in body_text(told)
    with legal.db.session() as session:
        assert session.get(Comment, cid).status == "rejected"  # type: ignore[union-attr]
        notice = session.get(Notice, notice_id)
        assert notice is not None and (notice.status, notice.outcome) == ("decided", "removed")
        assert notice.decided_by == "admin@journal.example"
        statement = session.scalars(select(Statement).where(Statement.comment_id == cid)).one()
        assert (statement.decision, statement.automated) == ("reject", False)
        actions = session.scalars(
            select(ModerationAction.action).where(ModerationAction.comment_id == cid)
        ).all()
    assert actions == ["auto_publish", "notice_removed"]
    assert (
        "Aucun signalement de contenu illicite en attente."
        in legal.client.get("/moderation/notifications").text
    )
    page = legal.client.get(f"/motifs/{cid}", params={"jeton": posted["view_token"]}).text
    assert "signalement de contenu illicite a été reçu" in page


def test_a_kept_comment_stays_published_and_the_notifier_is_told(legal: Legal) -> None:
    posted = legal.client.post(
        "/api/comments", json={"thread": THREAD, "text": "Un avis très calme et posé."}
    ).json()
    cid = posted["comment"]["id"]
    notice_id = _notice(legal, cid)["notice"]["id"]
    csrf = legal.login()
    legal.client.post(
        f"/moderation/notifications/{notice_id}", data={"csrf": csrf, "outcome": "keep"}
    )
    [decision] = legal.smtp.inbox.wait_for(
        lambda m: "Décision" in str(m["Subject"]) and m["To"] == NOTIFIER
    )
    assert "le contenu a été maintenu" in body_text(decision)
    with legal.db.session() as session:
        assert session.get(Comment, cid).status == "published"  # type: ignore[union-attr]
