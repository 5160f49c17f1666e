"""The ordinary thread read answered before the router (web/fast_read.py) gives the very bytes
the route gives — status, every header in order, body — and leaves everything else to the
route: pagination, unknown threads and sites, doubtful parameters (the French error envelope),
conditional requests, CORS (preflight and simple), other methods."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from palabre.moderation.findings import CATEGORIES, CheckContext
from palabre.moderation.verdict import Verdict
from palabre.settings import Settings
from palabre.storage.db import Database
from palabre.web.app import create_app
from palabre.web.fast_read import FastThreadRead
from read_path_testing import seed_thread

ORIGIN = "https://journal.example"  # allowed by the test settings
Answer = tuple[int, list[tuple[str, str]], bytes]


class PublishAll:
    def check(self, text: str, context: CheckContext | None = None) -> Verdict:
        return Verdict(
            decision="publish", reasons=(), scores=dict.fromkeys(CATEGORIES, 0.0), language="fr"
        )


def fast_layer(app: FastAPI) -> FastThreadRead:
    if app.middleware_stack is None:
        app.middleware_stack = app.build_middleware_stack()
    layer: Any = app.middleware_stack
    while not isinstance(layer, FastThreadRead):
        layer = layer.app
    return layer


@pytest.fixture
def app(settings: Settings, db: Database) -> Iterator[FastAPI]:
    # No read cache: every request below is answered by the fast path or the route.
    application = create_app(settings.replace(read_cache_entries=0), PublishAll(), db=db)
    seed_thread(db, "fil", roots=7, replies=12)
    seed_thread(db, "/2026/é-ü/«fil»?x=1&y", roots=2, replies=1)
    yield application


def both(
    app: FastAPI, method: str, url: str, headers: dict[str, str] | None = None
) -> tuple[Answer, Answer, int]:
    """The answer with the fast path, the answer without it, and how many requests the fast
    path answered."""
    layer = fast_layer(app)
    answers = []
    before = layer.answered
    with TestClient(app, base_url="http://palabre.test", follow_redirects=False) as client:
        for enabled in (True, False):
            layer.enabled = enabled
            response = client.request(method, url, headers=headers or {})
            answers.append(
                (response.status_code, list(response.headers.multi_items()), response.content)
            )
    layer.enabled = True
    return answers[0], answers[1], layer.answered - before


FIL = "/api/comments?thread=fil"
PLAIN = [
    FIL,
    FIL + "&order=oldest",
    FIL + "&order=newest&limit=2",
    FIL + "&limit=3&order=oldest",
    FIL + "&limit=500",
    FIL + "&limit=1&site=default",
    FIL + "&unknown=1&lang=en",
    "/api/comments?thread=" + quote("/2026/é-ü/«fil»?x=1&y", safe=""),
    "/api/comments?thread=inconnu",
    "/api/comments?thread=" + "x" * 1000,
]
ROUTED = [
    "/api/comments",
    "/api/comments?thread=",
    FIL + "&site=nope",
    FIL + "&limit=0",
    FIL + "&limit=501",
    FIL + "&limit=05",
    FIL + "&limit=x",
    FIL + "&order=bad",
    FIL + "&cursor=zzz",
    FIL + "&cursor=" + "a" * 201,
    FIL + "&limit=2&limit=3",
    FIL + "&thread=autre",
    FIL + "&site=" + "s" * 65,
    "/api/comments?thread=" + "x" * 1001,
    "/api/comments/?thread=fil",
]


@pytest.mark.parametrize("url", PLAIN)
@pytest.mark.parametrize("locale", ["fr", "en"])
def test_a_plain_read_is_answered_before_the_router_with_the_same_bytes(
    app: FastAPI, url: str, locale: str
) -> None:
    fast, routed, answered = both(app, "GET", url, {"Accept-Language": locale})
    assert fast == routed
    assert fast[0] == 200 and answered == 1


@pytest.mark.parametrize("url", ROUTED)
def test_anything_doubtful_goes_to_the_route(app: FastAPI, url: str) -> None:
    fast, routed, answered = both(app, "GET", url)
    assert fast == routed
    assert answered == 0
    if fast[0] in (404, 422):
        assert b'"message":' in fast[2]


def test_errors_stay_french_and_english(app: FastAPI) -> None:
    fast, _, _ = both(app, "GET", FIL + "&limit=x")
    assert fast[0] == 422 and b"nombre entier" in fast[2]
    fast, routed, _ = both(app, "GET", FIL + "&site=nope", {"Accept-Language": "en"})
    assert fast == routed and fast[0] == 404 and b"site" in fast[2]


def test_pages_follow_their_cursors_the_same_way(app: FastAPI) -> None:
    url = FIL + "&limit=2&order=oldest"
    seen = 0
    while url:
        fast, routed, answered = both(app, "GET", url)
        assert fast == routed and fast[0] == 200 and answered == 1
        page = TestClient(app).get(url).json()
        seen += len(page["comments"])
        cursor = page["next_cursor"]
        url = FIL + f"&limit=2&order=oldest&cursor={cursor}" if cursor else ""
    assert seen == 7


def test_a_conditional_read_gets_the_same_304(app: FastAPI) -> None:
    etag = TestClient(app).get(FIL).headers["etag"]
    for wanted in (etag, f"W/{etag}", f'"autre", {etag}'):
        fast, routed, answered = both(app, "GET", FIL, {"If-None-Match": wanted})
        assert fast == routed and fast[0] == 304 and fast[2] == b"" and answered == 1
    fast, routed, answered = both(app, "GET", FIL, {"If-None-Match": '"autre"'})
    assert fast == routed and fast[0] == 200 and answered == 1


def test_cors_headers_are_the_same(app: FastAPI) -> None:
    fast, routed, answered = both(app, "GET", FIL, {"Origin": ORIGIN})
    assert fast == routed and answered == 1
    assert ("access-control-allow-origin", ORIGIN) in fast[1]
    fast, routed, answered = both(app, "GET", FIL, {"Origin": "https://ailleurs.example"})
    assert fast == routed and answered == 1
    assert "access-control-allow-origin" not in dict(fast[1])
    preflight = {"Origin": ORIGIN, "Access-Control-Request-Method": "GET"}
    fast, routed, answered = both(app, "OPTIONS", FIL, preflight)
    assert fast == routed and fast[0] == 204 and answered == 0


@pytest.mark.parametrize("method", ["HEAD", "POST", "DELETE", "PUT"])
def test_other_methods_go_to_the_route(app: FastAPI, method: str) -> None:
    fast, routed, answered = both(app, method, FIL)
    assert fast == routed and answered == 0


def test_a_nul_in_the_query_is_refused_before_either(app: FastAPI) -> None:
    fast, routed, answered = both(app, "GET", FIL + "%00")
    assert fast == routed and fast[0] == 400 and answered == 0


def test_security_headers_are_on_the_fast_answer(app: FastAPI) -> None:
    fast, _, _ = both(app, "GET", FIL)
    headers = dict(fast[1])
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["cache-control"] == "public, no-cache"
    assert headers["content-type"] == "application/json"
