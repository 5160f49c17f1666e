"""One error type with stable codes, an HTTP status and a message per locale (French first)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from palabre.typography import french


@dataclass(frozen=True, slots=True)
class ErrorSpec:
    status: int
    fr: str
    en: str


ERRORS: Final[dict[str, ErrorSpec]] = {
    # Request shape
    "json_invalide": ErrorSpec(
        400,
        "Le corps de la requête n'est pas un JSON valide.",
        "The request body is not valid JSON.",
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
        415,
        "Envoyez le corps en JSON (application/json).",
        "Send the body as JSON (application/json).",
    ),
    "requete_invalide": ErrorSpec(
        422, "Champ « {field} » invalide : {detail}.", "Invalid field “{field}”: {detail}."
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
    "nom_reserve": ErrorSpec(
        422,
        "Ce nom est réservé à l'équipe du site ; choisissez-en un autre.",
        "This name is reserved for the site's staff; choose another one.",
    ),
    "email_invalide": ErrorSpec(
        422, "L'adresse e-mail n'est pas valide.", "Invalid e-mail address."
    ),
    "url_fil_invalide": ErrorSpec(
        422,
        "Adresse de l'article invalide : une URL http:// ou https:// du site est attendue, sans "
        "identifiants.",
        "Invalid article address: an http:// or https:// URL of the site is expected, without "
        "credentials.",
    ),
    "caractere_interdit": ErrorSpec(
        400,
        "La requête contient un caractère interdit (caractère nul ou moitié isolée d'une paire "
        "UTF-16).",
        "The request contains a forbidden character (NUL or a lone UTF-16 surrogate).",
    ),
    "pot_de_miel": ErrorSpec(
        422,
        "Le formulaire n'a pas été rempli correctement.",
        "The form was not filled in correctly.",
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
    "trop_de_messages": ErrorSpec(
        429,
        "Trop de messages en peu de temps : réessayez dans {delay}.",
        "Too many messages in a short time: try again in {delay}.",
    ),
    "trop_de_requetes": ErrorSpec(
        429,
        "Trop de requêtes : réessayez dans {retry} secondes.",
        "Too many requests: try again in {retry} seconds.",
    ),
    # Notifications and identity
    "mode_invalide": ErrorSpec(
        422,
        "Mode d'abonnement inconnu : choisissez « immediate » ou « digest ».",
        "Unknown subscription mode: choose “immediate” or “digest”.",
    ),
    "lien_invalide": ErrorSpec(
        400,
        "Ce lien n'est pas valide ; il a peut-être été mal copié.",
        "This link is not valid; it may have been copied incorrectly.",
    ),
    "lien_expire": ErrorSpec(
        410,
        "Ce lien a expiré ou a déjà servi.",
        "This link has expired or has already been used.",
    ),
    "courriel_indisponible": ErrorSpec(
        503,
        "L'envoi d'e-mails n'est pas configuré sur ce serveur.",
        "Sending e-mail is not configured on this server.",
    ),
    "sso_invalide": ErrorSpec(
        401,
        "Jeton de connexion du site invalide : signature ou contenu incorrect.",
        "Invalid site sign-in token: bad signature or content.",
    ),
    "sso_expire": ErrorSpec(
        401,
        "Votre connexion au site a expiré : rechargez la page pour vous reconnecter.",
        "Your sign-in to the site has expired: reload the page to sign in again.",
    ),
    "sso_non_configure": ErrorSpec(
        422,
        "La connexion par le site n'est pas configurée pour « {site} ».",
        "Site sign-in is not configured for “{site}”.",
    ),
    "url_webhook_invalide": ErrorSpec(
        422,
        "Adresse de webhook invalide : une URL http:// ou https:// est attendue.",
        "Invalid webhook address: an http:// or https:// URL is expected.",
    ),
    "webhook_inconnu": ErrorSpec(404, "Webhook inconnu.", "Unknown webhook."),
    # Server side
    "stockage_plein": ErrorSpec(
        507,
        "Le serveur ne peut plus rien enregistrer (disque plein) ; votre commentaire n'a pas été "
        "reçu. Réessayez plus tard.",
        "The server cannot store anything (disk full); your comment was not received.",
    ),
    "base_indisponible": ErrorSpec(
        503,
        "Le service est momentanément indisponible ; votre commentaire n'a pas été perdu "
        "s'il a été accusé. Réessayez dans un instant.",
        "The service is briefly unavailable. Try again in a moment.",
    ),
    "verification_indisponible": ErrorSpec(
        503,
        "La vérification avant envoi est momentanément indisponible ; vous pouvez publier, "
        "votre commentaire sera vérifié à l'envoi.",
        "The pre-submit check is briefly unavailable; you can still post, your comment will "
        "be checked when sent.",
    ),
    "apercu_indisponible": ErrorSpec(
        503,
        "Aucun processus de modération n'a calculé l'aperçu à temps ; rien n'a été enregistré. "
        "Réessayez dans un instant.",
        "No moderation worker computed the preview in time; nothing was saved. Try again in a "
        "moment.",
    ),
    "erreur_interne": ErrorSpec(
        500, "Erreur interne ; elle a été consignée.", "Internal error; it has been logged."
    ),
    # Moderator dashboard (issue 5)
    "identifiants_invalides": ErrorSpec(
        401, "Adresse e-mail ou mot de passe incorrect.", "Wrong e-mail address or password."
    ),
    "connexion_bloquee": ErrorSpec(
        429,
        "Trop de tentatives de connexion : réessayez dans {minutes} minutes.",
        "Too many login attempts: try again in {minutes} minutes.",
    ),
    "non_connecte": ErrorSpec(
        401, "Connectez-vous pour accéder à la modération.", "Log in to access moderation."
    ),
    "csrf_invalide": ErrorSpec(
        403,
        "Le formulaire a expiré ou ne vient pas de palabre : rechargez la page et recommencez.",
        "The form has expired or does not come from palabre: reload the page and try again.",
    ),
    "hors_perimetre": ErrorSpec(
        403,
        "Ce commentaire appartient à un site que vous ne modérez pas.",
        "This comment belongs to a site you do not moderate.",
    ),
    "reserve_admin": ErrorSpec(403, "Réservé aux administrateurs.", "Administrators only."),
    "action_inconnue": ErrorSpec(
        422,
        "Action de modération inconnue : « {action} ».",
        "Unknown moderation action: “{action}”.",
    ),
    "annulation_expiree": ErrorSpec(
        409,
        "Le délai pour annuler est dépassé.",
        "The time to undo has passed.",
    ),
    "auteur_banni": ErrorSpec(
        403,
        "Vous ne pouvez plus publier de commentaires sur ce site.",
        "You may no longer post comments on this site.",
    ),
    "auteur_suspendu": ErrorSpec(
        403,
        "Vous ne pouvez pas publier de commentaires sur ce site avant le {until}.",
        "You may not post comments on this site before {until}.",
    ),
    "auteur_non_identifiable": ErrorSpec(
        422,
        "Cet auteur n'a ni e-mail ni empreinte : il ne peut pas être banni.",
        "This author has neither an e-mail nor a fingerprint: they cannot be banned.",
    ),
    "role_invalide": ErrorSpec(
        422, "Rôle inconnu : « {role} » (moderateur ou admin).", "Unknown role: “{role}”."
    ),
    "mot_de_passe_court": ErrorSpec(
        422,
        "Le mot de passe doit faire au moins {min} caractères.",
        "The password must be at least {min} characters long.",
    ),
    "compte_existant": ErrorSpec(
        409, "Un compte existe déjà pour {email}.", "An account already exists for {email}."
    ),
    "compte_inconnu": ErrorSpec(404, "Aucun compte pour {email}.", "No account for {email}."),
    "site_requis": ErrorSpec(
        422,
        "Un modérateur doit être rattaché à au moins un site (--site).",
        "A moderator must be bound to at least one site (--site).",
    ),
    # Configuration and CLI
    "configuration_invalide": ErrorSpec(
        400, "Fichier de configuration illisible : {detail}", "Unreadable configuration: {detail}"
    ),
    "reglage_inconnu": ErrorSpec(
        400, "Réglage inconnu : « {name} ».", "Unknown setting: “{name}”."
    ),
    "reglage_invalide": ErrorSpec(
        400,
        "Valeur invalide pour le réglage « {name} » : « {value} ».",
        "Invalid value for setting “{name}”: “{value}”.",
    ),
    # Import, export and re-moderation (palabre.interop)
    "import_illisible": ErrorSpec(
        400,
        "Impossible de lire le fichier d'import « {path} » : {detail}",
        "Cannot read the import file “{path}”: {detail}",
    ),
    "import_xml_invalide": ErrorSpec(
        422,
        "XML invalide dans « {path} », ligne {line}, colonne {column} : {detail}. "
        "Rien n'a été importé.",
        "Invalid XML in “{path}”, line {line}, column {column}: {detail}. Nothing was imported.",
    ),
    "import_format_inattendu": ErrorSpec(
        422,
        "« {path} » n'est pas un export {format} : {detail}. Rien n'a été importé.",
        "“{path}” is not a {format} export: {detail}. Nothing was imported.",
    ),
    "import_champ_manquant": ErrorSpec(
        422,
        "{place} : champ obligatoire « {field} » manquant ou vide. Rien n'a été importé.",
        "{place}: required field “{field}” is missing or empty. Nothing was imported.",
    ),
    "import_valeur_invalide": ErrorSpec(
        422,
        "{place} : valeur invalide pour « {field} » : « {value} ». Rien n'a été importé.",
        "{place}: invalid value for “{field}”: “{value}”. Nothing was imported.",
    ),
    "import_base_invalide": ErrorSpec(
        422,
        "Base Isso inutilisable (« {path} ») : {detail}. Rien n'a été importé.",
        "Unusable Isso database (“{path}”): {detail}. Nothing was imported.",
    ),
    "import_version": ErrorSpec(
        422,
        "Export palabre en version {version} non pris en charge (version attendue : {expected}).",
        "palabre export version {version} is not supported (expected version: {expected}).",
    ),
    "date_invalide": ErrorSpec(
        400,
        "Date invalide : « {value} » (attendu : AAAA-MM-JJ ou AAAA-MM-JJTHH:MM).",
        "Invalid date: “{value}” (expected YYYY-MM-DD or YYYY-MM-DDTHH:MM).",
    ),
    # A publisher's duties (issue 20)
    "mode_moderation_invalide": ErrorSpec(
        422,
        "Mode de modération inconnu : « {mode} » (pre, engine ou post).",
        "Unknown moderation mode: “{mode}” (pre, engine or post).",
    ),
    "commentaires_fermes": ErrorSpec(
        403,
        "Les commentaires sont fermés sur cet article.",
        "Comments are closed on this article.",
    ),
    "quota_article": ErrorSpec(
        429,
        "Vous avez déjà publié {limit} commentaires sur cet article aujourd'hui ; revenez demain.",
        "You have already posted {limit} comments on this article today; come back tomorrow.",
    ),
    "texte_trop_long_article": ErrorSpec(
        422,
        "Sur cet article, un commentaire fait au plus {limit} caractères ({length}).",
        "On this article, a comment is at most {limit} characters long ({length}).",
    ),
    "recours_impossible": ErrorSpec(
        409,
        "Aucune décision à contester pour ce commentaire.",
        "There is no decision to contest for this comment.",
    ),
    "recours_expire": ErrorSpec(
        410,
        "Le délai pour contester cette décision ({days} jours) est dépassé.",
        "The time to contest this decision ({days} days) has passed.",
    ),
    "recours_existant": ErrorSpec(
        409,
        "Cette décision est déjà contestée ; un modérateur va l'examiner.",
        "This decision is already contested; a moderator will review it.",
    ),
    "recours_inconnu": ErrorSpec(404, "Recours introuvable.", "Appeal not found."),
    "categorie_illicite_invalide": ErrorSpec(
        422,
        "Catégorie de contenu illicite inconnue : « {category} ».",
        "Unknown category of illegal content: “{category}”.",
    ),
    "bonne_foi_requise": ErrorSpec(
        422,
        "Cochez la déclaration de bonne foi pour envoyer le signalement.",
        "Tick the good-faith statement to send the notice.",
    ),
    "explication_requise": ErrorSpec(
        422,
        "Expliquez en quelques mots pourquoi ce contenu est illicite.",
        "Explain in a few words why this content is illegal.",
    ),
    "nom_requis": ErrorSpec(
        422, "Indiquez votre nom pour envoyer le signalement.", "Give your name to send the notice."
    ),
    "notification_inconnue": ErrorSpec(
        404, "Signalement de contenu illicite introuvable.", "Notice of illegal content not found."
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
        # A parameter may come per locale: `detail_en` stands for `detail` in English.
        suffix = "_en" if locale == "en" else "_fr"
        params = {k: v for k, v in self.params.items() if not k.endswith(("_en", "_fr"))}
        params.update({k[:-3]: v for k, v in self.params.items() if k.endswith(suffix)})
        try:
            return template.format(**params)
        except (KeyError, IndexError):
            return template

    def envelope(self, locale: str = "fr") -> dict[str, object]:
        message = self.message(locale)
        body: dict[str, object] = {
            "code": self.code,
            # what a reader sees in the widget: French typography (no-break spaces, ’)
            "message": message if locale == "en" else french(message),
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
