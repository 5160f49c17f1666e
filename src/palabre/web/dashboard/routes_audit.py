"""The audit log page and its CSV export."""

from __future__ import annotations

from datetime import date

from fastapi.responses import Response, StreamingResponse

from palabre.csv_format import separator
from palabre.review import audit
from palabre.web.dashboard.core import Page, dashboard_router, db_id, page_number, render

router = dashboard_router()


def _date(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _filters(
    site: str, actor: str, action: str, since: str, until: str, page: int
) -> audit.AuditFilters:
    return audit.AuditFilters(
        actor=actor[:120],
        action=action[:32],
        site_id=db_id(site),
        since=_date(since),
        until=_date(until),
        page=page_number(page),
    )


@router.get("/audit")
def audit_page(
    me: Page,
    site: str = "",
    actor: str = "",
    action: str = "",
    since: str = "",
    until: str = "",
    page: int = 1,
) -> Response:
    filters = _filters(site, actor, action, since, until, page)
    with me.ctx.db.session() as session:
        rows, total = audit.page(session, filters, me.scope)
        actors = audit.actors(session, me.scope)
    pages = max(1, -(-total // audit.PAGE_SIZE))
    return render(
        me.request,
        "audit.html",
        {
            "rows": rows,
            "total": total,
            "filters": filters,
            "pages": pages,
            "actors": actors,
            "sites": me.sites(),
            "raw": {"site": site, "actor": actor, "action": action, "since": since, "until": until},
        },
        viewer=me,
    )


@router.get("/audit.csv")
def audit_csv(
    me: Page,
    site: str = "",
    actor: str = "",
    action: str = "",
    since: str = "",
    until: str = "",
    sep: str = "",
) -> Response:
    """The audit in palabre's one CSV convention (« ; » unless `sep` names another), with
    actions and statuses in words."""
    filters = _filters(site, actor, action, since, until, 1)

    def words(kind: str, code: str) -> str:
        return me.t.action(code) if kind == "action" else me.t.status(code)

    with me.ctx.db.session() as session:
        body = "".join(audit.csv_lines(session, filters, me.scope, separator(sep), words))
    name = f"palabre-journal-{me.now:%Y%m%d-%H%M}.csv"
    return StreamingResponse(
        iter([body.encode("utf-8")]),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
