"""One error type with stable codes, an HTTP status and a message per locale (French first)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True, slots=True)
class ErrorSpec:
    status: int
    fr: str
    en: str


ERRORS: Final[dict[str, ErrorSpec]] = {
    # Request shape
    "json_invalide": ErrorSpec(
        400, "Le corps de la requête n'est pas un JSON valide.", "The request body is not valid JSON."
    ),
    "utf8_invalide": ErrorSpec(
        400, "Le texte envoyé n'est pas de l'UTF-8 valide.", "The request is not valid UTF-8."
    ),
    "corps_trop_gros": ErrorSpec(
        413,
        "La requête est trop volumineuse (au plus {limit} octets).",
        "The request is too large (at most {limit} bytes).",
    ),
    "type_contenu": ErrorSpec(
        415, "Envoyez le corps en JSON (application/json).", "Send the body as JSON (application/json)."
    ),
    "requete_invalide": ErrorSpec(
        422, "Champ « {field} » invalide : {detail}", "Invalid field “{field}”: {detail}"
    ),
    # Comment content
    "texte_vide": ErrorSpec(422, "Le commentaire est vide.", "The comment is empty."),
    "texte_trop_long": ErrorSpec(
        422,
        "Le commentaire dépasse {limit} caractères ({length}).",
        "The comment is longer than {limit} characters ({length}).",
    ),
    "contenu_dangereux": ErrorSpec(
        422,
        "Le commentaire contient du code actif (script, gestionnaire d'événement ou lien "
        "javascript:), qui n'est pas accepté.",
        "The comment contains active code (script, event handler or javascript: link), which is "
        "not accepted.",
    ),
    "nom_invalide": ErrorSpec(
        422,
        "Le nom doit faire au plus 80 caractères, sans balises ni caractères de contrôle.",
        "The name must be at most 80 characters, without tags or control characters.",
    ),
    "email_invalide": ErrorSpec(422, "L'adresse e-mail n'est pas valide.", "Invalid e-mail address."),
    "pot_de_miel": ErrorSpec(
        422, "Le formulaire n'a pas été rempli correctement.", "The form was not filled in correctly."
    ),
    "motif_invalide": ErrorSpec(
        422, "Motif de signalement inconnu : « {reason} ».", "Unknown report reason: “{reason}”."
    ),
    # Things that do not exist
    "site_inconnu": ErrorSpec(404, "Site inconnu : « {site} ».", "Unknown site: “{site}”."),
    "fil_inconnu": ErrorSpec(
        404, "Aucun fil de commentaires pour « {thread} ».", "No comment thread for “{thread}”."
    ),
    "parent_inconnu": ErrorSpec(
        404,
        "Le commentaire auquel vous répondez n'existe pas.",
        "The comment you reply to does not exist.",
    ),
    "parent_autre_fil": ErrorSpec(
        422,
        "Le commentaire auquel vous répondez appartient à un autre article.",
        "The comment you reply to belongs to another article.",
    ),
    "parent_indisponible": ErrorSpec(
        409,
        "On ne peut pas répondre à un commentaire supprimé ou non publié.",
        "You cannot reply to a deleted or unpublished comment.",
    ),
    "commentaire_inconnu": ErrorSpec(404, "Commentaire introuvable.", "Comment not found."),
    "commentaire_supprime": ErrorSpec(
        409, "Ce commentaire a été supprimé.", "This comment has been deleted."
    ),
    "curseur_invalide": ErrorSpec(
        400, "Le curseur de pagination est invalide.", "The pagination cursor is invalid."
    ),
    # Permissions
    "jeton_invalide": ErrorSpec(
        403,
        "Jeton de modification invalide : seul l'auteur peut modifier ce commentaire.",
        "Invalid edit token: only the author can change this comment.",
    ),
    "jeton_expire": ErrorSpec(
        403,
        "Le délai pour modifier ou supprimer ce commentaire est dépassé.",
        "The time to edit or delete this comment has passed.",
    ),
    "origine_refusee": ErrorSpec(
        403,
        "Cette origine ({origin}) n'est pas autorisée pour ce site.",
        "This origin ({origin}) is not allowed for this site.",
    ),
    "methode_refusee": ErrorSpec(405, "Méthode non autorisée.", "Method not allowed."),
    "introuvable": ErrorSpec(404, "Adresse introuvable.", "Not found."),
    # Server side
    "base_indisponible": ErrorSpec(
        503,
        "Le service est momentanément indisponible ; votre commentaire n'a pas été perdu "
        "s'il a été accusé. Réessayez dans un instant.",
        "The service is briefly unavailable. Try again in a moment.",
    ),
    "erreur_interne": ErrorSpec(
        500, "Erreur interne ; elle a été consignée.", "Internal error; it has been logged."
    ),
    # Configuration and CLI
    "configuration_invalide": ErrorSpec(
        400, "Fichier de configuration illisible : {detail}", "Unreadable configuration: {detail}"
    ),
    "reglage_inconnu": ErrorSpec(400, "Réglage inconnu : « {name} ».", "Unknown setting: “{name}”."),
    "reglage_invalide": ErrorSpec(
        400,
        "Valeur invalide pour le réglage « {name} » : « {value} ».",
        "Invalid value for setting “{name}”: “{value}”.",
    ),
}


class PalabreError(Exception):
    """The one error type: a stable code, parameters for the message, an optional field."""

    def __init__(
        self, code: str, *, params: dict[str, object] | None = None, field: str | None = None
    ) -> None:
        if code not in ERRORS:
            raise ValueError(f"unknown error code {code!r}")
        self.code = code
        self.params = params or {}
        self.field = field
        super().__init__(self.message("fr"))

    @property
    def status(self) -> int:
        return ERRORS[self.code].status

    def message(self, locale: str = "fr") -> str:
        spec = ERRORS[self.code]
        template = spec.en if locale == "en" else spec.fr
        try:
            return template.format(**self.params)
        except (KeyError, IndexError):
            return template

    def envelope(self, locale: str = "fr") -> dict[str, object]:
        body: dict[str, object] = {
            "code": self.code,
            "message": self.message(locale),
            "status": self.status,
        }
        if self.field:
            body["field"] = self.field
        return {"error": body}


def errors_markdown() -> str:
    """The error table of docs/api.md (kept in sync by a test)."""
    lines = ["| Code | HTTP | Message (fr) | Message (en) |", "| --- | --- | --- | --- |"]
    for code, spec in ERRORS.items():
        lines.append(f"| `{code}` | {spec.status} | {spec.fr} | {spec.en} |")
    return "\n".join(lines) + "\n"
