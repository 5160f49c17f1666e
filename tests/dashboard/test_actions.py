"""Moderators' actions over HTTP: each writes its audit row, the public API follows at once,
undo reverts with its own row, bans stop the author from posting."""

from __future__ import annotations

import re

from sqlalchemy import select

from palabre.storage.models import Comment, ModerationAction, Report

from .conftest import ADMIN, MODERATOR, THREAD, Dash


def _public_ids(dash: Dash) -> set[int]:
    page = dash.client.get("/api/comments", params={"thread": THREAD}).json()
    return {c["id"] for c in page["comments"] if c["status"] == "published"}


def _humans(dash: Dash, comment_id: int) -> list[ModerationAction]:
    with dash.db.session() as session:
        return list(
            session.scalars(
                select(ModerationAction)
                .where(
                    ModerationAction.comment_id == comment_id,
                    ModerationAction.actor.not_in(("système", "auteur")),
                )
                .order_by(ModerationAction.id)
            )
        )


def _status(dash: Dash, comment_id: int) -> str:
    with dash.db.session() as session:
        comment = session.get(Comment, comment_id)
        assert comment is not None
        return comment.status


def test_the_queue_shows_the_evidence_escaped_and_marked(dash: Dash) -> None:
    held = dash.comment('Si a < b et "c" > d, un avis douteux & <b>gras</b>', author="Léa")
    dash.login(MODERATOR)
    page = dash.client.get("/moderation/queue/held").text
    assert f'id="c-{held}"' in page
    assert "<mark" in page and ">douteux</mark>" in page
    assert "a &lt; b et &#34;c&#34; &gt; d" in page
    assert "<b>gras</b>" not in page and "&lt;b&gt;gras&lt;/b&gt;" in page
    assert "violence-haine-insultes" in page and "« douteux » est une insulte" in page
    assert "en attente depuis" in page


def test_publish_writes_an_audit_row_and_the_public_api_shows_it(dash: Dash) -> None:
    held = dash.comment("Un avis douteux mais acceptable.")
    assert held not in _public_ids(dash)
    csrf = dash.login(MODERATOR)
    response = dash.act(csrf, "publish", held, note="ironie, pas une insulte")
    assert response.status_code == 303
    assert "undo=" in response.headers["location"]
    assert _status(dash, held) == "published"
    assert held in _public_ids(dash)
    (row,) = _humans(dash, held)
    assert (row.actor, row.action, row.from_status, row.to_status) == (
        MODERATOR[0],
        "publish",
        "held",
        "published",
    )
    assert row.clauses == ["violence-haine-insultes"]
    assert row.note == "ironie, pas une insulte"
    audit = dash.client.get("/moderation/audit", params={"actor": MODERATOR[0]}).text
    assert f"#{held}" in audit and "ironie, pas une insulte" in audit


def test_reject_and_delete_hide_the_comment(dash: Dash) -> None:
    first = dash.comment("Tout à fait d'accord.")
    second = dash.comment("Je partage cet avis.")
    csrf = dash.login(ADMIN)
    assert {first, second} <= _public_ids(dash)
    dash.act(csrf, "reject", first)
    dash.act(csrf, "delete", second)
    assert not {first, second} & _public_ids(dash)
    assert (_status(dash, first), _status(dash, second)) == ("rejected", "deleted")


