"""A publisher's duties on the public side: the article's controls for the widget, the
statement of reasons and the appeal (author, with the comment's view token), notices of
illegal content (anyone)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Path, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, Field

from palabre.comments import controls
from palabre.comments.sites import find_thread, get_site
from palabre.errors import PalabreError
from palabre.legal import appeals, notices, statements
from palabre.legal.mail import appeal_decided, notice_decided, notice_received
from palabre.notifications.mail import Email
from palabre.storage.models import Comment
from palabre.typography import french
from palabre.web.api.schemas import MAX_ID
from palabre.web.context import AppContext, app_context, client_ip
from palabre.web.locale import request_locale

router = APIRouter(tags=["obligations"])
Ctx = Annotated[AppContext, Depends(app_context)]
CommentId = Annotated[int, Path(ge=1, le=MAX_ID, description="Identifiant du commentaire")]
ViewToken = Annotated[str, Query(max_length=400, description="Jeton de lecture de l'auteur")]


class AppealIn(BaseModel):
    token: str = Field(max_length=400, description="Jeton de lecture du commentaire (auteur).")
    text: str = Field("", max_length=2000, description="Pourquoi la décision est contestée.")


def statement_url(ctx: AppContext, comment_id: int) -> str:
    token = ctx.comments.view_tokens.issue(comment_id)
    return f"{ctx.settings.public_url.rstrip('/')}/motifs/{comment_id}?jeton={token}"


def send(request: Request, email: Email) -> None:
    """Queue an e-mail when sending is configured (nothing otherwise)."""
    tasks = request.app.state.notifications.tasks
    if tasks.sender.enabled:
        tasks.send_mail(email.as_dict())


def _author_of(ctx: AppContext, comment_id: int, token: str) -> None:
    if ctx.comments.view_tokens.comment_id(token) != comment_id:
        raise PalabreError("jeton_invalide")


@router.get("/api/threads/controls", summary="Règles d'un article (fermeture, limites, mode)")
def thread_controls(
    request: Request,
    ctx: Ctx,
    thread: Annotated[str, Query(min_length=1, max_length=1000)],
    site: Annotated[str, Query(max_length=64)] = "default",
) -> dict[str, object]:
    """What the widget shows before the reader types: closed or not, when it closes, the
    per-author limits and whether comments are read before publication."""
    with ctx.db.session() as session:
        found = get_site(session, site)
        state = controls.controls_for(
            session, found, find_thread(session, found, thread), ctx.comments.clock(), ctx.settings
        )
        return state.as_dict(request_locale(request))


@router.get("/api/comments/{comment_id}/statement", summary="Exposé des motifs (auteur)")
def statement_json(
    request: Request, ctx: Ctx, comment_id: CommentId, token: ViewToken
) -> dict[str, object]:
    _author_of(ctx, comment_id, token)
    with ctx.db.session() as session:
        stored = statements.latest(session, comment_id)
        if stored is None:
            raise PalabreError("recours_impossible")
        shown = statements.view(
            session,
            stored,
            ctx.settings.appeal_days,
            request_locale(request),
            ctx.settings.show_harm_words,
        )
        return {"statement": shown.as_dict(), "url": statement_url(ctx, comment_id)}


def _file_appeal(ctx: AppContext, comment_id: int, token: str, text: str) -> int:
    _author_of(ctx, comment_id, token)
    with ctx.db.session() as session:
        return appeals.file(
            session, comment_id, text, ctx.comments.clock(), ctx.settings.appeal_days
        ).id


@router.post(
    "/api/comments/{comment_id}/appeals", status_code=201, summary="Contester une décision (auteur)"
)
def appeal_json(request: Request, ctx: Ctx, comment_id: CommentId, body: AppealIn) -> JSONResponse:
    ctx.limiter.hit(("reports_ip", client_ip(request)))
    appeal_id = _file_appeal(ctx, comment_id, body.token, body.text)
    return JSONResponse(
        {"appeal": {"id": appeal_id, "comment": comment_id, "status": "open"}}, status_code=201
    )


@router.get("/motifs/{comment_id}", include_in_schema=False)
def statement_page(request: Request, ctx: Ctx, comment_id: CommentId, jeton: ViewToken) -> Response:
    from palabre.web.pages import templates

    locale = request_locale(request)
    _author_of(ctx, comment_id, jeton)
    with ctx.db.session() as session:
        comment = session.get(Comment, comment_id)
        stored = statements.latest(session, comment_id)
        shown = (
            None
            if stored is None
            else statements.view(
                session, stored, ctx.settings.appeal_days, locale, ctx.settings.show_harm_words
            )
        )
        now = ctx.comments.clock()
        html = (
            templates()
            .get_template("statement.html")
            .render(
                lang=locale,
                s=shown,
                comment=comment,
                token=jeton,
                now=now,
                filed=request.query_params.get("recours") == "1",
            )
        )
    return HTMLResponse(html)


@router.post("/motifs/{comment_id}/recours", include_in_schema=False)
def appeal_form(
    request: Request,
    ctx: Ctx,
    comment_id: CommentId,
    jeton: Annotated[str, Form(max_length=400)],
    texte: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    ctx.limiter.hit(("reports_ip", client_ip(request)))
    _file_appeal(ctx, comment_id, jeton, texte)
    return RedirectResponse(f"/motifs/{comment_id}?jeton={jeton}&recours=1", status_code=303)


def mail_appeal_outcome(request: Request, ctx: AppContext, decided: appeals.Decided) -> None:
    """The author is told the outcome, where their e-mail is known."""
    to = decided.comment.author_email
    if to:
        send(
            request,
            appeal_decided(
                to,
                decided.comment.id,
                decided.appeal.status == "reversed",
                statement_url(ctx, decided.comment.id),
            ),
        )


class NoticeIn(BaseModel):
    category: str = Field(
        max_length=40, description="Catégorie d'illicéité (voir /api/notices/categories)."
    )
    explanation: str = Field(max_length=5000, description="Pourquoi ce contenu est illicite.")
    name: str = Field(max_length=200, description="Nom de la personne qui signale.")
    email: str = Field(max_length=254, description="Son adresse e-mail (accusé et décision).")
    good_faith: bool = Field(False, description="Déclaration de bonne foi (obligatoire).")


@router.get("/api/notices/categories", summary="Catégories de contenu illicite (DSA art. 16)")
def notice_categories(request: Request) -> dict[str, object]:
    locale = request_locale(request)
    return {
        "categories": [
            {"id": c.id, "label": notices.label(c.id, locale)} for c in notices.CATEGORIES
        ]
    }


@router.post(
    "/api/comments/{comment_id}/notices",
    status_code=201,
    summary="Signaler un contenu illicite (DSA art. 16)",
)
def file_notice(request: Request, ctx: Ctx, comment_id: CommentId, body: NoticeIn) -> JSONResponse:
    ctx.limiter.hit(("reports_ip", client_ip(request)))
    locale = request_locale(request)
    with ctx.db.session() as session:
        notice = notices.file(
            session,
            comment_id,
            body.category,
            body.explanation,
            body.name,
            body.email,
            body.good_faith,
            ctx.comments.clock(),
            ctx.settings.notice_deadline_hours,
        )
        ack = notice_received(
            notice.email, notice.id, notice.location, notices.label(notice.category, locale), locale
        )
        answer = {
            "notice": {
                "id": notice.id,
                "comment": comment_id,
                "category": notice.category,
                "due_at": notice.due_at.isoformat().replace("+00:00", "Z"),
            }
        }
    send(request, ack)
    message = (
        "Thank you: your notice was received; you will get an acknowledgement and the "
        "decision by e-mail."
        if locale == "en"
        else french(
            "Merci : votre signalement est reçu ; vous recevrez un accusé de réception "
            "puis la décision par e-mail."
        )
    )
    return JSONResponse({**answer, "message": message}, status_code=201)


def mail_notice_decision(request: Request, decided: notices.NoticeDecided) -> None:
    n = decided.notice
    send(request, notice_decided(n.email, n.id, n.location, n.outcome == "removed"))
