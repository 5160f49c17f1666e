"""French typography of every reader-facing string of the fr locale (issue 18, item 12): API
errors, API messages, report reasons, and (in Chromium) the widget's strings. Rules: elision
(« de insulte » is wrong), one apostrophe (’), a no-break space before « : » and a narrow one
before « ; ! ? », no-break spaces inside « ». Engine explanations (built in
src/palabre/moderation/detectors/) are the engine's and are not scanned here."""

from __future__ import annotations

import re

import pytest

from palabre.comments.reports import REPORT_REASONS
from palabre.errors import ERRORS, PalabreError
from palabre.typography import french
from palabre.web.api.serialize import MESSAGES
from palabre.web.api.subscriptions import CHECK_INBOX

# an article or preposition that must elide before a vowel (h left alone: h aspiré)
ELISION = re.compile(r"\b(de|le|la|je|me|te|se|ne|que|jusque|lorsque|puisque) (?=[aeiouéèêâîôûAEIOUÉ])",
                     re.IGNORECASE)
# « la une », « le onze »… would be exceptions; none occurs in these strings
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def typography_faults(text: str) -> list[str]:
    """What breaks French typography in `text` (placeholders ignored)."""
    plain = PLACEHOLDER.sub("X", text)
    faults = []
    if ELISION.search(plain):
        faults.append(f"élision manquante : {ELISION.search(plain)!r}")
    if "'" in plain:
        faults.append("apostrophe droite (') au lieu de ’")
    for mark in ":":
        if re.search(rf"(?<!\u00a0)\s?{re.escape(mark)}(?=\s|$)", plain) and not re.search(
                rf"\u00a0{re.escape(mark)}(?=\s|$)", plain):
            faults.append(f"pas d'espace insécable avant « {mark} »")
    if re.search(r"[ ](?=[;!?](\s|$))", plain) or re.search(r"\w[;!?](\s|$)", plain):
        faults.append("pas d'espace fine insécable avant ; ! ?")
    if re.search(r"«(?!\u00a0)", plain) or re.search(r"(?<!\u00a0)»", plain):
        faults.append("pas d'espace insécable à l'intérieur des guillemets")
    return faults


def _catalogue() -> list[tuple[str, str]]:
    out = [(f"erreur {code}", str(PalabreError(code).envelope("fr")["error"]["message"]))  # type: ignore[index]
           for code in ERRORS]
    out += [(f"message {k}", french(v)) for k, v in MESSAGES["fr"].items()]
    out += [(f"motif {r.id}", french(r.label("fr"))) for r in REPORT_REASONS]
    out += [("abonnement", CHECK_INBOX["fr"])]
    return out


def test_the_checker_catches_each_fault() -> None:
    assert typography_faults("la probabilité de insulte")
    assert typography_faults("L'envoi")
    assert typography_faults("Champ « x » invalide : oui")
    assert typography_faults("Vraiment ?")
    assert not typography_faults(french("Champ « x » invalide : vraiment ? L'envoi d'un mot."))


@pytest.mark.parametrize(("where", "text"), _catalogue())
def test_reader_strings_follow_french_typography(where: str, text: str) -> None:
    assert typography_faults(text) == [], (where, text)
