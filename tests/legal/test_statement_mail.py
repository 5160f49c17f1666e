"""The statement of reasons e-mailed to the author where their e-mail is known (DSA art. 17),
caught by a real SMTP server: an engine reject, a hold, a moderator's removal; nothing for an
author without e-mail, nor for a pre-moderation hold, nor for the author's own deletion."""

from __future__ import annotations

import re
import time
from typing import Any

from legal.conftest import Legal
from legal.legal_support import CLAUSE_TEXT
from notifications.notify_support import body_text
from palabre.legal.mail import statement_email
from palabre.storage.models import Site

THREAD = "https://journal.example/article-1"
AUTHOR = "auteur@example.org"


def _post(legal: Legal, text: str, **extra: str) -> dict[str, Any]:
    response = legal.client.post("/api/comments", json={"thread": THREAD, "text": text, **extra})
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def _mine(cid: int) -> Any:
    return lambda m: str(m["Subject"]).endswith(f"commentaire n° {cid}") and m["To"] == AUTHOR


def test_an_engine_reject_is_explained_by_e_mail(legal: Legal) -> None:
    posted = _post(legal, "Quelle ordure, cet élu.", email=AUTHOR)
    cid = posted["comment"]["id"]
    [mail] = legal.smtp.inbox.wait_for(_mine(cid))
    assert str(mail["Subject"]) == f"Décision sur votre commentaire n° {cid}"
    text = body_text(mail)
    assert "Votre commentaire a été refusé\u00a0: il n’est pas publié." in text
    assert (
        f"Fondement (la charte du site)\u00a0: {CLAUSE_TEXT} (mots en cause\u00a0: ordure)" in text
    )
    assert "moyens automatisés" in text and "jusqu’au" in text
    link = re.search(r"http://palabre\.test(/motifs/\d+\?jeton=\S+)", text)
    assert link is not None
    page = legal.client.get(link[1])
    assert "Exposé des motifs" in page.text and 'class="appeal-form"' in page.text


def test_a_hold_then_a_removal_by_a_moderator_each_send_one(legal: Legal) -> None:
    posted = _post(legal, "Un avis douteux.", email=AUTHOR)
    cid = posted["comment"]["id"]
    [held] = legal.smtp.inbox.wait_for(_mine(cid))
    assert "attend la relecture d’un modérateur" in body_text(held)
    csrf = legal.login()
    legal.client.post(
        "/moderation/actions",
        data={
            "csrf": csrf,
            "verb": "delete",
            "ids": str(cid),
            "note": "note interne, jamais citée",
            "back": "/moderation/queue/held",
        },
    )
    mails = legal.smtp.inbox.wait_for(_mine(cid), count=2)
    removed = body_text(mails[1])
    assert "Votre commentaire a été retiré du site." in removed
    assert "Décision prise par une personne" in removed
    assert "note interne" not in removed


def test_no_mail_without_address_under_pre_moderation_or_for_the_author_s_deletion(
    legal: Legal,
) -> None:
    with legal.db.session() as session:
        site = session.query(Site).filter_by(key="default").one()
        site.moderation_mode = "pre"
    held = _post(legal, "Un avis tout à fait calme.", email=AUTHOR)
    assert held["moderation"]["decision"] == "hold"
    with legal.db.session() as session:
        session.query(Site).filter_by(key="default").one().moderation_mode = None
    mine = _post(legal, "Un avis douteux à retirer moi-même.", email=AUTHOR)
    legal.smtp.inbox.wait_for(_mine(mine["comment"]["id"]))  # the hold, as before
    deleted = legal.client.delete(
        f"/api/comments/{mine['comment']['id']}", headers={"X-Palabre-Token": mine["edit_token"]}
    )
    assert deleted.status_code in {200, 204}, deleted.text
    unsent = _post(legal, "Quelle ordure, sans adresse.")
    with legal.db.session() as session:  # what the mail task would compose: nothing
        for cid in (held["comment"]["id"], unsent["comment"]["id"], mine["comment"]["id"]):
            assert statement_email(session, cid, str, "fr", 183, True) is None, cid
    time.sleep(1.0)  # and nothing else reached the SMTP server
    sent = [str(m["Subject"]) for m in legal.smtp.inbox.messages]
    assert sent == [f"Décision sur votre commentaire n° {mine['comment']['id']}"], sent
