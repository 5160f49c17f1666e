"""The moderator's day in real Chromium: log in, see the held seed comments with their evidence,
publish one and reject one from the keyboard, watch the public API follow, preview a charter
edit, read the statistics and the audit log (and its CSV export).

Screenshots of the queue and of the statistics are always taken; they are written to docs/img
only when PALABRE_SCREENSHOT=1 (`PALABRE_SCREENSHOT=1 .venv/bin/pytest tests/dashboard_browser`)."""

from __future__ import annotations

import os
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Page, expect

from .conftest import ADMIN, DashboardServer

pytestmark = pytest.mark.browser

DOCS_IMG = Path(__file__).resolve().parents[2] / "docs" / "img"
SEED_THREADS = ("demo/seed-000", "demo/seed-003")


def _shot(tmp_path: Path, name: str) -> Path:
    folder = DOCS_IMG if os.environ.get("PALABRE_SCREENSHOT") == "1" else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name


def _public_ids(server: DashboardServer) -> set[int]:
    ids: set[int] = set()
    with httpx.Client(base_url=server.url, timeout=30) as client:
        for thread in SEED_THREADS:
            page = client.get("/api/comments", params={"thread": thread, "limit": 100}).json()
            stack = list(page["comments"])
            while stack:
                comment = stack.pop()
                stack.extend(comment["replies"])
                if comment["status"] == "published":
                    ids.add(comment["id"])
    return ids


def _login(page: Page, server: DashboardServer) -> None:
    page.goto(f"{server.url}/moderation/")
    expect(page.locator("h1")).to_have_text("Connexion à la modération")
    page.fill("input[name=email]", ADMIN[0])
    page.fill("input[name=password]", ADMIN[1])
    page.click("button[type=submit]")
    expect(page.locator(".page-head h1")).to_contain_text("À modérer")


def _ready(page: Page) -> None:
    """The dashboard script has run (it selects the first item): keys will be heard."""
    page.wait_for_load_state("load")
    page.wait_for_function("document.body.dataset.ready === '1'")


def _selected_id(page: Page) -> int:
    return int(page.locator(".item.selected").get_attribute("data-id") or 0)


def test_moderate_from_the_keyboard_and_the_public_api_follows(
    page: Page, dashboard_server: DashboardServer, tmp_path: Path
) -> None:
    _login(page, dashboard_server)
    page.goto(f"{dashboard_server.url}/moderation/queue/held?order=oldest")
    items = page.locator(".item")
    expect(items.first).to_be_visible()
    assert items.count() >= 4
    seed_item = page.locator(".item", has=page.locator(".article", has_text="Trump-Poutine"))
    expect(seed_item.first.locator(".text mark").first).to_be_visible()
    expect(seed_item.first.locator(".reason .clause").first).to_be_visible()
    expect(page.locator("[data-count=held]")).not_to_have_text("0")
    _ready(page)
    page.screenshot(path=str(_shot(tmp_path, "dashboard-queue.png")))

    # j/k move the selection
    first = _selected_id(page)
    page.keyboard.press("j")
    second = _selected_id(page)
    assert second != first
    page.keyboard.press("k")
    assert _selected_id(page) == first
    page.keyboard.press("?")
    expect(page.locator("#help")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator("#help")).to_be_hidden()

    # p publishes the selected comment, and the public API shows it at once
    assert first not in _public_ids(dashboard_server)
    page.keyboard.press("p")
    expect(page.locator("#flash")).to_contain_text("publié")
    expect(page.locator("#undo-button")).to_be_visible()
    expect(page.locator(f"#c-{first}")).to_have_count(0)
    _ready(page)
    assert first in _public_ids(dashboard_server)

    # r rejects the next one
    target = _selected_id(page)
    page.keyboard.press("r")
    expect(page.locator("#flash")).to_contain_text("rejeté")
    expect(page.locator(f"#c-{target}")).to_have_count(0)
    assert target not in _public_ids(dashboard_server)
    page.goto(f"{dashboard_server.url}/moderation/queue/rejected")
    expect(page.locator(f"#c-{target}")).to_be_visible()

    # the audit log has both, with the clauses, and exports as CSV
    page.goto(f"{dashboard_server.url}/moderation/audit?actor={ADMIN[0]}")
    rows = page.locator("table.audit tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text("rejeté")
    expect(rows.nth(1)).to_contain_text("publié")
    csv_url = page.locator("#csv-link").get_attribute("href")
    assert csv_url
    response = page.request.get(dashboard_server.url + csv_url)
    assert response.status == 200
    lines = response.text().lstrip("\ufeff").splitlines()
    assert lines[0].startswith("id;date;acteur;action")
    assert {line.split(";")[3] for line in lines[1:]} == {"publié", "rejeté"}


def test_charter_preview_stats_and_undo(
    page: Page, dashboard_server: DashboardServer, tmp_path: Path
) -> None:
    _login(page, dashboard_server)

    # undo from the flash
    page.goto(f"{dashboard_server.url}/moderation/queue/held")
    _ready(page)
    target = _selected_id(page)
    page.keyboard.press("d")
    expect(page.locator("#flash")).to_contain_text("supprimé")
    _ready(page)
    page.keyboard.press("u")
    expect(page.locator("#flash")).to_contain_text("Annulé")
    expect(page.locator(f"#c-{target}")).to_be_visible()

    # the charter: edit, preview the changed decisions, save nothing yet
    page.goto(f"{dashboard_server.url}/moderation/charter")
    expect(page.locator("table").first).to_contain_text("racisme-loi")
    page.click("text=Modifier la charte")
    source = page.locator("#source")
    edited = source.input_value().replace(
        "retenir = 0.45\nrejeter = 0.75", "retenir = 0.3\nrejeter = 0.5", 1
    )
    source.fill(edited)
    page.click("#preview-button")
    expect(page.locator("#preview")).to_contain_text("Décisions modifiées")
    assert int(page.locator("#changed-count").inner_text()) > 0
    expect(page.locator("#preview .changes li").first).to_be_visible()
    source.fill(edited.replace("retenir = 0.3", "retenir = 3"))
    page.click("#save-button")
    expect(page.locator("#charter-error")).to_contain_text("rien n’a été enregistré")

    # statistics, with charts drawn on the server
    page.goto(f"{dashboard_server.url}/moderation/stats")
    expect(page.locator("svg.chart").first).to_be_visible()
    assert page.locator("svg.chart rect").count() > 20
    expect(page.locator("table.agreement tbody tr").first).to_be_visible()
    page.screenshot(path=str(_shot(tmp_path, "dashboard-stats.png")), full_page=True)
