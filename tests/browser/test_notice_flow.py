"""A notice of illegal content end to end in real Chromium (issue 20, DSA art. 16): a reader
files « Signaler un contenu illicite » in the widget, gets the acknowledgement by e-mail, a
moderator removes the content from the dashboard's « Contenus illicites » queue, the notifier
gets the decision and the author the statement of reasons, all caught by a real SMTP server
(aiosmtpd); the comment is gone from the widget."""

from __future__ import annotations

import re
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from browser.browser_support import CHROMIUM, HostSite, LiveServer
from live_server_testing import serving_on
from notifications.notify_support import Consumer, SmtpServer, body_text

pytestmark = pytest.mark.browser

ADMIN = ("juriste@journal.example", "mot-de-passe-juriste-1")
NOTIFIER = "camille.temoin@example.org"
AUTHOR = "auteur.mis.en.cause@example.org"


@dataclass
class Stack:
    server: LiveServer
    host: HostSite
    smtp: SmtpServer


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM}")
    from palabre.review.accounts import create_account
    from palabre.settings import load_settings
    from palabre.web.app import create_app

    smtp = SmtpServer()
    smtp.start()
    host = HostSite()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    url = f"http://127.0.0.1:{sock.getsockname()[1]}"
    settings = load_settings(
        environ={},
        data_dir=str(tmp_path_factory.mktemp("notice-flow")),
        public_url=url,
        allowed_origins=host.origin,
        smtp_host="127.0.0.1",
        smtp_port=smtp.port,
        smtp_security="none",
        mail_from="Le Journal <commentaires@journal.example>",
        task_retries=2,
        task_retry_delay=1,
    )
    app = create_app(settings)
    with app.state.palabre.db.session() as session:
        create_account(session, *ADMIN, "admin", [], datetime.now(UTC))
    consumer = Consumer(app.state.notifications.huey)
    consumer.start()
    host.widget_base = url
    try:
        with serving_on(app, sock):
            yield Stack(LiveServer(url, settings, app), host, smtp)
    finally:
        consumer.stop()
        host.close()
        smtp.stop()
        sock.close()


def test_a_notice_filed_in_the_widget_is_decided_in_the_dashboard(page: Page, stack: Stack) -> None:
    thread = f"https://journal.example/notice-{time.monotonic_ns()}"
    posted: dict[str, Any] = stack.server.post(
        thread,
        "Voici le dernier chapitre du roman de Marie Durand, recopié en entier pour vous.",
        email=AUTHOR,
    )
    cid = posted["comment"]["id"]
    assert posted["comment"]["status"] == "published", posted

    page.goto(stack.host.article("/article-signalement", thread))
    comment = page.locator(f"#palabre-comment-{cid}")
    comment.get_by_role("button", name="Signaler un contenu illicite").click()
    form = page.locator("form.palabre-illegal")
    expect(form.get_by_label("Catégorie")).to_contain_text("Contrefaçon")
    form.get_by_label("Catégorie").select_option("contrefacon")
    form.get_by_label("Pourquoi ce contenu est-il illicite ?").fill(
        "Ce chapitre est protégé par le droit d’auteur ; il est reproduit sans autorisation."
    )
    form.get_by_label("Votre nom").fill("Camille Témoin")
    form.get_by_label("Votre adresse e-mail (accusé de réception et décision)").fill(NOTIFIER)
    form.get_by_role("button", name="Envoyer le signalement").click()
    expect(form.locator(".palabre-error")).to_contain_text("bonne foi")  # refused without it
    form.get_by_label(re.compile("Je déclare de bonne foi")).check()
    form.get_by_role("button", name="Envoyer le signalement").click()
    expect(page.locator(".palabre-thanks")).to_contain_text("votre signalement est reçu")

    [ack] = stack.smtp.inbox.wait_for(lambda m: m["To"] == NOTIFIER)
    assert "reçu" in str(ack["Subject"])
    assert "Contrefaçon" in body_text(ack)
    assert f"#palabre-comment-{cid}" in body_text(ack)

    page.goto(f"{stack.server.url}/moderation/login")
    page.get_by_label("Adresse e-mail").fill(ADMIN[0])
    page.get_by_label("Mot de passe").fill(ADMIN[1])
    page.get_by_role("button", name="Se connecter").click()
    page.get_by_role("link", name="Contenus illicites").click()
    card = page.locator("section.notice", has_text="Contrefaçon")
    expect(card).to_contain_text("Camille Témoin")
    expect(card).to_contain_text("recopié en entier")
    card.get_by_role("button", name="Retirer le contenu").click()
    expect(page.locator("main")).to_contain_text(
        "Aucun signalement de contenu illicite en attente."
    )

    [decision] = stack.smtp.inbox.wait_for(
        lambda m: m["To"] == NOTIFIER and "Décision" in str(m["Subject"])
    )
    assert "Le contenu a été retiré." in body_text(decision)
    assert "La décision a été prise par une personne." in body_text(decision)
    [statement] = stack.smtp.inbox.wait_for(lambda m: m["To"] == AUTHOR)
    told = body_text(statement)
    assert "Un signalement de contenu illicite a été reçu" in told
    assert "Décision prise par une personne" in told and "/motifs/" in told

    page.goto(stack.host.article("/article-signalement", thread))
    page.locator(".palabre-list, .palabre-empty").first.wait_for()
    expect(page.locator(f"#palabre-comment-{cid}")).to_have_count(0)
