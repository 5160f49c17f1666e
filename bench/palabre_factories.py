"""ASGI factories for the benchmark (run with `uvicorn --factory --app-dir bench …`).

`without_moderation` serves the same app with an engine that publishes everything: the gap
between it and the real server on POST is what inline moderation costs per comment."""

from __future__ import annotations

from fastapi import FastAPI

from palabre.moderation.findings import CATEGORIES, CheckContext
from palabre.moderation.verdict import Verdict
from palabre.settings import load_settings
from palabre.web.app import create_app


class PublishAll:
    def check(self, text: str, context: CheckContext | None = None) -> Verdict:
        return Verdict(
            decision="publish",
            reasons=(),
            scores=dict.fromkeys(CATEGORIES, 0.0),
            language="fr",
            engine_version="bench-publish-all",
        )


def without_moderation() -> FastAPI:
    return create_app(load_settings(), moderator=PublishAll())
