"""Reader report reasons (« Alerter »)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True, slots=True)
class ReportReason:
    id: str
    fr: str
    en: str

    def label(self, locale: str) -> str:
        return self.en if locale == "en" else self.fr


REPORT_REASONS: Final[tuple[ReportReason, ...]] = (
    ReportReason("insulte", "Insulte ou attaque personnelle", "Insult or personal attack"),
    ReportReason("haine", "Racisme, haine ou discrimination", "Racism, hate or discrimination"),
    ReportReason("violence", "Appel à la violence ou menace", "Call to violence or threat"),
    ReportReason(
        "illegal", "Contenu illégal ou données personnelles", "Illegal content or personal data"
    ),
    ReportReason("spam", "Publicité ou spam", "Advertising or spam"),
    ReportReason("hors_sujet", "Hors sujet", "Off topic"),
    ReportReason("autre", "Autre raison", "Other reason"),
)
REASON_IDS: Final[frozenset[str]] = frozenset(r.id for r in REPORT_REASONS)
