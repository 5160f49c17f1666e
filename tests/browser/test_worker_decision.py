"""Moderation in worker processes, seen from the widget in real Chromium: the comment shows
« en cours de vérification » while no moderation worker has decided, then the decision as soon
as one has (the widget asks GET /api/comments/{id}/decision)."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from browser.browser_support import HostSite, LiveServer, Watch, reader_email
from live_server_testing import serving_on
from notifications.notify_support import Consumer
from palabre.cli.worker_wiring import install_worker
from palabre.notifications.tasks import Tasks, build_huey
from palabre.settings import load_settings
from palabre.web.app import create_app

pytestmark = pytest.mark.browser

CLEAN = "Merci pour cet article très clair, il résume bien la situation."
EDITED = "Merci pour cet article très clair, il résume bien la situation actuelle."
INSULT = "Espèce de connard, tu n'es qu'un abruti et un bouffon."


@pytest.fixture
def worker_site(tmp_path: Path) -> Iterator[tuple[LiveServer, HostSite, Consumer]]:
    """palabre's web side in worker mode (no engine) on a free port, a newspaper embedding its
    widget, and a moderation worker on the same queue, not started."""
    import socket

    newspaper = HostSite()
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    url = f"http://127.0.0.1:{sock.getsockname()[1]}"
    settings = load_settings(
        environ={},
        data_dir=str(tmp_path / "data"),
        public_url=url,
        allowed_origins=newspaper.origin,
        moderation_in_worker=True,
        pending_sweep_seconds=0,
    )
    app = create_app(settings)
    with serving_on(app, sock):
        newspaper.widget_base = url
        db = app.state.palabre.db
        huey = build_huey(settings)
        install_worker(huey, settings, db, Tasks(huey, settings, db))
        worker = Consumer(huey)
        yield LiveServer(url, settings, app), newspaper, worker
        worker.stop()
    sock.close()
    newspaper.close()


def test_the_widget_shows_the_decision_when_the_worker_makes_it(
    page: Page, watch: Watch, worker_site: tuple[LiveServer, HostSite, Consumer]
) -> None:
    _, newspaper, worker = worker_site
    page.goto(newspaper.article("/a/verification", "https://journal.example/verification"))
    form = page.locator("form.palabre-main-form")
    form.get_by_label("Votre commentaire", exact=True).fill(CLEAN)
    form.get_by_label("E-mail (facultatif, jamais publié)").fill(reader_email())
    form.get_by_role("button", name="Publier").click()

    mine = page.locator(".palabre-list > .palabre-item > .palabre-comment").first
    notice = mine.locator(".palabre-notice")
    expect(notice).to_have_text(re.compile("en cours de vérification"))
    expect(notice).to_have_class(re.compile("palabre-checking"))
    expect(mine.locator(".palabre-badge")).to_have_text("En cours de vérification…")
    time.sleep(1.5)  # no worker yet: the widget keeps asking, nothing is decided
    expect(notice).to_have_text(re.compile("en cours de vérification"))

    worker.start()  # loads the engine, then decides
    expect(notice).to_have_text(re.compile("publié"), timeout=120_000)
    expect(notice).to_have_class(re.compile("palabre-ok"))
    expect(mine.locator(".palabre-badge")).to_have_count(0)
    expect(mine.locator(".palabre-body")).to_have_text(CLEAN)

    # an edit goes back to the worker: the widget asks again, then shows the new decision
    asked = len([u for u in watch.requests if "/decision?" in u])
    mine.locator(".palabre-edit-btn").click()
    box = mine.get_by_label("Modifier votre commentaire")
    box.fill(EDITED)
    mine.get_by_role("button", name="Enregistrer").click()
    edited = page.locator(".palabre-list > .palabre-item > .palabre-comment").first
    expect(edited.locator(".palabre-body")).to_have_text(EDITED)
    expect(edited.locator(".palabre-notice")).to_have_text(re.compile("publié"), timeout=30_000)
    assert len([u for u in watch.requests if "/decision?" in u]) > asked

    form.get_by_label("Votre commentaire", exact=True).fill(INSULT)
    form.get_by_label("E-mail (facultatif, jamais publié)").fill(reader_email())
    form.get_by_role("button", name="Publier").click()
    refused = page.locator(".palabre-list > .palabre-item > .palabre-comment").first
    expect(refused.locator(".palabre-notice")).to_have_text(
        re.compile("pas été publié"), timeout=30_000
    )
    expect(refused.locator(".palabre-notice")).to_have_class(re.compile("palabre-refused"))
    expect(refused.locator(".palabre-clause-words")).to_contain_text("« connard »")
    expect(refused.locator(".palabre-statement")).to_have_attribute("href", re.compile("/motifs/"))
