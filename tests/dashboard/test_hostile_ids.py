"""A logged-in moderator's hostile or mistyped identifiers get a 4xx page, never a 500: huge,
non-numeric or non-ASCII digits in paths, filters, action forms and bans."""

from __future__ import annotations

import pytest

from .conftest import ADMIN, Dash

HUGE = str(2**64)
LONG = "9" * 5000


@pytest.mark.parametrize(
    "path",
    [
        f"/moderation/comments/{HUGE}",
        f"/moderation/comments/{LONG}",
        "/moderation/comments/abc",
        "/moderation/comments/0",
    ],
)
def test_a_comment_page_with_a_bad_id_is_not_found(dash: Dash, path: str) -> None:
    dash.login(ADMIN)
    response = dash.client.get(path)
    assert response.status_code == 404
    assert "Adresse introuvable" in response.text


@pytest.mark.parametrize(
    "query",
    [
        "site=²",
        "article=²",
        f"site={HUGE}",
        f"article={LONG}",
        "page=99999999999999999999",
    ],
)
def test_queue_filters_with_bad_ids_are_ignored(dash: Dash, query: str) -> None:
    dash.login(ADMIN)
    assert dash.client.get(f"/moderation/queue/held?{query}").status_code == 200
    assert dash.client.get(f"/moderation/audit?{query}").status_code == 200


@pytest.mark.parametrize("ids", [["²"], [LONG], [HUGE], ["-1", "0"]])
def test_actions_on_bad_ids_do_nothing(dash: Dash, ids: list[str]) -> None:
    csrf = dash.login(ADMIN)
    response = dash.client.post(
        "/moderation/actions",
        data={"csrf": csrf, "verb": "publish", "ids": ids, "back": "/moderation/queue/held"},
        follow_redirects=False,
    )
    assert response.status_code == 303


@pytest.mark.parametrize("site", ["abc", "0", "-1", "²", HUGE, "999999"])
def test_a_ban_on_an_unknown_site_is_refused(dash: Dash, site: str) -> None:
    csrf = dash.login(ADMIN)
    response = dash.client.post(
        "/moderation/bans",
        data={"csrf": csrf, "site": site, "email": "troll@example.org", "duration": "7d"},
        follow_redirects=False,
    )
    assert response.status_code == 404
    assert "Site inconnu" in response.text


@pytest.mark.parametrize("ban_id", [HUGE, LONG, "abc"])
def test_lifting_a_ban_with_a_bad_id_is_not_found(dash: Dash, ban_id: str) -> None:
    csrf = dash.login(ADMIN)
    response = dash.client.post(
        f"/moderation/bans/{ban_id}/lift", data={"csrf": csrf}, follow_redirects=False
    )
    assert response.status_code == 404
