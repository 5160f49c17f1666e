"""Dashboard sessions are revocable server-side: after logout, a password change or disabling
the account, a copied cookie opens nothing and acts on nothing."""

from __future__ import annotations

from fastapi.testclient import TestClient

from palabre.review.accounts import set_password
from palabre.storage.models import Comment
from palabre.storage.models_review import Account

from .conftest import ADMIN, MODERATOR, Dash

COOKIE = "palabre_moderation"


def _copy(dash: Dash) -> TestClient:
    """Another browser holding a copy of the current session cookie."""
    stolen = dash.client.cookies.get(COOKIE)
    assert stolen
    copy = TestClient(dash.app, base_url="http://palabre.test")
    copy.cookies.set(COOKIE, stolen, domain="palabre.test", path="/moderation")
    return copy


def _locked_out(client: TestClient) -> bool:
    response = client.get("/moderation/queue/held", follow_redirects=False)
    return response.status_code == 303 and "/moderation/login" in response.headers["location"]


def test_a_copied_cookie_acts_on_nothing_after_logout(dash: Dash) -> None:
    held = dash.comment("Un avis douteux sur la question.")
    csrf = dash.login(ADMIN)
    copy = _copy(dash)
    assert not _locked_out(copy)  # the copy works while the session is open
    dash.client.post("/moderation/logout", data={"csrf": csrf}, follow_redirects=False)
    assert _locked_out(copy)
    response = copy.post(
        "/moderation/actions",
        data={
            "csrf": csrf,
            "verb": "publish",
            "ids": [str(held)],
            "back": "/moderation/queue/held",
        },
        follow_redirects=False,
    )
    assert response.status_code == 401
    with dash.db.session() as session:
        comment = session.get(Comment, held)
        assert comment is not None and comment.status == "held"


def test_a_password_change_ends_every_session_of_the_account(dash: Dash) -> None:
    dash.login(MODERATOR)
    copy = _copy(dash)
    with dash.db.session() as session:
        set_password(session, MODERATOR[0], "un-tout-nouveau-mot-de-passe")
    assert _locked_out(dash.client) and _locked_out(copy)


def test_a_disabled_then_enabled_account_does_not_get_its_old_sessions_back(dash: Dash) -> None:
    from palabre.review.accounts import disable_account

    dash.login(MODERATOR)
    with dash.db.session() as session:
        disable_account(session, MODERATOR[0])
    with dash.db.session() as session:
        account = session.query(Account).filter(Account.email == MODERATOR[0]).one()
        account.disabled = False
    assert _locked_out(dash.client)


def test_logging_in_again_opens_a_new_session(dash: Dash) -> None:
    csrf = dash.login(ADMIN)
    dash.client.post("/moderation/logout", data={"csrf": csrf}, follow_redirects=False)
    dash.login(ADMIN)
    assert not _locked_out(dash.client)
