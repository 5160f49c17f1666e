"""Queues are queries: filters, order, pages and counts."""

from __future__ import annotations

import re

from palabre.comments.service import NewComment

from .conftest import MODERATOR, Dash

_IDS = re.compile(r'<article class="item[^"]*" id="c-(\d+)"')


def _ids(page: str) -> list[int]:
    return [int(i) for i in _IDS.findall(page)]


def test_oldest_first_by_default_and_filters(dash: Dash) -> None:
    first = dash.comment("Un premier avis douteux.")
    second = dash.service.post(
        NewComment(
            site="default",
            thread="https://journal.example/b",
            text="Un second avis douteux.",
            thread_title="Un autre article",
        )
    ).comment
    dash.comment("Un avis publié sans souci.")
    dash.login(MODERATOR)
    assert _ids(dash.client.get("/moderation/queue/held").text) == [first, second.id]
    assert _ids(dash.client.get("/moderation/queue/held?order=newest").text) == [second.id, first]
    by_article = dash.client.get(f"/moderation/queue/held?article={second.thread_id}").text
    assert _ids(by_article) == [second.id]
    assert _ids(
        dash.client.get(
            "/moderation/queue/held?clause=violence-haine-insultes&category=insulte"
        ).text
    ) == [first, second.id]
    assert _ids(dash.client.get("/moderation/queue/held?category=spam").text) == []
    assert (
        "Rien à modérer ici." in dash.client.get("/moderation/queue/held?clause=racisme-loi").text
    )
    assert len(_ids(dash.client.get("/moderation/queue/recent").text)) == 1
    assert dash.client.get("/moderation/queue/nope").status_code == 404


def test_long_queues_are_paged(dash: Dash) -> None:
    ids = [dash.comment(f"Avis douteux numéro {i}.") for i in range(27)]
    dash.login(MODERATOR)
    page_one = dash.client.get("/moderation/queue/held").text
    assert _ids(page_one) == ids[:25]
    assert 'href="?page=2"' in page_one
    assert _ids(dash.client.get("/moderation/queue/held?page=2").text) == ids[25:]
    assert _ids(dash.client.get("/moderation/queue/held?page=99").text) == ids[25:]
