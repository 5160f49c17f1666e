"""Comments: read a thread page, post, edit, delete, report."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Header, Path, Query, Request
from fastapi.responses import JSONResponse, Response

from palabre.comments import text as comment_text
from palabre.comments.queries import own_waiting, read_thread_page
from palabre.comments.service import NewComment, Reporter
from palabre.errors import PalabreError
from palabre.identity.web import sso_identity
from palabre.typography import french
from palabre.web.api.schemas import MAX_ID, CommentEditIn, CommentIn, OwnIn, ReportIn
from palabre.web.api.serialize import comment_json, moderation_json, page_body, post_json
from palabre.web.caching import conditional_body
from palabre.web.context import AppContext, client_ip, current_context
from palabre.web.locale import request_locale

router = APIRouter(prefix="/api", tags=["commentaires"])
Ctx = Annotated[AppContext, Depends(current_context)]
Token = Annotated[str | None, Header(alias="X-Palabre-Token")]
Browser = Annotated[
    str | None,
    Header(
        alias="X-Palabre-Browser",
        max_length=200,
        description="Jeton aléatoire gardé par le navigateur du lecteur (widget) : sert à compter "
        "un signalement par personne et à faire porter un bannissement.",
    ),
]
CommentId = Annotated[int, Path(ge=1, le=MAX_ID, description="Identifiant du commentaire")]


async def read_thread(
    request: Request,
    ctx: Ctx,
    thread: Annotated[str, Query(min_length=1, max_length=1000)],
    site: Annotated[str, Query(max_length=64)] = "default",
    order: Literal["newest", "oldest"] = "newest",
    limit: Annotated[int | None, Query(ge=1, le=500)] = None,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
) -> Response:
    # The ordinary read is answered before the router, with the same bytes (web/fast_read.py);
    # this route has the rest: FastAPI's validation, the error envelope. (A comment, not a
    # docstring: FastAPI would publish it in the OpenAPI description.)
    # Runs on the event loop on purpose: the page takes two indexed statements of well under a
    # millisecond (docs/benchmarks.md), less than handing the request to a worker thread.
    size = min(limit or ctx.settings.page_size, ctx.settings.max_page_size)
    page = read_thread_page(ctx.db.engine, site, thread, order, size, cursor)
    return conditional_body(request, page_body(page))


router.add_api_route(
    "/comments",
    read_thread,
    methods=["GET"],
    summary="Lire un fil (paginé, réponses imbriquées)",
)


@router.post("/comments", status_code=201, summary="Publier un commentaire ou une réponse")
def post_comment(
    request: Request, ctx: Ctx, body: CommentIn, browser: Browser = None
) -> JSONResponse:
    ctx.check_origin(request, body.site)
    # A reader's own mistake (empty or too long) does not use up their quota.
    comment_text.clean_text(body.text, ctx.settings.max_comment_length)
    ctx.limiter.hit(
        ("posts_ip", client_ip(request)),
        ("posts_author", (body.email or "").strip().lower() or (body.reader or "").strip() or None),
        ("posts_thread", f"{body.site}\n{body.thread}"),
    )
    identity = sso_identity(ctx.db, body.site, body.sso)
    result = ctx.comments.post(
        NewComment(
            site=body.site,
            thread=body.thread,
            text=body.text,
            thread_title=body.thread_title,
            thread_url=body.thread_url,
            parent=body.parent,
            author=identity.name if identity else body.author,
            email=(identity.email or body.email) if identity else body.email,
            client_ip=client_ip(request),
            reader=body.reader,
            honeypot=body.website,
            identity=identity,
            browser=browser,
        )
    )
    return JSONResponse(post_json(result, request_locale(request)), status_code=201)


@router.post("/comments/own", summary="Ses propres commentaires en attente (jetons de lecture)")
def own_comments(ctx: Ctx, body: OwnIn) -> dict[str, object]:
    """The author's browser sends the view tokens it kept: it gets back, in full and marked,
    those of its comments on this thread that still await a moderator, and the ids of those
    already decided (so it can forget them). Any other token is ignored."""
    ids = {i for i in (ctx.comments.view_tokens.comment_id(t) for t in body.tokens) if i}
    with ctx.db.session() as session:
        waiting, decided = own_waiting(session, body.site, body.thread, ids)
        return {"comments": [comment_json(c, own=True) for c in waiting], "decided": decided}


@router.get(
    "/comments/{comment_id}/decision",
    summary="La décision sur son commentaire (jeton de lecture), en attendant la modération",
)
def comment_decision(
    request: Request,
    ctx: Ctx,
    comment_id: CommentId,
    token: Annotated[str, Query(max_length=300, description="Jeton de lecture (view_token).")],
) -> dict[str, object]:
    """`decision` is "pending" while a moderation worker checks the comment, then "publish",
    "hold" or "reject" with the clauses at fault. The widget asks a few times a second for
    the fraction of a second it takes."""
    comment, decision, clauses = ctx.comments.decision(comment_id, token)
    return {
        "comment": comment_json(comment, own=True),
        "moderation": moderation_json(decision, clauses, request_locale(request)),
    }


def _site_of(ctx: AppContext, comment_id: int) -> str:
    from palabre.storage.models import Comment, Site, Thread

    with ctx.db.session() as session:
        comment = session.get(Comment, comment_id)
        if comment is None:
            raise PalabreError("commentaire_inconnu")
        thread = session.get(Thread, comment.thread_id)
        assert thread is not None
        site = session.get(Site, thread.site_id)
        assert site is not None
        return site.key


@router.patch("/comments/{comment_id}", summary="Modifier son commentaire (jeton signé)")
def edit_comment(
    request: Request, ctx: Ctx, comment_id: CommentId, body: CommentEditIn, token: Token = None
) -> dict[str, object]:
    ctx.check_origin(request, _site_of(ctx, comment_id))
    result = ctx.comments.edit(comment_id, token, body.text)
    return post_json(result, request_locale(request))


@router.delete("/comments/{comment_id}", summary="Supprimer son commentaire (jeton signé)")
def delete_comment(
    request: Request, ctx: Ctx, comment_id: CommentId, token: Token = None
) -> dict[str, object]:
    ctx.check_origin(request, _site_of(ctx, comment_id))
    comment = ctx.comments.delete(comment_id, token)
    return {"comment": comment_json(comment)}


@router.post("/comments/{comment_id}/reports", status_code=201, summary="Alerter (signaler)")
def report_comment(
    request: Request, ctx: Ctx, comment_id: CommentId, body: ReportIn, browser: Browser = None
) -> JSONResponse:
    ctx.check_origin(request, _site_of(ctx, comment_id))
    ctx.limiter.hit(("reports_ip", client_ip(request)))
    reporter = Reporter(client_ip(request), browser, body.email)
    report = ctx.comments.report(comment_id, body.reason, body.details or "", reporter)
    message = (
        "Thank you, the moderators will review this comment."
        if request_locale(request) == "en"
        else french("Merci, les modérateurs vont examiner ce commentaire.")
    )
    return JSONResponse(
        {
            "report": {"id": report.id, "comment": comment_id, "reason": report.reason},
            "message": message,
        },
        status_code=201,
    )
