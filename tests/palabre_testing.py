"""Helpers shared by the tests (importable thanks to `pythonpath = ["tests"]`)."""

from __future__ import annotations

from collections.abc import Callable

import httpx

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
