"""What the comment flow records when the whole engine fails: hold, a human looks."""

from __future__ import annotations

from palabre.moderation.findings import CATEGORIES
from palabre.moderation.verdict import Reason, Verdict


def engine_failure_verdict(detail: str) -> Verdict:
    reason = Reason(
        clause="moteur",
        clause_text="Vérification automatique indisponible",
        category=None,
        action="hold",
        score=1.0,
        spans=(),
        explanation=(
            "Le moteur de modération a échoué ; le commentaire attend un modérateur. "
            f"Détail : {detail[:200]}"
        ),
    )
    return Verdict(
        decision="hold",
        reasons=(reason,),
        scores=dict.fromkeys(CATEGORIES, 0.0),
        language="und",
        engine_version="indisponible",
    )
