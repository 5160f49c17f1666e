"""The limit of the stack for bench/light_workers.py: uvicorn + Starlette answering one route
with the bytes of the 20-comment thread as palabre serves them (file named by BENCH_BARE_BODY),
nothing else imported. Run with `uvicorn --factory --app-dir bench bare_factory:bare`."""

from __future__ import annotations

import os
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route


def bare() -> Starlette:
    body = Path(os.environ["BENCH_BARE_BODY"]).read_bytes()

    async def thread(request: Request) -> Response:
        return Response(body, media_type="application/json")

    return Starlette(routes=[Route("/api/comments", thread)])
