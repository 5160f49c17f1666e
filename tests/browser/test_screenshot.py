"""A picture of the widget on a demo page, for docs/widget.md.

Always taken (so it cannot silently break); written to docs/img/widget.png only when
PALABRE_SCREENSHOT=1 (see docs/screenshot.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from browser.browser_support import LiveServer

pytestmark = pytest.mark.browser

DOCS_IMG = Path(__file__).resolve().parents[2] / "docs" / "img" / "widget.png"
THREAD = "demo/seed-003"


def test_screenshot_of_demo_page(page: Page, live_server: LiveServer, tmp_path: Path) -> None:
    # the demo shows a short first page (then « Afficher les commentaires précédents »): the
    # reply answers the newest comment, so the picture shows a thread as a reader first sees it
    camille = live_server.post(
        THREAD, "Merci pour cet article très clair, il résume bien la situation.", author="Camille"
    )
    parent = camille["comment"]["id"]
    live_server.post(
        THREAD,
        "Je partage votre avis, la conclusion de l'article est très juste.",
        author="Hélène",
        parent=parent,
    )
    page.set_viewport_size({"width": 900, "height": 1400})
    page.goto(f"{live_server.url}/demo/seed-003")
    widget = page.locator("#palabre-thread")
    expect(widget.locator(".palabre-replies .palabre-comment").first).to_be_visible()
    top, height = widget.evaluate(
        "el => [el.getBoundingClientRect().top + window.scrollY, el.offsetHeight]"
    )
    target = DOCS_IMG if os.environ.get("PALABRE_SCREENSHOT") == "1" else tmp_path / "widget.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(
        path=str(target),
        clip={"x": 0, "y": top - 24, "width": 900, "height": min(height + 24, 1350)},
        full_page=True,
    )
    assert target.stat().st_size > 10_000
