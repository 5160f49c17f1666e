"""Build the site's moderator from the settings (charter file or the shipped default)."""

from __future__ import annotations

from palabre.moderation.engine import ModerationEngine
from palabre.settings import Settings


def load_moderator(settings: Settings) -> ModerationEngine:
    from palabre.moderation.charter import load_charter
    from palabre.moderation.charter_engine import build_engine, default_engine

    path = settings.charter_path
    if not path:
        return default_engine()
    return build_engine(load_charter(path))
