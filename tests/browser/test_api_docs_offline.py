"""/api/docs with the network off (issue 18, item 14): the page is whole without any request
outside palabre (no CDN script, style sheet or icon), in real Chromium."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, Route, expect

from browser.browser_support import LiveServer, Watch

pytestmark = pytest.mark.browser


def test_api_docs_work_offline(page: Page, live_server: LiveServer, watch: Watch) -> None:
    outside: list[str] = []

    def offline(route: Route) -> None:
        if route.request.url.startswith(live_server.url):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort("internetdisconnected")

    page.route("**/*", offline)
    failed: list[str] = []
    page.on("requestfailed", lambda r: failed.append(r.url))
    response = page.goto(f"{live_server.url}/api/docs")
    assert response is not None and response.status == 200
    page.wait_for_load_state("networkidle")
    expect(page.locator("h1")).to_contain_text("API de palabre")
    expect(page.locator(".op", has_text="/api/comments").first).to_be_visible()
    expect(page.get_by_text("Publier un commentaire ou une réponse").first).to_be_visible()
    assert outside == [], outside
    assert failed == [], failed
    assert all(
        url.startswith(live_server.url) or url.startswith("data:") for url in watch.requests
    ), watch.requests
