"""Helpers shared by the tests (importable thanks to `pythonpath = ["tests"]`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import httpx

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

    from palabre.moderation.charter_engine import CharterEngine

CLEAN = "Merci pour cet article très clair, il résume bien la situation."
THREAD = "https://journal.example/article-1"

Poster = Callable[..., httpx.Response]

# Distinct clean comments: posting the same text twice is (rightly) treated as a repeat by the
# spam detector.
CLEAN_TEXTS = (
    "Merci pour cet article très clair, il résume bien la situation.",
    "Je partage votre avis sur ce point précis.",
    "L'analyse des négociations me paraît juste et bien documentée.",
    "Reste à savoir ce que les Européens feront dans les prochains mois.",
    "Je suis d'accord avec vous deux.",
    "Les chiffres cités dans le troisième paragraphe méritent d'être vérifiés.",
)


def reader(client: TestClient, ip: str) -> TestClient:
    """Another reader of the same app, seen from another IP address (no cookie, no token)."""
    from fastapi.testclient import TestClient

    return TestClient(client.app, base_url="http://palabre.test", client=(ip, 50000))


def charter_engine() -> CharterEngine:
    """The default charter with the default detectors, optional ones left out (the moderation
    tests' engine: rules, lexicons and the learned model)."""
    from palabre.moderation.charter import default_charter
    from palabre.moderation.charter_engine import CharterEngine
    from palabre.moderation.detectors import default_detectors

    return CharterEngine(default_charter(), default_detectors(include_optional=False))
