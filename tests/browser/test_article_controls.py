"""Article controls in real Chromium (issue 20): the widget says the article's limits in French
before the reader types, enforces them with the server's message, and offers no form on a
closed article."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import update

from browser.browser_support import HostSite, LiveServer, reader_email
from palabre.comments.sites import ensure_site
from palabre.storage.models import Thread

pytestmark = pytest.mark.browser

TEXTS = (
    "Le premier point soulevé par l'auteur mérite d'être discuté plus longuement.",
    "Je trouve que cette analyse reste prudente et bien documentée.",
    "Il faudra suivre l'évolution de ces négociations dans les prochaines semaines.",
)


def _limited_site(live_server: LiveServer, host: HostSite) -> None:
    with live_server.app.state.palabre.db.session() as session:
        site = ensure_site(session, "limites", "Journal limité", [host.origin], datetime.now(UTC))
        site.quota_per_day, site.quota_max_length = 2, 500


def test_limits_are_shown_before_typing_and_enforced(
    page: Page, host: HostSite, live_server: LiveServer, thread_key: str
) -> None:
    _limited_site(live_server, host)
    page.goto(host.article("/limites", thread_key, extra_attrs='data-palabre-site="limites"'))
    rules = page.locator(".palabre-controls")
    expect(rules).to_have_text("Au plus 2 commentaires de 500 caractères par jour sur cet article.")
    form = page.locator("form.palabre-main-form")
    expect(form.locator(".palabre-counter")).to_contain_text("500")
    email = reader_email()
    for text in TEXTS:
        form.get_by_label("Votre commentaire", exact=True).fill(text)
        form.get_by_label("E-mail (facultatif, jamais publié)").fill(email)
        form.get_by_role("button", name="Publier").click()
        if text != TEXTS[-1]:
            expect(page.locator(".palabre-list .palabre-body", has_text=text)).to_be_visible()
    expect(form.locator(".palabre-error")).to_contain_text(
        re.compile(r"Vous avez déjà publié 2\s+commentaires sur cet article aujourd.hui")
    )
    expect(page.locator(".palabre-list .palabre-body", has_text=TEXTS[-1])).to_have_count(0)


def test_a_closed_article_offers_no_form(
    page: Page, host: HostSite, live_server: LiveServer, thread_key: str
) -> None:
    live_server.post(thread_key, TEXTS[0])
    with live_server.app.state.palabre.db.session() as session:
        session.execute(
            update(Thread).where(Thread.key == thread_key).values(closed_at=datetime.now(UTC))
        )
    page.goto(host.article("/ferme", thread_key))
    expect(page.locator(".palabre-controls")).to_have_text(
        "Les commentaires sont fermés sur cet article."
    )
    expect(page.locator(".palabre-list .palabre-body")).to_have_text(TEXTS[0])
    expect(page.locator("form.palabre-main-form")).to_have_count(0)
