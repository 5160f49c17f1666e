"""The demo pages (the seed articles with the widget, and the mail the demo sent). Only
`palabre demo` serves them (`install`): a production palabre has nothing at `/`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import HTMLResponse

from palabre.demo.seeds import SEED_IDS, load_seed
from palabre.errors import PalabreError
from palabre.status import CommentStatus
from palabre.web.context import AppContext, app_context
from palabre.web.pages import templates

router = APIRouter(include_in_schema=False)
Ctx = Annotated[AppContext, Depends(app_context)]


def install(app: FastAPI) -> None:
    app.include_router(router)


@router.get("/", response_class=HTMLResponse)
@router.get("/demo/", response_class=HTMLResponse)
def demo_index(request: Request, ctx: Ctx) -> HTMLResponse:
    articles = [load_seed(seed_id) for seed_id in SEED_IDS]
    html = (
        templates().get_template("demo_index.html").render(articles=articles, base=ctx.own_origin)
    )
    return HTMLResponse(html)


@router.get("/demo/courriels", response_class=HTMLResponse)
def demo_mail(request: Request) -> HTMLResponse:
    """What the demo sent (its local mail sink): only under `palabre demo`."""
    mailbox = getattr(request.app.state, "demo_mailbox", None)
    if mailbox is None:
        raise PalabreError("introuvable")
    html = templates().get_template("demo_mail.html").render(messages=mailbox.messages)
    return HTMLResponse(html)


def _demo_page_size(ctx: AppContext, thread_key: str) -> int:
    """Half of the published top-level comments (at least one): the seed pages show
    « Afficher les commentaires précédents », and so does the demo, however strict its charter."""
    from sqlalchemy import func, select

    from palabre.comments.sites import find_thread, get_site
    from palabre.storage.models import Comment

    with ctx.db.session() as session:
        thread = find_thread(session, get_site(session, "default"), thread_key)
        roots = (
            0
            if thread is None
            else session.scalar(
                select(func.count(Comment.id)).where(
                    Comment.thread_id == thread.id,
                    Comment.parent_id.is_(None),
                    Comment.status == CommentStatus.PUBLISHED,
                )
            )
            or 0
        )
    return max(1, (int(roots) + 1) // 2)


@router.get("/demo/{seed_id}", response_class=HTMLResponse)
def demo_article(seed_id: str, ctx: Ctx) -> HTMLResponse:
    if seed_id not in SEED_IDS:
        raise PalabreError("introuvable")
    article = load_seed(seed_id)
    html = (
        templates()
        .get_template("demo_article.html")
        .render(
            article=article, base=ctx.own_origin, page_size=_demo_page_size(ctx, article.thread_key)
        )
    )
    return HTMLResponse(html)
