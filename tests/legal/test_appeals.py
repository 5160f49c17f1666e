"""Appeals (DSA art. 20): the author reads the statement of reasons from its link, contests,
a person reverses the reject in the dashboard, the author is told by e-mail; all audited; the
engine never decides an appeal."""

from __future__ import annotations

import re

from sqlalchemy import select

from legal.conftest import Legal
from notifications.notify_support import body_text
from palabre.storage.models import Comment, ModerationAction
from palabre.storage.models_legal import Appeal

THREAD = "https://journal.example/article-1"
AUTHOR = "lecteur@example.org"


def _post(legal: Legal, text: str) -> dict[str, object]:
    response = legal.client.post(
        "/api/comments", json={"thread": THREAD, "text": text, "email": AUTHOR, "author": "Lecteur"}
    )
    assert response.status_code == 201, response.text
    body: dict[str, object] = response.json()
    return body


def test_an_appeal_reverses_a_reject_and_the_author_is_told(legal: Legal) -> None:
    posted = _post(legal, "Quelle ordure, cet élu.")
    comment = posted["comment"]
    assert isinstance(comment, dict)
    cid, token = comment["id"], str(posted["view_token"])
    assert posted["moderation"]["decision"] == "reject"  # type: ignore[index]

    statement = legal.client.get(f"/api/comments/{cid}/statement", params={"token": token})
    assert statement.status_code == 200, statement.text
    shown = statement.json()["statement"]
    assert shown["decision"] == "reject" and shown["automated"] is True
    assert shown["grounds"][0]["words"] == ["ordure"]
    assert "\u00a0:" in shown["redress"] or "\u202f:" in shown["redress"]  # French typography
    assert (
        legal.client.get(f"/api/comments/{cid}/statement", params={"token": "forgé"}).json()[
            "error"
        ]["code"]
        == "jeton_invalide"
    )

    page = legal.client.get(f"/motifs/{cid}", params={"jeton": token})
    assert "Exposé des motifs" in page.text and "<mark>ordure</mark>" in page.text
    assert "moyens automatisés" in page.text and 'class="appeal-form"' in page.text
    filed = legal.client.post(
        f"/motifs/{cid}/recours",
        data={"jeton": token, "texte": "C'était une citation du ministre."},
        follow_redirects=True,
    )
    assert "Votre recours a bien été reçu" in filed.text
    again = legal.client.post(f"/api/comments/{cid}/appeals", json={"token": token, "text": "!"})
    assert again.json()["error"]["code"] == "recours_existant"

    with legal.db.session() as session:  # the engine decided nothing about the appeal
        stored = session.scalars(select(Appeal)).one()
        assert (stored.status, stored.decided_by) == ("open", None)

    csrf = legal.login()
    queue = legal.client.get("/moderation/recours")
    assert "C&#39;était une citation du ministre." in queue.text
    decided = legal.client.post(
        f"/moderation/recours/{stored.id}",
        data={"csrf": csrf, "outcome": "reverse"},
        follow_redirects=False,
    )
    assert decided.status_code == 303

    with legal.db.session() as session:
        assert session.get(Comment, cid).status == "published"  # type: ignore[union-attr]
        appeal = session.get(Appeal, stored.id)
        assert appeal is not None and appeal.status == "reversed"
        assert appeal.decided_by == "admin@journal.example"
        audit = [
            (a.actor, a.action, a.from_status, a.to_status)
            for a in session.scalars(
                select(ModerationAction)
                .where(ModerationAction.comment_id == cid)
                .order_by(ModerationAction.id)
            )
        ]
    assert audit == [
        ("système", "auto_reject", "pending", "rejected"),
        ("auteur", "appeal_filed", "rejected", "rejected"),
        ("admin@journal.example", "appeal_reversed", "rejected", "published"),
    ]
    [mail] = legal.smtp.inbox.wait_for(lambda m: "recours" in str(m["Subject"]))
    assert mail["To"] == AUTHOR
    text = body_text(mail)
    assert "Votre recours est accueilli" in text and "et non le moteur" in text
    link = re.search(r"https?://\S+/motifs/\d+\?jeton=\S+", text)
    assert link is not None
    assert (
        "Votre recours a été accueilli"
        in legal.client.get(link[0].replace("http://palabre.test", "")).text
    )
    assert legal.client.get("/api/comments", params={"thread": THREAD}).json()["total"] == 1


def test_an_upheld_appeal_keeps_the_decision(legal: Legal) -> None:
    posted = _post(legal, "Un avis douteux.")
    cid, token = posted["comment"]["id"], posted["view_token"]  # type: ignore[index]
    filed = legal.client.post(f"/api/comments/{cid}/appeals", json={"token": token, "text": "?"})
    assert filed.status_code == 201, filed.text
    csrf = legal.login()
    legal.client.post(
        f"/moderation/recours/{filed.json()['appeal']['id']}",
        data={"csrf": csrf, "outcome": "uphold"},
    )
    with legal.db.session() as session:
        assert session.get(Comment, cid).status == "held"  # type: ignore[union-attr]
    [mail] = legal.smtp.inbox.wait_for(lambda m: "recours" in str(m["Subject"]))
    assert "la décision sur votre commentaire est maintenue" in body_text(mail)


def test_nothing_to_contest_on_a_published_comment(legal: Legal) -> None:
    posted = _post(legal, "Un avis très calme et posé.")
    cid, token = posted["comment"]["id"], posted["view_token"]  # type: ignore[index]
    response = legal.client.post(f"/api/comments/{cid}/appeals", json={"token": token})
    assert response.json()["error"]["code"] == "recours_impossible"
