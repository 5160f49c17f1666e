"""`/moderation/link/{token}`: a moderator publishes or rejects a held comment from the e-mail.
GET shows what will happen (mail scanners open links: nothing changes); POST applies it."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from palabre.errors import PalabreError
from palabre.notifications import moderation_links
from palabre.notifications.setup import Notifications
from palabre.web.api.notify_pages import error_page, notifications_of, page
from palabre.web.context import AppContext, app_context

router = APIRouter(prefix="/moderation/link", include_in_schema=False)
Ctx = Annotated[AppContext, Depends(app_context)]
Notif = Annotated[Notifications, Depends(notifications_of)]
LABELS = {"publish": ("Publier", "Publish"), "reject": ("Rejeter", "Reject")}
DONE = {
    "publish": ("Commentaire publié", "Comment published"),
    "reject": ("Commentaire rejeté", "Comment rejected"),
}


def _max_age(ctx: AppContext) -> int:
    return ctx.settings.moderation_link_hours * 3600


@router.get("/{token}", response_class=HTMLResponse)
def confirm_page(request: Request, ctx: Ctx, notif: Notif, token: str) -> HTMLResponse:
    try:
        with ctx.db.session() as session:
            link, comment = moderation_links.read(session, notif.links, token, _max_age(ctx))
            text = comment.text
    except PalabreError as error:
        return error_page(request, error)
    label = LABELS[link.action]
    return page(
        request,
        (f"{label[0]} ce commentaire ?", f"{label[1]} this comment?"),
        [(f"Action demandée par {link.moderator}.", f"Action asked by {link.moderator}.")],
        quote=text,
        form_action=str(request.url),
        button=label,
    )


@router.post("/{token}", response_class=HTMLResponse)
def apply(request: Request, ctx: Ctx, notif: Notif, token: str) -> HTMLResponse:
    try:
        with ctx.db.session() as session:
            link, events = moderation_links.apply(
                session, notif.links, token, _max_age(ctx), datetime.now(UTC)
            )
    except PalabreError as error:
        return error_page(request, error)
    notif.events.publish(events)  # after the commit: subscribers, webhooks
    return page(
        request,
        DONE[link.action],
        [
            (
                "La décision est enregistrée dans le journal de modération.",
                "The decision is recorded in the moderation log.",
            )
        ],
    )
