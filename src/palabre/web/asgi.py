"""ASGI factory for several workers: `uvicorn --factory palabre.web.asgi:build --workers N`.
Settings come from the environment (PALABRE_*) and PALABRE_CONFIG."""

from __future__ import annotations

import gc

from fastapi import FastAPI

from palabre.settings import load_settings
from palabre.web.app import create_app


def warm(app: FastAPI) -> FastAPI:
    """Load the engine's models now rather than on a reader's first comment, then move
    everything alive to the garbage collector's permanent generation: the models are some
    200,000 long-lived objects, and a full collection walking them stopped a worker for about
    100 ms now and then under load (the tail of docs/benchmarks.md). Without the engine (its
    workers hold it), the full collection before the freeze is skipped: after the imports it
    finds nothing to free and costs some 70 ms of a web process's cold start."""
    if not bool(app.state.palabre.settings.moderation_in_worker):  # else workers hold it
        app.state.palabre.moderator.check("Bonjour à tous, merci pour cet article.")
        gc.collect()
    gc.freeze()
    return app


def build() -> FastAPI:
    return warm(create_app(load_settings()))
