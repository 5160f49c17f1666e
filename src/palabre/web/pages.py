"""Widget assets and the demo pages."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape

from palabre.demo.seeds import SEED_IDS, load_seed
from palabre.errors import PalabreError
from palabre.web.context import AppContext, app_context

router = APIRouter(include_in_schema=False)
Ctx = Annotated[AppContext, Depends(app_context)]

_ASSETS = {
    "widget.js": "application/javascript; charset=utf-8",
    "count.js": "application/javascript; charset=utf-8",
    "widget.css": "text/css; charset=utf-8",
}


@lru_cache(maxsize=8)
def _asset(name: str) -> bytes:
    return (resources.files("palabre.web") / "static" / "widget" / name).read_bytes()


@lru_cache(maxsize=1)
def _templates() -> Environment:
    return Environment(
        loader=PackageLoader("palabre.web", "templates"),
        autoescape=select_autoescape(["html"]),
    )


def asset_response(name: str) -> Response:
    if name not in _ASSETS:
        raise PalabreError("introuvable")
    try:
        content = _asset(name)
    except FileNotFoundError:
        raise PalabreError("introuvable") from None
    return Response(content, media_type=_ASSETS[name], headers={
        "Cache-Control": "public, max-age=300",
        "Access-Control-Allow-Origin": "*",
    })


@router.get("/widget.js")
def widget_js() -> Response:
    return asset_response("widget.js")


@router.get("/count.js")
def count_js() -> Response:
    return asset_response("count.js")


@router.get("/static/widget/{name}")
def widget_asset(name: str) -> Response:
    return asset_response(name)


@router.get("/", response_class=HTMLResponse)
@router.get("/demo/", response_class=HTMLResponse)
def demo_index(request: Request, ctx: Ctx) -> HTMLResponse:
    articles = [load_seed(seed_id) for seed_id in SEED_IDS]
    html = _templates().get_template("demo_index.html").render(
        articles=articles, base=ctx.own_origin
    )
    return HTMLResponse(html)


@router.get("/demo/courriels", response_class=HTMLResponse)
def demo_mail(request: Request) -> HTMLResponse:
    """What the demo sent (its local mail sink): only under `palabre demo`."""
    mailbox = getattr(request.app.state, "demo_mailbox", None)
    if mailbox is None:
        raise PalabreError("introuvable")
    html = _templates().get_template("demo_mail.html").render(messages=mailbox.messages)
    return HTMLResponse(html)


def _demo_page_size(ctx: AppContext, thread_key: str) -> int:
    """Half of the published top-level comments (at least one): the seed pages show
    « Afficher les commentaires précédents », and so does the demo, however strict its charter."""
    from sqlalchemy import func, select

    from palabre.comments.sites import find_thread, get_site
    from palabre.storage.models import Comment

    with ctx.db.session() as session:
        thread = find_thread(session, get_site(session, "default"), thread_key)
        roots = 0 if thread is None else session.scalar(
            select(func.count(Comment.id)).where(
                Comment.thread_id == thread.id, Comment.parent_id.is_(None),
                Comment.status == "published",
            )
        ) or 0
    return max(1, (int(roots) + 1) // 2)


@router.get("/demo/{seed_id}", response_class=HTMLResponse)
def demo_article(seed_id: str, ctx: Ctx) -> HTMLResponse:
    if seed_id not in SEED_IDS:
        raise PalabreError("introuvable")
    article = load_seed(seed_id)
    html = _templates().get_template("demo_article.html").render(
        article=article, base=ctx.own_origin, page_size=_demo_page_size(ctx, article.thread_key)
    )
    return HTMLResponse(html)
