"""What a moderator meets on day one (issue 18, items 9–11), in real Chromium: harm evidence
styled apart from spelling faults with a legend and a filter, statuses and CSV in French words
with one separator convention, and an undo toast that never covers the action bar."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .conftest import DashboardServer
from .test_dashboard_flow import _login, _ready, _selected_id

pytestmark = pytest.mark.browser

DOCS_IMG = Path(__file__).resolve().parents[2] / "docs" / "img"
HARM_AND_TYPOS = "Stop a l invasion migratoire, on est plus chez nous. Sa suffit maintenent, les gens en on marre."


def _post_held(server: DashboardServer, text: str) -> int:
    from palabre.comments.service import NewComment

    result = server.app.state.palabre.comments.post(
        NewComment(
            site="default",
            thread="https://journal.example/jour-un",
            thread_title="Jour un",
            text=text,
            email=f"auteur-{abs(hash(text)) % 10_000}@journal.example",
        )
    )
    assert result.decision == "hold"
    return int(result.comment.id)


def test_harm_marks_stand_apart_from_spelling(
    page: Page, dashboard_server: DashboardServer, tmp_path: Path
) -> None:
    comment_id = _post_held(dashboard_server, HARM_AND_TYPOS)
    _login(page, dashboard_server)
    page.goto(f"{dashboard_server.url}/moderation/queue/held?order=newest")
    item = page.locator(f"#c-{comment_id}")
    harm = item.locator(".text mark.m-harm", has_text="invasion migratoire")
    spelling = item.locator(".text mark.m-spelling")
    expect(harm).to_have_text("invasion migratoire")
    expect(spelling.first).to_be_visible()
    harm_bg = harm.evaluate("el => getComputedStyle(el).backgroundColor")
    spelling_bg = spelling.first.evaluate("el => getComputedStyle(el).backgroundColor")
    assert harm_bg != spelling_bg
    assert spelling_bg in {"rgba(0, 0, 0, 0)", "transparent"}  # spelling stays discreet
    expect(item.locator(".reason").first).to_have_class("reason r-hold k-harm")  # harm first
    legend = page.locator(".legend")
    expect(legend.locator("mark.m-harm")).to_be_visible()
    expect(legend.locator("mark.m-spelling")).to_be_visible()
    item.scroll_into_view_if_needed()
    folder = DOCS_IMG if os.environ.get("PALABRE_SCREENSHOT") == "1" else tmp_path
    item.screenshot(path=str(folder / "dashboard-marks.png"))

    page.get_by_label("Masquer les fautes d’orthographe").check()
    style = "el => getComputedStyle(el).borderBottomStyle"
    assert spelling.first.evaluate(style) == "none"
    assert harm.evaluate(style) == "solid"
    page.reload()  # the choice is remembered
    expect(page.get_by_label("Masquer les fautes d’orthographe")).to_be_checked()


def test_audit_speaks_french_and_csv_follows_one_convention(
    page: Page, dashboard_server: DashboardServer
) -> None:
    _login(page, dashboard_server)
    page.goto(f"{dashboard_server.url}/moderation/audit")
    table = page.locator("table").first
    expect(table).to_contain_text("→ retenu")
    for code in ("held", "rejected", "published", "pending"):
        expect(table).not_to_contain_text(f"→ {code}")
    body = page.request.get(f"{dashboard_server.url}/moderation/audit.csv").text()
    header, first = body.lstrip("\ufeff").split("\r\n")[:2]
    assert header.startswith("id;date;acteur;action;")
    assert ";retenu" in body or ";publié" in body
    assert ";held" not in body and ";published" not in body
    comma = page.request.get(f"{dashboard_server.url}/moderation/audit.csv?sep=virgule").text()
    assert comma.lstrip("\ufeff").startswith("id,date,acteur,action,")
    assert first.count(";") >= 10


def test_undo_toast_never_covers_the_action_bar(
    page: Page, dashboard_server: DashboardServer
) -> None:
    for n in range(4):
        _post_held(dashboard_server, f"{HARM_AND_TYPOS} Encore {n}.")
    _login(page, dashboard_server)
    page.set_viewport_size({"width": 1360, "height": 700})
    page.goto(f"{dashboard_server.url}/moderation/queue/held?order=newest")
    _ready(page)
    page.keyboard.press("r")
    flash = page.locator("#flash")
    expect(flash).to_contain_text("rejeté")
    _ready(page)
    for _ in range(6):
        selected = page.locator(f"#c-{_selected_id(page)}")
        bar = selected.locator(".item-actions").bounding_box()
        toast = flash.bounding_box()
        assert bar is not None and toast is not None
        assert bar["y"] + bar["height"] <= toast["y"], (bar, toast)
        page.keyboard.press("j")
