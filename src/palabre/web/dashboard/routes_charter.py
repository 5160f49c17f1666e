"""The charter: read it, edit its TOML text with a preview of the decisions that would change,
save it as a new version that the engine uses at once. Editing is for admins."""

from __future__ import annotations

from typing import Any

from fastapi.responses import Response

from palabre.moderation.charter import Charter, CharterError
from palabre.review import charters
from palabre.web.dashboard.core import (
    PREFIX,
    Page,
    Post,
    Viewer,
    dashboard_router,
    field,
    redirect,
    render,
)

router = dashboard_router()
MAX_SOURCE = 200_000


def current_charter(me: Viewer) -> Charter:
    """The active charter, from the app's one charter source (read once per version)."""
    return me.ctx.charters.charter()


def _values(me: Viewer, **extra: Any) -> dict[str, Any]:
    with me.ctx.db.session() as session:
        versions = charters.history(session)
    return {
        "charter": current_charter(me),
        "versions": versions,
        "active": versions[0] if versions else None,
        **extra,
    }


@router.get("/charter")
def charter_page(me: Page, saved: int = 0) -> Response:
    return render(me.request, "charter.html", _values(me, saved=bool(saved)), viewer=me)


@router.get("/charter/edit")
def edit_page(me: Page) -> Response:
    me.require_admin()
    source = me.ctx.charters.text()
    return render(
        me.request,
        "charter_edit.html",
        _values(me, source=source, note="", error=None, preview=None),
        viewer=me,
    )


@router.post("/charter/preview")
def preview(post: Post) -> Response:
    me = post.viewer
    me.require_admin()
    source = field(post.form, "source", limit=MAX_SOURCE)
    note = field(post.form, "note")
    current = current_charter(me)
    try:
        proposed = charters.validate(source, current)
    except CharterError as exc:
        return _invalid(me, source, note, exc)
    size = me.ctx.settings.charter_preview_size
    with me.ctx.db.session() as session:
        comments = charters.recent_texts(session, size)
    # In the web process by default; with `moderation_in_worker`, by a moderation worker
    # (web/app.py): the web process then never builds an engine.
    result = me.request.app.state.preview_charter(current, proposed, comments)
    return render(
        me.request,
        "charter_edit.html",
        _values(me, source=source, note=note, error=None, preview=result, proposed=proposed),
        viewer=me,
    )


@router.post("/charter/save")
def save(post: Post) -> Response:
    me = post.viewer
    me.require_admin()
    source = field(post.form, "source", limit=MAX_SOURCE)
    note = field(post.form, "note")
    try:
        with me.ctx.db.session() as session:
            charters.save_version(
                session, source, current_charter(me), me.moderator.email, note, me.now
            )
    except CharterError as exc:
        return _invalid(me, source, note, exc)
    return redirect(f"{PREFIX}/charter?saved=1")


def _invalid(me: Viewer, source: str, note: str, exc: CharterError) -> Response:
    return render(
        me.request,
        "charter_edit.html",
        _values(me, source=source, note=note, error=str(exc), preview=None),
        viewer=me,
        status=422,
    )
