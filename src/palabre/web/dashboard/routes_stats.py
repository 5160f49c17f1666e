"""Statistics page: charts rendered on the server as SVG."""

from __future__ import annotations

from fastapi.responses import Response

from palabre.review import stats
from palabre.web.dashboard import charts
from palabre.web.dashboard.core import Page, dashboard_router, render

router = dashboard_router()


@router.get("/stats")
def stats_page(me: Page, days: int = 30) -> Response:
    days = days if days in {7, 30, 90} else 30
    with me.ctx.db.session() as session:
        result = stats.compute(session, me.scope, me.now, days)
    return render(
        me.request,
        "stats.html",
        {
            "stats": result,
            "days": days,
            "per_day_svg": charts.per_day(result.days, me.t),
            "clause_svg": charts.hbars(result.by_clause, "clause"),
            "category_svg": charts.hbars(result.by_category, "category"),
            "age_svg": charts.columns(result.queue_ages),
            "ratio_bar": charts.ratio_bar,
        },
        viewer=me,
    )
