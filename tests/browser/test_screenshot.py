"""A picture of the widget under a demo article, for the README and docs/widget.md: the demo
exactly as `palabre demo` builds it (no comment added by the test), so the picture shows what
a newcomer sees.

Always taken (so it cannot silently break); written to docs/img/widget.png only when
PALABRE_SCREENSHOT=1 (see docs/screenshot.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.slow]

DOCS_IMG = Path(__file__).resolve().parents[2] / "docs" / "img" / "widget.png"


def test_screenshot_of_demo_page(page: Page, demo_url: str, tmp_path: Path) -> None:
    page.set_viewport_size({"width": 900, "height": 1400})
    page.goto(f"{demo_url}/demo/seed-003")
    widget = page.locator("#palabre-thread")
    expect(widget.locator(".palabre-comment").first).to_be_visible()
    expect(widget.get_by_role("button", name="Signaler un contenu illicite").first).to_be_visible()
    expect(page.locator("section.charter")).to_contain_text("Charte de modération")
    top, height = page.locator("section.charter").evaluate(
        "el => [el.getBoundingClientRect().top + window.scrollY,"
        " document.querySelector('#palabre-thread').getBoundingClientRect().bottom"
        " - el.getBoundingClientRect().top]"
    )
    target = DOCS_IMG if os.environ.get("PALABRE_SCREENSHOT") == "1" else tmp_path / "widget.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(
        path=str(target),
        clip={"x": 0, "y": top - 16, "width": 900, "height": min(height + 16, 1500)},
        full_page=True,
    )
    assert target.stat().st_size > 10_000
