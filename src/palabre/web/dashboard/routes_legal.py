"""A publisher's duties in the dashboard: the appeals queue (DSA art. 20), decided by a person."""

from __future__ import annotations

from fastapi.responses import Response

from palabre.legal import appeals, notices
from palabre.web.api.legal import mail_appeal_outcome, mail_notice_decision
from palabre.web.dashboard.core import (
    PREFIX,
    DbId,
    Page,
    Post,
    dashboard_router,
    field,
    redirect,
    render,
)

router = dashboard_router()


@router.get("/recours")
def appeals_page(me: Page) -> Response:
    with me.ctx.db.session() as session:
        items = appeals.open_appeals(session, me.scope, me.ctx.settings.appeal_days)
    return render(me.request, "appeals.html", {"items": items}, viewer=me)


@router.post("/recours/{appeal_id}")
def decide_appeal(post: Post, appeal_id: DbId) -> Response:
    me = post.viewer
    outcome: appeals.Outcome = "reverse" if field(post.form, "outcome") == "reverse" else "uphold"
    with me.ctx.db.session() as session:
        decided = appeals.decide(session, me.moderator, appeal_id, outcome, me.now)
    me.ctx.comments.events.publish(decided.events)
    if decided.changed:
        mail_appeal_outcome(me.request, me.ctx, decided)
    return redirect(f"{PREFIX}/recours")


@router.get("/notifications")
def notices_page(me: Page) -> Response:
    with me.ctx.db.session() as session:
        items = notices.open_notices(session, me.scope)
    return render(me.request, "notices.html", {"items": items, "label": notices.label}, viewer=me)


@router.post("/notifications/{notice_id}")
def decide_notice(post: Post, notice_id: DbId) -> Response:
    me = post.viewer
    remove = field(post.form, "outcome") == "remove"
    with me.ctx.db.session() as session:
        decided = notices.decide(session, me.moderator, notice_id, remove, me.now)
    me.ctx.comments.events.publish(decided.events)
    if decided.changed:
        mail_notice_decision(me.request, decided)
    return redirect(f"{PREFIX}/notifications")
