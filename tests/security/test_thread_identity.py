"""A thread's URL and title come from its first comment, checked: http(s) on the site's
declared origins, no credentials; a later poster never changes them."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from palabre_testing import CLEAN, CLEAN_TEXTS, THREAD, Poster


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(document.cookie)",
        "JavaScript:alert(1)",
        "data:text/html,<b>x</b>",
        "https://pirate.example/article-1",
        "http://journal.example.pirate.example/x",
        "ftp://journal.example/x",
        "//pirate.example/x",
        "https://",
        "https://journal.example:99999/",
    ],
)
def test_a_thread_url_off_the_site_or_not_http_is_refused(post: Poster, url: str) -> None:
    response = post(thread_url=url)
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "url_fil_invalide"


def test_credentials_are_stripped_from_a_thread_url(client: TestClient, post: Poster) -> None:
    assert post(thread_url="https://moi:secret@journal.example/article-1?x=1#c").status_code == 201
    page = client.get("/api/comments", params={"thread": THREAD}).json()
    assert page["thread"]["url"] == "https://journal.example/article-1?x=1#c"


def test_a_later_poster_never_changes_the_thread_url_or_title(
    client: TestClient, post: Poster
) -> None:
    assert post(CLEAN_TEXTS[0], thread_url="https://journal.example/article-1").status_code == 201
    later = post(
        CLEAN_TEXTS[1], thread_url="https://journal.example/autre", thread_title="Titre détourné"
    )
    assert later.status_code == 201
    page = client.get("/api/comments", params={"thread": THREAD}).json()
    assert page["thread"]["url"] == "https://journal.example/article-1"
    assert page["thread"]["title"] == ""  # the first poster gave none; it stays so


def test_a_path_on_the_site_is_accepted(client: TestClient, post: Poster) -> None:
    assert post(CLEAN, thread="demo", thread_url="/demo/seed-000").status_code == 201
    page = client.get("/api/comments", params={"thread": "demo"}).json()
    assert page["thread"]["url"] == "/demo/seed-000"
