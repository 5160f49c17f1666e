"""Bad and hostile input: a clear French error with a stable code and status, nothing stored."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from palabre.storage.db import Database
from palabre.storage.models import Comment
from palabre_testing import CLEAN, CLEAN_TEXTS, THREAD, Poster


def _count(db: Database) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count(Comment.id))) or 0)


def _error(response: object, status: int, code: str) -> dict[str, object]:
    import httpx

    assert isinstance(response, httpx.Response)
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["code"] == code and error["status"] == status
    assert isinstance(error["message"], str) and error["message"]
    return dict(error)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "texte_vide"),
        ("   \n\t  ", "texte_vide"),
        ("x" * 5001, "texte_trop_long"),
        ("Regardez <script>alert(1)</script>", "contenu_dangereux"),
        ('<img src=x onerror="alert(1)">', "contenu_dangereux"),
        ("[clic](javascript:alert(1))", "contenu_dangereux"),
        ("<svg/onload=alert(1)>", "contenu_dangereux"),
    ],
)
def test_bad_text_is_refused_and_nothing_stored(
    post: Poster, db: Database, text: str, code: str
) -> None:
    before = _count(db)
    error = _error(post(text), 422, code)
    assert error["field"] == "text"
    assert _count(db) == before


def test_messages_are_french_by_default_and_english_on_request(client: TestClient) -> None:
    fr = client.post("/api/comments", json={"thread": THREAD, "text": ""}).json()
    en = client.post(
        "/api/comments", json={"thread": THREAD, "text": ""}, headers={"Accept-Language": "en"}
    ).json()
    assert fr["error"]["message"] == "Le commentaire est vide."
    assert en["error"]["message"] == "The comment is empty."


def test_a_one_megabyte_body_is_refused(client: TestClient, db: Database) -> None:
    big = '{"thread": "t", "text": "' + "a" * 1_000_000 + '"}'
    response = client.post(
        "/api/comments", content=big, headers={"Content-Type": "application/json"}
    )
    _error(response, 413, "corps_trop_gros")
    assert _count(db) == 0


def test_invalid_json_and_invalid_utf8(client: TestClient, db: Database) -> None:
    headers = {"Content-Type": "application/json"}
    _error(
        client.post("/api/comments", content=b'{"thread": "t", "text": ', headers=headers),
        400,
        "json_invalide",
    )
    _error(
        client.post(
            "/api/comments", content=b'{"thread": "t", "text": "caf\xe9"}', headers=headers
        ),
        400,
        "utf8_invalide",
    )
    assert _count(db) == 0


def test_missing_field_names_the_field(client: TestClient) -> None:
    error = _error(client.post("/api/comments", json={"text": CLEAN}), 422, "requete_invalide")
    assert error["field"] == "thread"


def test_unknown_parent_and_parent_of_another_thread(post: Poster, db: Database) -> None:
    _error(post(parent=999_999), 404, "parent_inconnu")
    other = post(thread="https://journal.example/autre").json()["comment"]["id"]
    before = _count(db)
    _error(post(parent=other), 422, "parent_autre_fil")
    assert _count(db) == before


def test_unknown_site_and_thread_that_may_not_be_created(
    client: TestClient, post: Poster, db: Database
) -> None:
    _error(post(site="inconnu"), 404, "site_inconnu")
    from datetime import UTC, datetime

    from palabre.comments.sites import ensure_site

    with db.session() as session:
        ensure_site(session, "strict", "Site strict", [], datetime.now(UTC), auto_create=False)
    _error(post(site="strict"), 404, "fil_inconnu")
    assert _count(db) == 0


def test_forged_and_foreign_tokens_are_refused(client: TestClient, post: Poster) -> None:
    first = post(CLEAN_TEXTS[0]).json()
    second = post(CLEAN_TEXTS[1]).json()
    target = first["comment"]["id"]
    _error(
        client.patch(
            f"/api/comments/{target}",
            json={"text": "pirate"},
            headers={"X-Palabre-Token": "forged.token.value"},
        ),
        403,
        "jeton_invalide",
    )
    _error(
        client.patch(
            f"/api/comments/{target}",
            json={"text": "pirate"},
            headers={"X-Palabre-Token": second["edit_token"]},
        ),
        403,
        "jeton_invalide",
    )
    _error(client.delete(f"/api/comments/{target}"), 403, "jeton_invalide")
    page = client.get("/api/comments", params={"thread": THREAD}).json()
    assert all("pirate" not in c["html"] for c in page["comments"])


def test_expired_token_is_refused(client: TestClient, post: Poster) -> None:
    import time

    ctx = client.app.state.palabre  # type: ignore[attr-defined]
    body = post().json()
    ctx.comments.tokens.window_seconds = 0
    time.sleep(1.1)
    _error(
        client.delete(
            f"/api/comments/{body['comment']['id']}",
            headers={"X-Palabre-Token": body["edit_token"]},
        ),
        403,
        "jeton_expire",
    )


def test_origin_that_is_not_the_sites_is_refused(client: TestClient, db: Database) -> None:
    body = {"thread": THREAD, "text": CLEAN}
    _error(
        client.post("/api/comments", json=body, headers={"Origin": "https://evil.example"}),
        403,
        "origine_refusee",
    )
    ok = client.post("/api/comments", json=body, headers={"Origin": "https://journal.example"})
    assert ok.status_code == 201
    assert ok.headers["access-control-allow-origin"] == "https://journal.example"
    assert _count(db) == 1


def test_preflight_is_answered_only_for_the_sites_origins(client: TestClient) -> None:
    headers = {"Origin": "https://journal.example", "Access-Control-Request-Method": "POST"}
    ok = client.options("/api/comments", headers=headers)
    assert ok.status_code == 204
    assert ok.headers["access-control-allow-origin"] == "https://journal.example"
    evil = client.options("/api/comments", headers={**headers, "Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in evil.headers


def test_hostile_author_name_and_email(post: Poster) -> None:
    _error(post(author='<img src=x onerror="alert(1)">'), 422, "nom_invalide")
    _error(post(author="Modérateur\u202e"), 422, "nom_invalide")
    _error(post(email="pas-une-adresse"), 422, "email_invalide")


def test_honeypot_and_bad_report_reason(client: TestClient, post: Poster) -> None:
    _error(post(website="http://spam.example"), 422, "pot_de_miel")
    comment_id = post().json()["comment"]["id"]
    _error(
        client.post(f"/api/comments/{comment_id}/reports", json={"reason": "nope"}),
        422,
        "motif_invalide",
    )
    _error(
        client.post("/api/comments/999999/reports", json={"reason": "spam"}),
        404,
        "commentaire_inconnu",
    )


def test_bad_cursor_and_unknown_route(client: TestClient) -> None:
    _error(
        client.get("/api/comments", params={"thread": THREAD, "cursor": "%%%"}),
        400,
        "curseur_invalide",
    )
    _error(client.get("/api/nothing-here"), 404, "introuvable")


def test_control_characters_in_titles_are_dropped_and_in_keys_refused(
    client: TestClient, post: Poster
) -> None:
    ok = post(thread="https://journal.example/t", thread_title="Titre\x01 avec\x1b[31m\u202e codes")
    assert ok.status_code == 201
    # A NUL is refused outright, in this field as in any other (PostgreSQL cannot store it).
    _error(
        post(thread="https://journal.example/u", thread_title="Titre\x00"),
        400,
        "caractere_interdit",
    )
    page = client.get("/api/comments", params={"thread": "https://journal.example/t"}).json()
    assert page["thread"]["title"] == "Titre avec [31m codes"
    feed = client.get("/feeds/site.atom")
    assert feed.status_code == 200 and "Titre avec" in feed.text
    _error(post(thread="clé\x07"), 422, "requete_invalide")
