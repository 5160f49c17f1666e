"""The transparency report page (DSA art. 15 and 24) and its CSV and JSON downloads: the same
`palabre.legal.transparency.compute()` as `palabre rapport-transparence`, over the moderator's
sites."""

from __future__ import annotations

import json
from datetime import date, timedelta

from fastapi.responses import Response

from palabre.csv_format import csv_text, separator
from palabre.legal import notices, transparency
from palabre.web.dashboard.core import Page, Viewer, dashboard_router, db_id, render

router = dashboard_router()
DEFAULT_DAYS = 30


def _day(value: str, default: date) -> date:
    try:
        return date.fromisoformat(value) if value else default
    except ValueError:
        return default


def _report(me: Viewer, du: str, au: str, site: str) -> transparency.Report:
    until = _day(au, me.now.date())
    since = min(_day(du, until - timedelta(days=DEFAULT_DAYS - 1)), until)
    chosen = db_id(site)
    sites = {s.id: s.key for s in me.sites()}
    scope = me.scope if chosen not in sites else frozenset({chosen})
    with me.ctx.db.session() as session:
        rows = transparency.load(session, since, until, scope)
    return transparency.compute(rows, since, until, sites.get(chosen) if chosen else None)


def _download(body: bytes, media: str, report: transparency.Report, ext: str) -> Response:
    name = f"palabre-transparence-{report.since:%Y%m%d}-{report.until:%Y%m%d}.{ext}"
    return Response(
        body, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )


@router.get("/transparence")
def transparency_page(me: Page, du: str = "", au: str = "", site: str = "") -> Response:
    report = _report(me, du, au, site)
    return render(
        me.request,
        "transparency.html",
        {
            "r": report,
            "sites": me.sites(),
            "site": site,
            "duration": transparency.duration,
            "decision_labels": transparency.DECISIONS,
            "category_label": notices.label,
        },
        viewer=me,
    )


@router.get("/transparence.csv")
def transparency_csv(
    me: Page, du: str = "", au: str = "", site: str = "", sep: str = ""
) -> Response:
    report = _report(me, du, au, site)
    body = csv_text(report.csv_rows(), separator(sep)).encode("utf-8")
    return _download(body, "text/csv; charset=utf-8", report, "csv")


@router.get("/transparence.json")
def transparency_json(me: Page, du: str = "", au: str = "", site: str = "") -> Response:
    report = _report(me, du, au, site)
    body = json.dumps(report.as_dict(), ensure_ascii=False, indent=2).encode("utf-8")
    return _download(body, "application/json", report, "json")
