"""Author bans and suspensions: the list, banning an e-mail address, lifting."""

from __future__ import annotations

from datetime import timedelta

from fastapi.responses import Response

from palabre.errors import PalabreError
from palabre.review import bans
from palabre.storage.models import Site
from palabre.storage.models_review import Ban
from palabre.web.dashboard.core import (
    PREFIX,
    DbId,
    Page,
    Post,
    dashboard_router,
    db_id,
    field,
    redirect,
    render,
)
from palabre.web.dashboard.routes_queue import DURATIONS

router = dashboard_router()


@router.get("/bans")
def bans_page(me: Page) -> Response:
    with me.ctx.db.session() as session:
        current = bans.current_bans(session, me.scope, me.now)
    sites = me.sites()
    return render(
        me.request,
        "bans.html",
        {
            "bans": current,
            "sites": sites,
            "site_keys": {s.id: s.key for s in sites},
            "durations": DURATIONS,
        },
        viewer=me,
    )


@router.post("/bans")
def add_ban(post: Post) -> Response:
    me, form = post.viewer, post.form
    site = field(form, "site")
    email = field(form, "email", limit=254).lower()
    site_id = db_id(site)
    if site_id is None:
        raise PalabreError("site_inconnu", params={"site": site[:100]})
    if not me.moderator.may_act_on(site_id):
        raise PalabreError("hors_perimetre")
    if "@" not in email:
        raise PalabreError("email_invalide")
    duration = DURATIONS.get(field(form, "duration"), timedelta(days=7))
    with me.ctx.db.session() as session:
        if session.get(Site, site_id) is None:
            raise PalabreError("site_inconnu", params={"site": site[:100]})
        bans.add_ban(
            session,
            site_id=site_id,
            author_key=me.ctx.comments._author_key(email, None),
            author_email=email,
            duration=duration,
            actor=me.moderator.email,
            note=field(form, "note"),
            now=me.now,
        )
    return redirect(f"{PREFIX}/bans")


@router.post("/bans/{ban_id}/lift")
def lift(post: Post, ban_id: DbId) -> Response:
    me = post.viewer
    with me.ctx.db.session() as session:
        ban = session.get(Ban, ban_id)
        if ban is None:
            raise PalabreError("introuvable")
        if not me.moderator.may_act_on(ban.site_id):
            raise PalabreError("hors_perimetre")
        bans.lift_ban(session, ban_id, me.moderator.email, me.now)
    return redirect(f"{PREFIX}/bans")
