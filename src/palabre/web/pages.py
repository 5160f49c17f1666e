"""Widget assets, and the templates of the pages palabre serves itself."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from fastapi import APIRouter
from fastapi.responses import Response

from palabre.errors import PalabreError

if TYPE_CHECKING:
    from jinja2 import Environment

router = APIRouter(include_in_schema=False)

_ASSETS = {
    "widget.js": "application/javascript; charset=utf-8",
    "count.js": "application/javascript; charset=utf-8",
    "widget.css": "text/css; charset=utf-8",
}


@lru_cache(maxsize=8)
def _asset(name: str) -> bytes:
    return (resources.files("palabre.web") / "static" / "widget" / name).read_bytes()


@lru_cache(maxsize=1)
def templates() -> Environment:
    from jinja2 import Environment, PackageLoader, select_autoescape  # at first use

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
    return Response(
        content,
        media_type=_ASSETS[name],
        headers={
            "Cache-Control": "public, max-age=300",
            "Access-Control-Allow-Origin": "*",
        },
    )


@router.get("/widget.js")
def widget_js() -> Response:
    return asset_response("widget.js")


@router.get("/count.js")
def count_js() -> Response:
    return asset_response("count.js")


@router.get("/static/widget/{name}")
def widget_asset(name: str) -> Response:
    return asset_response(name)
