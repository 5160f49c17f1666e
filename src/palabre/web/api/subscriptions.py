"""« Suivre les commentaires »: subscribe (double opt-in), confirm, one-click unsubscribe, and
stop reply notifications. Pages opened from e-mails answer in HTML."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel, Field

from palabre.errors import PalabreError
from palabre.notifications import subscriptions
from palabre.notifications.compose import thread_title
from palabre.notifications.links import REPLIES_OPTOUT
from palabre.notifications.setup import Notifications
from palabre.typography import french
from palabre.web.api.notify_pages import error_page, notifications_of, page
from palabre.web.context import AppContext, app_context, client_ip
from palabre.web.locale import request_locale

router = APIRouter(prefix="/api/subscriptions", tags=["abonnements"])
Ctx = Annotated[AppContext, Depends(app_context)]
Notif = Annotated[Notifications, Depends(notifications_of)]
Token = Annotated[str, Query(min_length=1, max_length=500)]

CHECK_INBOX = {
    "fr": french(
        "Vérifiez votre boîte de réception : cliquez sur le lien de l'e-mail que nous "
        "venons d'envoyer pour confirmer votre abonnement."
    ),
    "en": "Check your inbox: click the link in the e-mail we just sent to confirm your "
    "subscription.",
}


class SubscriptionIn(BaseModel):
    site: str = Field("default", min_length=1, max_length=64)
    thread: str = Field(min_length=1, max_length=1000)
    email: str = Field(max_length=254)
    mode: str = Field("immediate", max_length=16)
    thread_title: str = Field("", max_length=500)
    thread_url: str = Field("", max_length=2000)
    lang: str | None = Field(None, max_length=8)


@router.post("", status_code=202, summary="Suivre les commentaires d'un article (double opt-in)")
def follow(request: Request, ctx: Ctx, notif: Notif, body: SubscriptionIn) -> JSONResponse:
    ctx.check_origin(request, body.site)
    if not notif.tasks.sender.enabled:
        raise PalabreError("courriel_indisponible")
    ctx.limiter.hit(("subscriptions_ip", client_ip(request)))
    locale = body.lang if body.lang in {"fr", "en"} else request_locale(request)
    req = subscriptions.FollowRequest(
        body.site, body.thread, body.email, body.mode, locale, body.thread_title, body.thread_url
    )
    with ctx.db.session() as session:
        email = subscriptions.subscribe(session, notif.links, req, datetime.now(UTC))
    if email is not None:
        notif.tasks.send_mail(email.as_dict())
    return JSONResponse(
        {
            "subscription": {
                "site": body.site,
                "thread": body.thread,
                "mode": body.mode,
                "status": "pending",
            },
            "message": CHECK_INBOX[request_locale(request) if body.lang is None else locale],
        },
        status_code=202,
    )


@router.get("/confirm", response_class=HTMLResponse, summary="Confirmer un abonnement")
def confirm(request: Request, ctx: Ctx, notif: Notif, token: Token) -> HTMLResponse:
    try:
        with ctx.db.session() as session:
            sub, thread = subscriptions.confirm(session, notif.links, token, datetime.now(UTC))
            title = thread_title(thread)
            digest = sub.mode == "digest"
    except PalabreError as error:
        return error_page(request, error)
    how = (
        (
            "Vous recevrez chaque jour un résumé des nouveaux commentaires.",
            "You will receive a daily digest of new comments.",
        )
        if digest
        else (
            "Vous recevrez un e-mail à chaque nouveau commentaire publié.",
            "You will receive an e-mail for each new published comment.",
        )
    )
    return page(
        request,
        ("Abonnement confirmé", "Subscription confirmed"),
        [
            (
                f"Vous suivez désormais les commentaires de « {title} ».",
                f"You now follow the comments on “{title}”.",
            ),
            how,
            (
                "Chaque e-mail contient un lien pour vous désabonner en un clic.",
                "Each e-mail has a link to unsubscribe in one click.",
            ),
        ],
    )


@router.get("/unsubscribe", response_class=HTMLResponse, summary="Page de désabonnement")
def unsubscribe_page(request: Request, ctx: Ctx, notif: Notif, token: Token) -> HTMLResponse:
    """GET only shows a button: mail scanners that open links must not unsubscribe anyone."""
    try:
        with ctx.db.session() as session:
            sub = subscriptions.unsubscription(session, notif.links, token)
    except PalabreError as error:
        return error_page(request, error)
    if sub is None:
        return _unsubscribed(request)
    return page(
        request,
        ("Se désabonner", "Unsubscribe"),
        [
            (
                "Ne plus recevoir d'e-mails pour cet article ?",
                "Stop receiving e-mails about this article?",
            )
        ],
        form_action=str(request.url),
        button=("Me désabonner", "Unsubscribe me"),
    )


@router.post(
    "/unsubscribe", response_class=HTMLResponse, summary="Se désabonner (un clic, RFC 8058)"
)
def unsubscribe(request: Request, ctx: Ctx, notif: Notif, token: Token) -> HTMLResponse:
    try:
        with ctx.db.session() as session:
            subscriptions.unsubscribe(session, notif.links, token)
    except PalabreError as error:
        return error_page(request, error)
    return _unsubscribed(request)


def _unsubscribed(request: Request) -> HTMLResponse:
    return page(
        request,
        ("Vous êtes désabonné", "You are unsubscribed"),
        [
            (
                "Vous ne recevrez plus d'e-mails pour cet article.",
                "You will no longer receive e-mails about this article.",
            )
        ],
    )


@router.get("/replies-optout", response_class=HTMLResponse, summary="Page : plus de réponses")
def replies_optout_page(request: Request, notif: Notif, token: Token) -> HTMLResponse:
    try:
        notif.links.load(REPLIES_OPTOUT, token)
    except PalabreError as error:
        return error_page(request, error)
    return page(
        request,
        ("Réponses à vos commentaires", "Replies to your comments"),
        [
            (
                "Ne plus être prévenu par e-mail des réponses à vos commentaires ?",
                "Stop being told by e-mail about replies to your comments?",
            )
        ],
        form_action=str(request.url),
        button=("Ne plus être prévenu", "Stop"),
    )


@router.post(
    "/replies-optout",
    response_class=HTMLResponse,
    summary="Ne plus être prévenu des réponses (un clic)",
)
def replies_optout(request: Request, ctx: Ctx, notif: Notif, token: Token) -> HTMLResponse:
    try:
        with ctx.db.session() as session:
            subscriptions.replies_optout(session, notif.links, token, datetime.now(UTC))
    except PalabreError as error:
        return error_page(request, error)
    return page(
        request,
        ("C'est noté", "Done"),
        [
            (
                "Vous ne serez plus prévenu des réponses à vos commentaires.",
                "You will no longer be told about replies to your comments.",
            )
        ],
    )
