"""The queues with their live counts, one comment's page, and the moderators' actions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Final, Literal, cast
from urllib.parse import urlencode

from fastapi.responses import JSONResponse, Response

from palabre.errors import PalabreError
from palabre.events import Event
from palabre.moderation.findings import CATEGORIES
from palabre.review import actions, queues
from palabre.review.items import load_items
from palabre.web.dashboard.core import (
    PREFIX,
    QUEUE_TITLES,
    DbId,
    Page,
    Post,
    Viewer,
    dashboard_router,
    db_id,
    field,
    ints,
    page_number,
    read_undo_token,
    redirect,
    render,
    safe_back,
    undo_token,
)

router = dashboard_router()

DURATIONS: Final[dict[str, timedelta | None]] = {
    "1d": timedelta(days=1),
    "7d": timedelta(days=7),
    "30d": timedelta(days=30),
    "ban": None,
}
MESSAGES: Final[dict[str, str]] = {
    "publish": "publié",
    "reject": "rejeté",
    "delete": "supprimé",
    "undo": "Annulé.",
    "dismiss": "Signalements classés.",
    "ban": "Auteur banni.",
    "suspend": "Auteur suspendu.",
}


@router.get("/")
def home() -> Response:
    return redirect(f"{PREFIX}/queue/held")


@router.get("/counts.json")
def counts(me: Page) -> JSONResponse:
    with me.ctx.db.session() as session:
        return JSONResponse({"counts": queues.counts(session, me.scope)})


@router.get("/queue/{name}")
def queue(
    me: Page,
    name: str,
    site: str = "",
    article: str = "",
    clause: str = "",
    category: str = "",
    order: str = "",
    page: int = 1,
    undo: str = "",
    msg: str = "",
    n: int = 0,
) -> Response:
    if name not in queues.QUEUES:
        raise PalabreError("introuvable")
    queue_name: queues.QueueName = name
    filters = queues.Filters(
        site_id=db_id(site),
        thread_id=db_id(article),
        clause=clause[:64] or None,
        category=category if category in CATEGORIES else None,
        order=cast(Literal["oldest", "newest"], order) if order in {"oldest", "newest"} else None,
        page=page_number(page),
    )
    with me.ctx.db.session() as session:
        actions.purge_deleted(session, me.now, _purge_grace(me))
    with me.ctx.db.session() as session:
        result = queues.queue_page(session, queue_name, me.scope, filters)
        items = load_items(session, result.comment_ids)
        values = {
            "queue": name,
            "title": QUEUE_TITLES[name],
            "items": items,
            "result": result,
            "counts": queues.counts(session, me.scope),
            "sites": me.sites(),
            "threads": queues.threads_in_queue(session, queue_name, me.scope),
            "clauses": _clauses(me),
            "categories": CATEGORIES,
            "filters": filters,
            "order": filters.order or queues.default_order(queue_name),
            "undo": undo if undo else "",
            "undo_seconds": me.dash.undo_seconds,
            "message": MESSAGES.get(msg, ""),
            "done_count": n,
            "titles": QUEUE_TITLES,
            "durations": DURATIONS,
            "page_url": _page_url(site, article, clause, category, order),
        }
        return render(me.request, "queue.html", values, viewer=me)


def _page_url(*values: str) -> Callable[[int], str]:
    kept = {
        k: v
        for k, v in zip(("site", "article", "clause", "category", "order"), values, strict=True)
        if v
    }
    return lambda number: "?" + urlencode({**kept, "page": number})


@router.get("/comments/{comment_id}")
def comment_page(me: Page, comment_id: DbId) -> Response:
    with me.ctx.db.session() as session:
        actions.comment_in_scope(session, me.moderator, comment_id)
        items = load_items(session, [comment_id])
        return render(
            me.request,
            "comment.html",
            {
                "items": items,
                "counts": queues.counts(session, me.scope),
                "titles": QUEUE_TITLES,
                "queue": "",
                "undo": "",
                "message": "",
                "durations": DURATIONS,
                "undo_seconds": me.dash.undo_seconds,
                "done_count": 0,
            },
            viewer=me,
        )


def _clauses(me: Viewer) -> list[str]:
    from palabre.web.dashboard.routes_charter import current_charter

    return [c.id for c in current_charter(me).clauses]


@router.post("/actions")
def act(post: Post) -> Response:
    me, form = post.viewer, post.form
    verb = field(form, "verb", limit=20)
    ids = ints(form, "ids")
    note = field(form, "note")
    back = safe_back(field(form, "back"))
    with me.ctx.db.session() as session:
        actions.purge_deleted(session, me.now, _purge_grace(me))
        if verb in actions.TARGET:
            done = actions.apply(session, me.moderator, ids, cast(actions.Verb, verb), note, me.now)
        elif verb == "dismiss" and ids:
            done = actions.dismiss_reports(session, me.moderator, ids[0], note, me.now)
        elif verb == "ban" and ids:
            duration = DURATIONS.get(field(form, "duration"), timedelta(days=7))
            done = actions.ban_author(session, me.moderator, ids[0], duration, note, me.now)
            verb = "ban" if duration is None else "suspend"
        else:
            raise PalabreError("action_inconnue", params={"action": verb or "?"})
    _announce(me, done.events)
    if not done:
        return redirect(back)
    token = undo_token(me.dash, me.moderator, done.action_ids, done.report_ids)
    return redirect(_with(back, undo=token, msg=verb, n=len(done.action_ids)))


@router.post("/undo")
def undo(post: Post) -> Response:
    me, form = post.viewer, post.form
    token = field(form, "token", limit=4000)
    action_ids, report_ids = read_undo_token(me.dash, me.moderator, token)
    with me.ctx.db.session() as session:
        done = actions.undo(session, me.moderator, action_ids, report_ids, me.now)
    _announce(me, done.events)
    return redirect(_with(safe_back(field(form, "back")), msg="undo", n=len(done.action_ids)))


def _purge_grace(me: Viewer) -> timedelta:
    """Deleted text is kept a little longer than the undo window, so undo can restore it."""
    return timedelta(seconds=me.dash.undo_seconds + 60)


def _announce(me: Viewer, events: list[Event]) -> None:
    if events:
        me.ctx.comments.events.publish(events)


def _with(back: str, **params: object) -> str:
    path, _, query = back.partition("?")
    kept = [p for p in query.split("&") if p and p.split("=")[0] not in {"undo", "msg", "n"}]
    extra = urlencode({k: v for k, v in params.items() if v not in ("", None)})
    return f"{path}?{'&'.join([*kept, extra])}" if kept or extra else path
