"""Who may do what: login (rotation, throttling), CSRF on every form, per-site scopes, headers."""

from __future__ import annotations

from sqlalchemy import select

from palabre.settings import Settings
from palabre.storage.db import Database
from palabre.storage.models import Comment, ModerationAction
from palabre.storage.models_review import LoginAttempt

from .conftest import ADMIN, MODERATOR, Dash


def test_pages_need_a_login(dash: Dash) -> None:
    response = dash.client.get("/moderation/queue/held?article=3", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == (
        "/moderation/login?next=%2Fmoderation%2Fqueue%2Fheld%3Farticle%3D3"
    )
    assert dash.client.get("/moderation/counts.json", follow_redirects=False).status_code == 303


def test_login_rotates_the_session_and_the_cookie_is_locked_down(dash: Dash) -> None:
    before_csrf = dash.csrf()
    before_cookie = dash.client.cookies.get("palabre_moderation")
    response = dash.client.post(
        "/moderation/login",
        data={
            "csrf": before_csrf,
            "email": ADMIN[0].upper(),
            "password": ADMIN[1],
            "next": "/moderation/stats",
        },
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/moderation/stats"
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Path=/moderation" in cookie
    assert "Secure" not in cookie  # public_url is http:// in tests
    assert dash.client.cookies.get("palabre_moderation") != before_cookie
    after_csrf = dash.csrf("/moderation/stats")
    assert after_csrf != before_csrf
    # the pre-login token is dead: a planted session cannot be reused
    assert dash.act(before_csrf, "publish", 1).status_code == 403


def test_a_form_without_or_with_a_wrong_csrf_token_is_refused(dash: Dash) -> None:
    held = dash.comment("Un avis douteux sur la question.")
    csrf = dash.login(ADMIN)
    for data in ({}, {"csrf": ""}, {"csrf": csrf[:-2] + "xx"}):
        response = dash.client.post(
            "/moderation/actions",
            data={"verb": "publish", "ids": str(held), **data},
            follow_redirects=False,
        )
        assert response.status_code == 403
        assert "Le formulaire a expiré" in response.text
    login = dash.client.post("/moderation/login", data={"email": ADMIN[0], "password": ADMIN[1]})
    assert login.status_code == 403
    for path in (
        "/moderation/logout",
        "/moderation/undo",
        "/moderation/charter/save",
        "/moderation/bans",
        "/moderation/preferences",
    ):
        assert dash.client.post(path, data={"csrf": "nope"}).status_code == 403, path
    with dash.db.session() as session:
        assert session.get(Comment, held).status == "held"  # type: ignore[union-attr]
    assert dash.act(csrf, "publish", held).status_code == 303


def test_wrong_password_is_refused_then_throttled(dash: Dash) -> None:
    for _ in range(5):
        response = dash.client.post(
            "/moderation/login",
            data={"csrf": dash.csrf(), "email": MODERATOR[0], "password": "pas-le-bon"},
        )
        assert response.status_code == 401
        assert "Adresse e-mail ou mot de passe incorrect" in response.text
    blocked = dash.client.post(
        "/moderation/login",
        data={"csrf": dash.csrf(), "email": MODERATOR[0], "password": MODERATOR[1]},
    )
    assert blocked.status_code == 429
    assert "Trop de tentatives de connexion : réessayez dans 15 minutes." in blocked.text
    english = dash.client.post(
        "/moderation/login",
        headers={"Accept-Language": "en"},
        data={"csrf": dash.csrf(), "email": MODERATOR[0], "password": MODERATOR[1]},
    )
    assert english.status_code == 429 and "Too many login attempts" in english.text
    # another account from the same address is not blocked
    dash.login(ADMIN)
    with dash.db.session() as session:
        failures = session.scalars(
            select(LoginAttempt).where(
                LoginAttempt.email == MODERATOR[0], LoginAttempt.succeeded.is_(False)
            )
        ).all()
    assert len(failures) == 5


def test_unknown_email_is_refused_like_a_wrong_password(dash: Dash) -> None:
    response = dash.client.post(
        "/moderation/login",
        data={"csrf": dash.csrf(), "email": "personne@journal.example", "password": "x" * 12},
    )
    assert response.status_code == 401


def test_a_moderator_cannot_act_outside_their_sites(dash: Dash) -> None:
    mine = dash.comment("Un avis douteux ici.")
    theirs = dash.comment("Un avis douteux là-bas.", site="autre")
    csrf = dash.login(MODERATOR)
    queue = dash.client.get("/moderation/queue/held").text
    assert f'id="c-{mine}"' in queue and f'id="c-{theirs}"' not in queue
    assert dash.client.get("/moderation/counts.json").json()["counts"]["held"] == 1
    for verb in ("publish", "reject", "delete", "ban"):
        response = dash.act(csrf, verb, theirs)
        assert response.status_code == 403, verb
        assert "un site que vous ne modérez pas" in response.text
    assert dash.act(csrf, "publish", mine, theirs).status_code == 403  # all or nothing
    assert dash.client.get(f"/moderation/comments/{theirs}").status_code == 403
    with dash.db.session() as session:
        assert session.get(Comment, theirs).status == "held"  # type: ignore[union-attr]
        assert session.get(Comment, mine).status == "held"  # type: ignore[union-attr]
        humans = session.scalars(
            select(ModerationAction).where(ModerationAction.actor == MODERATOR[0])
        ).all()
    assert humans == []


def test_an_admin_sees_and_acts_on_every_site(dash: Dash) -> None:
    theirs = dash.comment("Un avis douteux là-bas.", site="autre")
    csrf = dash.login(ADMIN)
    assert f'id="c-{theirs}"' in dash.client.get("/moderation/queue/held").text
    assert dash.act(csrf, "publish", theirs).status_code == 303


def test_moderators_cannot_edit_the_charter(dash: Dash) -> None:
    csrf = dash.login(MODERATOR)
    assert dash.client.get("/moderation/charter").status_code == 200
    assert dash.client.get("/moderation/charter/edit").status_code == 403
    response = dash.client.post("/moderation/charter/save", data={"csrf": csrf, "source": "x"})
    assert response.status_code == 403 and "Réservé aux administrateurs" in response.text


def test_a_disabled_account_loses_its_session(dash: Dash) -> None:
    from palabre.review.accounts import disable_account

    dash.login(MODERATOR)
    with dash.db.session() as session:
        disable_account(session, MODERATOR[0])
    response = dash.client.get("/moderation/queue/held", follow_redirects=False)
    assert response.status_code == 303 and "/moderation/login" in response.headers["location"]


def test_dashboard_pages_carry_strict_security_headers(dash: Dash) -> None:
    dash.login(ADMIN)
    for path in ("/moderation/login", "/moderation/queue/held", "/moderation/stats"):
        headers = dash.client.get(path).headers
        csp = headers["content-security-policy"]
        assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp, path
        assert "unsafe-inline" not in csp
        assert headers["x-frame-options"] == "DENY"
        assert headers["cache-control"] == "no-store"
    page = dash.client.get("/moderation/queue/held").text
    assert "<script>" not in page and " style=" not in page and "onclick" not in page


def test_the_session_cookie_is_secure_behind_https(settings: Settings, db: Database) -> None:
    from fastapi.testclient import TestClient

    from palabre.web.app import create_app

    from .conftest import ScriptedModerator

    app = create_app(
        settings.replace(public_url="https://palabre.example"), ScriptedModerator(), db=db
    )
    with TestClient(app, base_url="https://palabre.example") as client:
        cookie = client.get("/moderation/login").headers["set-cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_logout_ends_the_session(dash: Dash) -> None:
    csrf = dash.login(ADMIN)
    response = dash.client.post("/moderation/logout", data={"csrf": csrf}, follow_redirects=False)
    assert response.headers["location"] == "/moderation/login"
    assert dash.client.get("/moderation/stats", follow_redirects=False).status_code == 303
    assert dash.act(csrf, "publish", 1).status_code == 403  # the old token died with it
