"""The demo as `palabre demo` builds it (issue 18, item 5): « Suivre les commentaires » works end
to end in real Chromium, through the demo's local mail sink and its /demo/courriels page."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.slow]


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