def test_undo_reverts_with_its_own_audit_row(dash: Dash) -> None:
    held = dash.comment("Encore un avis douteux.")
    csrf = dash.login(MODERATOR)
    location = dash.act(csrf, "reject", held).headers["location"]
    page = dash.client.get(location).text
    assert "Annuler" in page
    token = re.search(r'name="token" value="([^"]+)"', page)
    assert token
    response = dash.client.post(
        "/moderation/undo",
        data={"csrf": csrf, "token": token[1], "back": "/moderation/queue/held"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert _status(dash, held) == "held"
    actions = [(a.action, a.from_status, a.to_status) for a in _humans(dash, held)]
    assert actions == [("reject", "held", "rejected"), ("undo", "rejected", "held")]
    # the same token cannot undo twice: the comment moved since
    dash.client.post("/moderation/undo", data={"csrf": csrf, "token": token[1]})
    assert len(_humans(dash, held)) == 2


def test_undo_restores_a_deleted_comment_text(dash: Dash) -> None:
    published = dash.comment("Un commentaire à garder.")
    csrf = dash.login(ADMIN)
    page = dash.client.get(dash.act(csrf, "delete", published).headers["location"]).text
    token = re.search(r'name="token" value="([^"]+)"', page)
    assert token
    dash.client.post("/moderation/undo", data={"csrf": csrf, "token": token[1]})
    assert _status(dash, published) == "published"
    assert published in _public_ids(dash)


def test_an_undo_token_is_personal(dash: Dash) -> None:
    held = dash.comment("Un avis douteux.")
    csrf = dash.login(ADMIN)
    page = dash.client.get(dash.act(csrf, "publish", held).headers["location"]).text
    token = re.search(r'name="token" value="([^"]+)"', page)
    assert token
    csrf = dash.login(MODERATOR)
    response = dash.client.post("/moderation/undo", data={"csrf": csrf, "token": token[1]})
    assert response.status_code == 409
    assert _status(dash, held) == "published"


def test_bulk_actions_apply_to_every_selected_comment(dash: Dash) -> None:
    ids = [dash.comment(f"Avis douteux numéro {i}.") for i in range(3)]
    csrf = dash.login(MODERATOR)
    dash.act(csrf, "reject", *ids[:2])
    assert [_status(dash, i) for i in ids] == ["rejected", "rejected", "held"]
    counts = dash.client.get("/moderation/counts.json").json()["counts"]
    assert counts["held"] == 1 and counts["rejected"] == 2


def test_reported_comments_can_be_dismissed_or_removed(dash: Dash) -> None:
    kept = dash.comment("Un avis tranché mais correct.")
    removed = dash.comment("Un autre avis tranché.")
    for comment_id in (kept, removed):
        dash.service.report(comment_id, "insulte", "c'est insultant")
    csrf = dash.login(MODERATOR)
    page = dash.client.get("/moderation/queue/reported").text
    assert f'id="c-{kept}"' in page and "c&#39;est insultant" in page
    dash.act(csrf, "dismiss", kept)
    dash.act(csrf, "reject", removed)
    with dash.db.session() as session:
        statuses = {r.comment_id: r.status for r in session.scalars(select(Report))}
    assert statuses == {kept: "dismissed", removed: "upheld"}
    assert _status(dash, kept) == "published"
    assert dash.client.get("/moderation/counts.json").json()["counts"]["reported"] == 0
    assert [a.action for a in _humans(dash, kept)] == ["dismiss_reports"]


def test_a_suspended_author_cannot_post_until_the_end(dash: Dash) -> None:
    held = dash.comment("Un avis douteux.", email="troll@example.org")
    csrf = dash.login(MODERATOR)
    assert dash.act(csrf, "ban", held, duration="7d", note="récidive").status_code == 303
    response = dash.client.post(
        "/api/comments",
        json={"thread": THREAD, "text": "Je reviens !", "email": "Troll@example.org"},
    )
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "auteur_suspendu"
    (row,) = _humans(dash, held)
    assert row.action == "suspend" and "récidive" in row.note
    other = dash.client.post(
        "/api/comments",
        json={"thread": THREAD, "text": "Bonjour à tous.", "email": "lecteur@example.org"},
    )
    assert other.status_code == 201
    bans = dash.client.get("/moderation/bans").text
    assert "troll@example.org" in bans


def test_a_ban_by_email_from_the_bans_page_and_its_lifting(dash: Dash) -> None:
    csrf = dash.login(ADMIN)
    dash.client.post(
        "/moderation/bans",
        data={"csrf": csrf, "site": "1", "email": "spam@example.org", "duration": "ban"},
    )
    post = {"thread": THREAD, "text": "Achetez maintenant.", "email": "spam@example.org"}
    refused = dash.client.post("/api/comments", json=post)
    assert refused.json()["error"]["code"] == "auteur_banni"
    ban_id = re.search(r"/moderation/bans/(\d+)/lift", dash.client.get("/moderation/bans").text)
    assert ban_id
    dash.client.post(f"/moderation/bans/{ban_id[1]}/lift", data={"csrf": csrf})
    assert dash.client.post("/api/comments", json=post).status_code == 201


def test_the_audit_log_exports_as_csv(dash: Dash) -> None:
    held = dash.comment("Un avis douteux.")
    csrf = dash.login(ADMIN)
    dash.act(csrf, "publish", held, note='=HYPERLINK("x")')
    response = dash.client.get("/moderation/audit.csv", params={"action": "publish"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    lines = response.text.lstrip("\ufeff").splitlines()
    assert lines[0].startswith("id;date;acteur;action;commentaire")
    assert len(lines) == 2 and ADMIN[0] in lines[1] and ";publié;" in lines[1]
    assert "'=HYPERLINK" in lines[1]  # no spreadsheet formula injection


def test_a_deleted_comment_text_is_wiped_once_undo_is_over(dash: Dash) -> None:
    from datetime import UTC, datetime, timedelta

    from palabre.review.actions import purge_deleted

    deleted = dash.comment(
        "Un commentaire bientôt supprimé.", author="Léa", email="lea@example.org"
    )
    dash.act(dash.login(ADMIN), "delete", deleted)
    with dash.db.session() as session:
        assert purge_deleted(session, datetime.now(UTC), timedelta(seconds=70)) == 0
        assert (
            purge_deleted(session, datetime.now(UTC) + timedelta(minutes=2), timedelta(seconds=70))
            == 1
        )
        comment = session.get(Comment, deleted)
        assert comment is not None
        assert (comment.status, comment.text, comment.author_name, comment.author_email) == (
            "deleted",
            "",
            None,
            None,
        )
