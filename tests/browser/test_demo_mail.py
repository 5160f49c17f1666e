"""The demo as `palabre demo` builds it (issue 18, item 5): « Suivre les commentaires » works end
to end in real Chromium, through the demo's local mail sink and its /demo/courriels page."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from browser.browser_support import CHROMIUM
from notifications.notify_support import free_port

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM}")
    import uvicorn

    from palabre.demo.site import build_demo

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    demo = build_demo(data_dir=str(tmp_path_factory.mktemp("demo")), public_url=url,
                      host="127.0.0.1", port=port)
    server = uvicorn.Server(uvicorn.Config(demo.app, host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="off", ws="none"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the demo did not start"
        time.sleep(0.02)
    yield url
    server.should_exit = True
    thread.join(10)
    demo.close()


def test_follow_in_the_demo_end_to_end(page: Page, demo_url: str) -> None:
    page.goto(f"{demo_url}/demo/seed-000")
    page.locator("form.palabre-main-form").wait_for()
    page.get_by_text("Suivre les commentaires").click()
    follow = page.locator(".palabre-follow")
    follow.get_by_label("Votre adresse e-mail").fill("lectrice@demo.example")
    follow.get_by_role("button", name="Suivre").click()
    expect(follow.locator(".palabre-status")).to_contain_text("Vérifiez votre boîte de réception")
    expect(follow).not_to_contain_text("n'est pas configuré")

    page.goto(f"{demo_url}/demo/")
    page.get_by_role("link", name="la boîte de la démonstration").click()
    mail = page.locator("article.mail").first
    expect(mail).to_contain_text("lectrice@demo.example")
    confirm = mail.locator("a", has_text="/confirm").first
    expect(confirm).to_be_visible()
    confirm.click()
    expect(page.locator("body")).to_contain_text("Abonnement confirmé")
    expect(page.locator("body")).not_to_contain_text("invalide")
