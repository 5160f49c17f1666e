"""ASGI factory for several workers: `uvicorn --factory palabre.web.asgi:build --workers N`.
Settings come from the environment (PALABRE_*) and PALABRE_CONFIG."""

from __future__ import annotations

from fastapi import FastAPI

from palabre.settings import load_settings
from palabre.web.app import create_app


def build() -> FastAPI:
    app = create_app(load_settings())
    # Load the engine's models now rather than on a reader's first comment (as `palabre serve`).
    app.state.palabre.moderator.check("Bonjour à tous, merci pour cet article.")
    return app
