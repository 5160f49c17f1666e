"""Atom feeds of published comments: per article and per site."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from palabre.notifications import feeds
from palabre.web.context import AppContext, app_context

router = APIRouter(prefix="/feeds", tags=["flux"])
Ctx = Annotated[AppContext, Depends(app_context)]
ATOM = "application/atom+xml; charset=utf-8"


@router.get("/thread.atom", summary="Flux Atom des commentaires d'un article")
def thread_atom(
    ctx: Ctx,
    thread: Annotated[str, Query(min_length=1, max_length=1000)],
    site: Annotated[str, Query(max_length=64)] = "default",
) -> Response:
    with ctx.db.session() as session:
        body = feeds.thread_feed(session, ctx.settings.public_url, site, thread)
    return Response(body, media_type=ATOM, headers={"Cache-Control": "public, max-age=60"})


@router.get("/site.atom", summary="Flux Atom des commentaires d'un site")
def site_atom(ctx: Ctx, site: Annotated[str, Query(max_length=64)] = "default") -> Response:
    with ctx.db.session() as session:
        body = feeds.site_feed(session, ctx.settings.public_url, site)
    return Response(body, media_type=ATOM, headers={"Cache-Control": "public, max-age=60"})
