"""Dashboard wording: French is the source text, English the translation (missing = French)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Final

from starlette.requests import Request

from palabre.status import CommentStatus
from palabre.typography import french
from palabre.web.locale import request_locale

EN: Final[dict[str, str]] = {
    "Modération": "Moderation",
    "À modérer": "To review",
    "Signalés": "Reported",
    "Rejetés": "Rejected",
    "Publiés récemment": "Recently published",
    "Charte": "Charter",
    "Statistiques": "Statistics",
    "Journal": "Audit log",
    "Bannissements": "Bans",
    "Recours": "Appeals",
    "Recours en attente": "Pending appeals",
    "Maintenir la décision": "Keep the decision",
    "Annuler la décision et publier": "Reverse and publish",
    "Aucun recours en attente.": "No pending appeal.",
    "Décision contestée": "Contested decision",
    "Motif de l'auteur": "The author's reason",
    "automatique": "automatic",
    "humaine": "human",
    "Contenus illicites": "Illegal content",
    "Transparence": "Transparency",
    "Rapport de transparence": "Transparency report",
    "Exporter en JSON": "Export as JSON",
    "Afficher": "Show",
    "Période du": "Period from",
    "au": "to",
    "tous les sites": "all sites",
    "DSA, art. 15 et 24": "DSA, art. 15 and 24",
    "signalements reçus": "notices received",
    "décisions restrictives": "restricting decisions",
    "recours": "appeals",
    "décisions annulées": "decisions reversed",
    "décisions maintenues": "decisions kept",
    "Signalements de contenu illicite par catégorie": "Notices of illegal content by category",
    "Décidés pendant la période": "Decided during the period",
    "contenus retirés": "content removed",
    "maintenus": "kept",
    "sans décision à la fin de la période": "undecided at the end of the period",
    "Délais médians de traitement": "Median handling times",
    "File « À modérer »": "« To review » queue",
    "Décisions par caractère automatisé ou humain": "Decisions by automated or human means",
    "Décision": "Decision",
    "automatiques": "automated",
    "humaines": "human",
    "Décisions par motif": "Decisions by ground",
    "Une décision qui cite plusieurs clauses compte pour chacune.": "A decision citing several clauses counts for each.",
    "déposés": "filed",
    "mise en attente": "hold",
    "rejet": "rejection",
    "retrait": "removal",
    "aucun motif cité": "no ground cited",
    "en attente": "pending",
    "Signalements de contenu illicite": "Notices of illegal content",
    "Aucun signalement de contenu illicite en attente.": "No pending notice of illegal content.",
    "Échéance": "Deadline",
    "en retard": "overdue",
    "Retirer le contenu": "Remove the content",
    "Maintenir le contenu": "Keep the content",
    "Signalé par": "Notified by",
    "Déconnexion": "Log out",
    "Connexion": "Log in",
    "Se connecter": "Log in",
    "Adresse e-mail": "E-mail address",
    "Mot de passe": "Password",
    "Connexion à la modération": "Moderation login",
    "Publier": "Publish",
    "Rejeter": "Reject",
    "Supprimer": "Delete",
    "Annuler": "Undo",
    "Classer les signalements": "Dismiss reports",
    "Suspendre l'auteur": "Suspend author",
    "Bannir l'auteur": "Ban author",
    "Note (facultative)": "Note (optional)",
    "Publier la sélection": "Publish selected",
    "Rejeter la sélection": "Reject selected",
    "Tout sélectionner": "Select all",
    "Tous les sites": "All sites",
    "Tous les articles": "All articles",
    "Toutes les clauses": "All clauses",
    "Toutes les catégories": "All categories",
    "Plus anciens d'abord": "Oldest first",
    "Plus récents d'abord": "Newest first",
    "Filtrer": "Filter",
    "Rien à modérer ici.": "Nothing to review here.",
    "en attente depuis": "waiting for",
    "signalé depuis": "reported for",
    "rejeté depuis": "rejected for",
    "publié depuis": "published for",
    "Réponse à": "In reply to",
    "Décision du moteur": "Engine decision",
    "publier": "publish",
    "retenir": "hold",
    "rejeter": "reject",
    "Corrections proposées": "Suggested corrections",
    "Historique de l'auteur": "Author history",
    "commentaires": "comments",
    "taux de rejet": "rejection rate",
    "Premier commentaire de cet auteur.": "First comment by this author.",
    "Auteur anonyme : pas d'historique.": "Anonymous author: no history.",
    "Files de modération": "Moderation queues",
    "modérateur": "moderator",
    "jours": "days",
    "L'aperçu rejuge les derniers commentaires avec la charte modifiée, avant tout enregistrement.": "The preview re-checks the latest comments with the edited charter, before anything is "
    "saved.",
    "Un modérateur renverse le moteur quand il publie ce que le moteur a retenu ou rejeté, ou "
    "retire ce qu'il a publié.": "A moderator overturns the engine when they publish what it "
    "held or rejected, or remove what it published.",
    "même pseudonyme (pas d'e-mail ni d'IP)": "same display name (no e-mail or IP)",
    "Signalements": "Reports",
    "ouvert": "open",
    "classé": "dismissed",
    "retenu": "upheld",
    "Anonyme": "Anonymous",
    "Raccourcis clavier": "Keyboard shortcuts",
    "commentaire suivant": "next comment",
    "commentaire précédent": "previous comment",
    "publier le commentaire": "publish the comment",
    "rejeter le commentaire": "reject the comment",
    "supprimer le commentaire": "delete the comment",
    "cocher / décocher": "select / unselect",
    "afficher cette aide": "show this help",
    "Fermer": "Close",
    "Page": "Page",
    "sur": "of",
    "Précédente": "Previous",
    "Suivante": "Next",
    "Action enregistrée": "Action recorded",
    "publié": "published",
    "rejeté": "rejected",
    "supprimé": "deleted",
    "retenu pour modération": "held",
    "Annulé.": "Undone.",
    "Signalements classés.": "Reports dismissed.",
    "Auteur banni.": "Author banned.",
    "Auteur suspendu.": "Author suspended.",
    "24 heures": "24 hours",
    "7 jours": "7 days",
    "30 jours": "30 days",
    "définitivement": "for good",
    "Charte de modération": "Moderation charter",
    "Modifier la charte": "Edit the charter",
    "Version active": "Active version",
    "Clauses": "Clauses",
    "Catégories": "Categories",
    "Seuils": "Thresholds",
    "Catégorie": "Category",
    "Mots interdits": "Banned words",
    "Mots suspects": "Suspect words",
    "Noms propres": "Proper names",
    "Mots autorisés": "Allowed words",
    "retirée": "retired",
    "Historique des versions": "Version history",
    "Aperçu": "Preview",
    "Enregistrer la nouvelle version": "Save the new version",
    "Note de version": "Version note",
    "Texte de la charte (TOML)": "Charter text (TOML)",
    "Charte invalide : rien n'a été enregistré.": "Invalid charter: nothing was saved.",
    "Commentaires rejugés": "Comments re-checked",
    "Décisions modifiées": "Changed decisions",
    "Aucune décision ne change.": "No decision changes.",
    "Avant": "Before",
    "Après": "After",
    "Nouvelle version enregistrée et appliquée.": "New version saved and in force.",
    "Réservé aux administrateurs.": "Administrators only.",
    "Commentaires par jour": "Comments per day",
    "Décisions par clause": "Decisions by clause",
    "Décisions par catégorie": "Decisions by category",
    "Accord entre le moteur et les modérateurs": "Engine–moderator agreement",
    "Ancienneté de la file « À modérer »": "Age of the “To review” queue",
    "examinés": "reviewed",
    "confirmés": "confirmed",
    "renversés": "overturned",
    "accord": "agreement",
    "attente médiane": "median wait",
    "30 derniers jours": "last 30 days",
    "publiés": "published",
    "retenus": "held",
    "rejetés": "rejected",
    "supprimés": "deleted",
    "Pas encore de données.": "No data yet.",
    "Acteur": "Actor",
    "Action": "Action",
    "Date": "Date",
    "Du": "From",
    "Au": "To",
    "Site": "Site",
    "Commentaire": "Comment",
    "Article": "Article",
    "De": "From",
    "Vers": "To",
    "Note": "Note",
    "Tous": "All",
    "Toutes": "All",
    "Exporter en CSV": "Export as CSV",
    "entrées": "entries",
    "Bannir une adresse e-mail": "Ban an e-mail address",
    "Durée": "Duration",
    "Bannir": "Ban",
    "Lever": "Lift",
    "Auteur": "Author",
    "Jusqu'au": "Until",
    "Par": "By",
    "Aucun bannissement en cours.": "No active ban.",
    "Erreur": "Error",
    "Retour à la modération": "Back to moderation",
    "Langue": "Language",
    "en direct": "live",
    "Sélection": "Selection",
    "Légende des marques": "Legend of the marks",
    "Légende :": "Legend:",
    "haine, violence, insultes, illicite": "hate, violence, insults, illegal",
    "spam": "spam",
    "orthographe et langue": "spelling and language",
    "correction proposée": "suggested correction",
    "Masquer les fautes d'orthographe": "Hide spelling marks",
    "Séparateur": "Separator",
}

STATUS_LABELS: Final[dict[str, tuple[str, str]]] = {
    CommentStatus.PENDING: ("en attente", "pending"),
    CommentStatus.HELD: ("retenu", "held"),
    CommentStatus.PUBLISHED: ("publié", "published"),
    CommentStatus.REJECTED: ("rejeté", "rejected"),
    CommentStatus.DELETED: ("supprimé", "deleted"),
}

ACTION_LABELS: Final[dict[str, tuple[str, str]]] = {
    "auto_publish": ("publié par le moteur", "published by the engine"),
    "auto_hold": ("retenu par le moteur", "held by the engine"),
    "auto_reject": ("rejeté par le moteur", "rejected by the engine"),
    "publish": ("publié", "published"),
    "reject": ("rejeté", "rejected"),
    "delete": ("supprimé", "deleted"),
    "undo": ("annulation", "undo"),
    "dismiss_reports": ("signalements classés", "reports dismissed"),
    "ban": ("auteur banni", "author banned"),
    "suspend": ("auteur suspendu", "author suspended"),
    "author_edit": ("modifié par l'auteur", "edited by the author"),
    "author_delete": ("supprimé par l'auteur", "deleted by the author"),
    "reports_threshold": ("retenu après signalements", "held after reports"),
    "appeal_filed": ("contesté par l'auteur", "appealed by the author"),
    "appeal_upheld": ("recours rejeté, décision maintenue", "appeal rejected, decision kept"),
    "appeal_reversed": ("recours accueilli, décision annulée", "appeal granted, decision reversed"),
    "notice_removed": (
        "retiré après signalement de contenu illicite",
        "removed after a notice of illegal content",
    ),
    "notice_kept": (
        "maintenu après signalement de contenu illicite",
        "kept after a notice of illegal content",
    ),
}


class Translator:
    def __init__(self, locale: str) -> None:
        self.locale = "en" if locale == "en" else "fr"

    def __call__(self, text: str) -> str:
        """The English, or the French with its typography (’, no-break spaces)."""
        return EN.get(text, text) if self.locale == "en" else french(text)

    def action(self, code: str) -> str:
        label = ACTION_LABELS.get(code)
        return code if label is None else label[1] if self.locale == "en" else french(label[0])

    def status(self, code: str | None) -> str:
        """A comment status in words (« retenu », « publié »…), never its code."""
        if not code:
            return "—"
        label = STATUS_LABELS.get(code)
        return code if label is None else label[1] if self.locale == "en" else french(label[0])

    def ago(self, then: datetime, now: datetime) -> str:
        """« 2 h », « 35 min », « 3 j »: how long something has been waiting."""
        delta = max(now - then, timedelta())
        minutes = int(delta.total_seconds() // 60)
        if minutes < 1:
            return "< 1 min"
        if minutes < 60:
            return f"{minutes} min"
        if minutes < 48 * 60:
            return f"{minutes // 60} h"
        return f"{minutes // 1440} {'d' if self.locale == 'en' else 'j'}"

    def number(self, value: float, digits: int = 0) -> str:
        text = f"{value:,.{digits}f}"
        if self.locale == "en":
            return text
        return text.replace(",", "\u202f").replace(".", ",")


def locale_for(request: Request, preference: str | None) -> str:
    if request.query_params.get("lang") in {"fr", "en"}:
        return str(request.query_params["lang"])
    if preference in {"fr", "en"}:
        return str(preference)
    return request_locale(request)
