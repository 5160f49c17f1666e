"""Real Chromium: a reader follows an article from the widget, confirms from the e-mail, sees the
pre-submit hint fix a spelling error in one click, and unsubscribes through the e-mailed link.
Real parts: the app with its real moderation engine on a loopback port, a real SMTP server
(aiosmtpd), huey's real consumer in threads, a fake newspaper on another origin."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from browser.browser_support import CHROMIUM, HostSite
from notifications.notify_support import Consumer, SmtpServer, body_text, free_port

pytestmark = [pytest.mark.browser, pytest.mark.slow]
READER = "abonnee@journal.example"


class Stack:
    def __init__(self, url: str, app: Any, smtp: SmtpServer, host: HostSite) -> None:
        self.url, self.app, self.smtp, self.host = url, app, smtp, host


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM}")
    import uvicorn

    from palabre.settings import load_settings
    from palabre.web.app import create_app

    smtp = SmtpServer()
    smtp.start()
    host = HostSite()
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    settings = load_settings(
        environ={},
        data_dir=str(tmp_path_factory.mktemp("palabre-follow")),
        public_url=url,
        allowed_origins=host.origin,
        smtp_host="127.0.0.1",
        smtp_port=smtp.port,
        smtp_security="none",
        task_retry_delay=1,
        rate_limit_posts_ip="10000/minute",
        rate_limit_check_ip="10000/minute",
    )
    app = create_app(settings)
    consumer = Consumer(app.state.notifications.huey)
    consumer.start()
    server = uvicorn.Server(
        uvicorn.Config(
            app,
            host="127.0.0.1",
            port=port,
            log_level="warning",
            lifespan="off",
            ws="none",
            access_log=False,
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "palabre did not start"
        time.sleep(0.02)
    host.widget_base = url
    yield Stack(url, app, smtp, host)
    server.should_exit = True
    thread.join(10)
    consumer.stop()
    smtp.stop()
    host.close()


def _link(message: Any, path: str) -> str:
    match = re.search(r"https?://\S*" + re.escape(path) + r"\S*", body_text(message))
    assert match, path
    return match.group(0)


def test_follow_hint_and_unsubscribe(stack: Stack, page: Page) -> None:
    thread = f"https://journal.example/suivre-{time.monotonic_ns()}"
    article = stack.host.article("/suivre", thread, title="Le nouveau tramway")
    page.goto(article)
    form = page.locator(".palabre-main-form")
    expect(form).to_be_visible()

    # « Suivre les commentaires », then the Atom link
    page.get_by_text("Suivre les commentaires").click()
    follow = page.locator(".palabre-follow-form")
    follow.get_by_label("Votre adresse e-mail").fill(READER)
    follow.get_by_label("un e-mail à chaque commentaire").check()
    follow.get_by_role("button", name="Suivre").click()
    expect(follow.locator(".palabre-status")).to_contain_text("Vérifiez votre boîte")
    feed = page.get_by_role("link", name="Flux Atom des commentaires")
    assert "/feeds/thread.atom?" in str(feed.get_attribute("href"))

    [confirm_mail] = stack.smtp.inbox.wait_for(lambda m: m["To"] == READER)
    page.goto(_link(confirm_mail, "/api/subscriptions/confirm"))
    expect(page.get_by_role("heading")).to_have_text("Abonnement confirmé")

    # the pre-submit hint: debounced, one click replaces the span with the suggestion
    page.goto(article)
    box = page.locator(".palabre-main-form textarea")
    checks: list[str] = []
    page.on("request", lambda r: checks.append(r.url) if r.url.endswith("/api/check") else None)
    box.press_sequentially("ca me parait une tres bonne nouvelle pour le quartier", delay=15)
    fix = page.locator(".palabre-hint .palabre-fix", has_text="« ca » → « ça »")
    expect(fix).to_be_visible(timeout=15_000)
    assert len(checks) <= 2, checks  # debounced: not one request per key
    fix.click()
    expect(box).to_have_value(re.compile(r"^ça me parait"))
    form.get_by_label("E-mail (facultatif, jamais publié)").fill("auteur@journal.example")
    for _ in range(3):  # fix what else the engine finds, in one click each
        more = page.locator(".palabre-hint:not([hidden]) .palabre-fix").first
        try:
            more.wait_for(timeout=3_000)
        except Exception:
            break
        more.click()
    form.get_by_role("button", name="Publier").click()
    expect(page.locator(".palabre-comment.palabre-new")).to_be_visible()

    # the comment is e-mailed to the follower, who unsubscribes through the link
    [mail] = stack.smtp.inbox.wait_for(
        lambda m: m["To"] == READER and m["Subject"].startswith("Nouveau commentaire"), timeout=20
    )
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    page.goto(_link(mail, "/api/subscriptions/unsubscribe"))
    page.get_by_role("button", name="Me désabonner").click()
    expect(page.get_by_role("heading")).to_have_text("Vous êtes désabonné")
    from palabre.storage.models import Subscription

    with stack.app.state.palabre.db.session() as session:
        assert session.scalars(select(Subscription)).all() == []


def test_signed_in_reader_posts_as_verified(stack: Stack, page: Page) -> None:
    """SSO: the host page passes a JWT signed with the site's secret (data-palabre-sso)."""
    from datetime import UTC, datetime

    import jwt

    from palabre.identity.sso import set_secret

    with stack.app.state.palabre.db.session() as session:
        secret = set_secret(session, "default", datetime.now(UTC))
    token = jwt.encode(
        {"sub": "abonne-7", "name": "Camille Abonnée", "exp": int(time.time()) + 600},
        secret,
        algorithm="HS256",
    )
    thread = f"https://journal.example/sso-{time.monotonic_ns()}"
    page.goto(stack.host.article("/sso", thread, extra_attrs=f'data-palabre-sso="{token}"'))
    form = page.locator(".palabre-main-form")
    expect(form.locator(".palabre-identity")).to_be_hidden()  # no name/e-mail to type
    form.locator("textarea").fill("Merci pour cet article très clair, il résume bien la situation.")
    form.get_by_role("button", name="Publier").click()
    mine = page.locator(".palabre-comment.palabre-new")
    expect(mine).to_contain_text("Camille Abonnée")
    expect(mine.locator(".palabre-verified")).to_be_visible()
