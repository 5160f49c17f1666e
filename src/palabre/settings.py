"""One table of settings: name, default, help. It feeds the CLI, the config file and the docs.

Precedence: environment (`PALABRE_<NAME>`) over the TOML config file over the default.
Secrets are masked when settings are shown."""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from palabre.errors import PalabreError


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: str | int | bool
    help: str
    secret: bool = False


SETTINGS: Final[tuple[Setting, ...]] = (
    Setting("data_dir", "./data", "Dossier des données (base SQLite, secret généré)."),
    Setting(
        "database_url",
        "",
        "URL SQLAlchemy de la base ; vide = SQLite dans data_dir (ex. postgresql+psycopg://…).",
        secret=True,
    ),
    Setting("secret_key", "", "Clé de signature des jetons ; vide = générée dans data_dir.", True),
    Setting("public_url", "http://127.0.0.1:8000", "Adresse publique du serveur palabre."),
    Setting("host", "127.0.0.1", "Adresse d'écoute du serveur."),
    Setting("port", 8000, "Port d'écoute du serveur."),
    Setting(
        "access_log",
        False,
        "Journal de chaque requête par le serveur (inutile derrière nginx, qui le tient déjà).",
    ),
    Setting(
        "allowed_origins", "", "Origines autorisées du site par défaut, séparées par des virgules."
    ),
    Setting("max_comment_length", 5000, "Longueur maximale d'un commentaire, en caractères."),
    Setting("max_body_bytes", 65536, "Taille maximale du corps d'une requête, en octets."),
    Setting(
        "edit_window_seconds", 900, "Délai pendant lequel l'auteur peut modifier ou supprimer."
    ),
    Setting("page_size", 20, "Nombre de commentaires de premier niveau par page."),
    Setting("max_page_size", 100, "Nombre maximal de commentaires par page demandé par le client."),
    Setting(
        "read_cache_entries",
        1024,
        "Réponses de lecture (pages de fil, compteurs) gardées en mémoire par processus, "
        "valables jusqu'à la prochaine écriture en base ; 0 = pas de cache.",
    ),
    Setting("charter_path", "", "Fichier de charte TOML ; vide = charte par défaut de palabre."),
    Setting("auto_create_threads", True, "Créer le fil d'un article au premier commentaire."),
    Setting(
        "reports_to_hold",
        3,
        "Signalants distincts (IP, navigateur, e-mail) qui renvoient un commentaire publié en "
        "modération ; sans effet sur un commentaire gardé par un modérateur.",
    ),
    Setting("locale", "fr", "Langue par défaut des messages (fr ou en)."),
    Setting("login_max_failures", 5, "Échecs de connexion au tableau de modération avant blocage."),
    Setting(
        "login_max_failures_account",
        20,
        "Échecs de connexion d'un même compte, toutes adresses IP confondues, avant blocage "
        "(0 = aucune limite).",
    ),
    Setting("login_window_minutes", 15, "Fenêtre (et durée du blocage) des échecs de connexion."),
    Setting("dashboard_session_hours", 12, "Durée d'une session de modération, en heures."),
    Setting("undo_seconds", 10, "Délai pendant lequel un modérateur peut annuler son action."),
    Setting("charter_preview_size", 50, "Commentaires récents rejugés par l'aperçu de la charte."),
    # Notifications: e-mail, background tasks, webhooks (notifications/).
    Setting("smtp_host", "", "Serveur SMTP des e-mails ; vide = aucun e-mail envoyé."),
    Setting("smtp_port", 587, "Port du serveur SMTP."),
    Setting("smtp_security", "starttls", "Chiffrement SMTP : starttls, ssl ou none."),
    Setting("smtp_user", "", "Identifiant SMTP ; vide = pas d'authentification."),
    Setting("smtp_password", "", "Mot de passe SMTP.", secret=True),
    Setting("mail_from", "palabre <ne-pas-repondre@localhost>", "Expéditeur des e-mails."),
    Setting(
        "moderator_emails",
        "",
        "Adresses des modérateurs prévenus d'un commentaire retenu, séparées par des virgules.",
    ),
    Setting(
        "moderation_link_hours", 72, "Durée de validité des liens de modération envoyés par e-mail."
    ),
    Setting("task_retries", 6, "Nouvelles tentatives d'une tâche de fond (e-mail, webhook)."),
    Setting(
        "task_retry_delay", 30, "Délai avant la première nouvelle tentative (s), doublé ensuite."
    ),
    Setting("digest_hour", 7, "Heure (UTC) d'envoi du résumé quotidien par le worker."),
    Setting("webhook_timeout", 10, "Délai maximal d'une requête webhook, en secondes."),
    Setting(
        "rate_limit_posts_ip",
        "60/minute;1000/hour",
        "Publications autorisées par adresse IP (syntaxe « N/période », séparées par « ; ») ; "
        "large, car une rédaction, un opérateur mobile ou un direct partagent une adresse.",
    ),
    Setting(
        "flood_max_posts",
        10,
        "Messages d'un même auteur (jeton du navigateur, e-mail ou pseudonyme) par fenêtre "
        "de « flood_window_minutes » au-delà desquels il doit patienter ; 0 = pas de limite.",
    ),
    Setting("flood_window_minutes", 10, "Fenêtre de la limite « flood_max_posts », en minutes."),
    Setting(
        "flood_traffic_step",
        50,
        "La limite par auteur grandit d'un message par tranche de N messages publiés sur le site "
        "pendant la fenêtre (un direct très commenté) ; 0 = limite fixe.",
    ),
    Setting(
        "show_harm_words",
        True,
        "Montrer à l'auteur les mots en cause aussi pour les clauses de haine, violence, "
        "insultes et contenus illicites (sinon seulement la clause).",
    ),
    Setting(
        "rate_limit_posts_author",
        "5/minute;60/hour",
        "Publications par auteur (jeton du navigateur, e-mail ou pseudonyme).",
    ),
    Setting("rate_limit_posts_thread", "120/minute", "Publications par fil d'article."),
    Setting("rate_limit_reports_ip", "20/minute;200/day", "Signalements par adresse IP."),
    Setting(
        "rate_limit_subscriptions_ip",
        "5/minute;50/day",
        "Demandes d'abonnement (e-mails de confirmation) par adresse IP.",
    ),
    Setting(
        "rate_limit_check_ip",
        "10/minute;200/hour",
        "Vérifications avant envoi (/api/check) par adresse IP.",
    ),
    Setting(
        "check_concurrency",
        2,
        "Vérifications avant envoi menées en même temps ; au-delà, réponse 429 immédiate "
        "(les autres requêtes ne sont jamais privées de processeur).",
    ),
    Setting(
        "redis_url",
        "",
        "Redis partagé par plusieurs processus (limites de débit, file des tâches de fond) ; "
        "vide = mémoire du processus et file SQLite dans data_dir.",
        secret=True,
    ),
    Setting(
        "sqlite_busy_timeout_ms", 5000, "Attente maximale d'un verrou SQLite, en millisecondes."
    ),
    Setting(
        "moderation_in_worker",
        False,
        "Modérer dans les processus de fond (palabre worker) plutôt que dans la requête : les "
        "processus web ne chargent pas le moteur (mémoire, démarrage) ; le commentaire reste en "
        "attente le temps de la décision, que le widget va chercher.",
    ),
    Setting(
        "check_timeout_seconds",
        5,
        "Avec « moderation_in_worker » : attente maximale de la réponse d'un processus de "
        "modération à une vérification avant envoi (/api/check), en secondes ; au-delà, 503.",
    ),
    Setting(
        "pending_sweep_seconds",
        60,
        "Intervalle de reprise des commentaires restés en attente de modération (0 = jamais).",
    ),
    Setting("ip_retention_days", 30, "Durée de conservation des empreintes d'IP, en jours."),
    # A publisher's duties (issue 20, docs/legal.md). A site may set its own (`palabre site set`).
    Setting(
        "moderation_mode",
        "engine",
        "Mode de modération des sites qui n'en choisissent pas : pre (tout attend un "
        "modérateur), engine (le moteur publie, retient ou rejette) ou post (tout ce qui n'est "
        "pas clairement interdit est publié, le douteux est revu après publication).",
    ),
    Setting(
        "close_after_days",
        0,
        "Fermer les commentaires d'un article N jours après son premier commentaire (0 = jamais).",
    ),
    Setting(
        "quota_per_day",
        0,
        "Commentaires par auteur, par article et par jour (0 = aucune limite).",
    ),
    Setting(
        "quota_max_length",
        0,
        "Longueur maximale d'un commentaire sur un article limité, en caractères "
        "(0 = max_comment_length).",
    ),
    Setting(
        "appeal_days",
        183,
        "Délai pendant lequel l'auteur peut contester une décision, en jours (DSA art. 20 : "
        "au moins six mois).",
    ),
    Setting(
        "notice_deadline_hours",
        48,
        "Délai de traitement visé pour un signalement de contenu illicite, en heures.",
    ),
)

_BY_NAME: Final[dict[str, Setting]] = {s.name: s for s in SETTINGS}


@dataclass(frozen=True, slots=True)
class Settings:
    """Resolved settings, typed: one field per entry of `SETTINGS`, in its order (a test keeps
    them equal). Built by `load_settings`; `replace` gives a changed copy."""

    data_dir: str
    database_url: str
    secret_key: str
    public_url: str
    host: str
    port: int
    access_log: bool
    allowed_origins: str
    max_comment_length: int
    max_body_bytes: int
    edit_window_seconds: int
    page_size: int
    max_page_size: int
    read_cache_entries: int
    charter_path: str
    auto_create_threads: bool
    reports_to_hold: int
    locale: str
    login_max_failures: int
    login_max_failures_account: int
    login_window_minutes: int
    dashboard_session_hours: int
    undo_seconds: int
    charter_preview_size: int
    smtp_host: str
    smtp_port: int
    smtp_security: str
    smtp_user: str
    smtp_password: str
    mail_from: str
    moderator_emails: str
    moderation_link_hours: int
    task_retries: int
    task_retry_delay: int
    digest_hour: int
    webhook_timeout: int
    rate_limit_posts_ip: str
    flood_max_posts: int
    flood_window_minutes: int
    flood_traffic_step: int
    show_harm_words: bool
    rate_limit_posts_author: str
    rate_limit_posts_thread: str
    rate_limit_reports_ip: str
    rate_limit_subscriptions_ip: str
    rate_limit_check_ip: str
    check_concurrency: int
    redis_url: str
    sqlite_busy_timeout_ms: int
    moderation_in_worker: bool
    check_timeout_seconds: int
    pending_sweep_seconds: int
    ip_retention_days: int
    moderation_mode: str
    close_after_days: int
    quota_per_day: int
    quota_max_length: int
    appeal_days: int
    notice_deadline_hours: int

    def replace(self, **changes: Any) -> Settings:
        unknown = set(changes) - set(_BY_NAME)
        if unknown:
            raise ValueError(f"unknown settings: {sorted(unknown)}")
        coerced: dict[str, Any] = {k: _coerce(_BY_NAME[k], v) for k, v in changes.items()}
        return dataclasses.replace(self, **coerced)

    def masked(self) -> dict[str, Any]:
        values = {s.name: getattr(self, s.name) for s in SETTINGS}
        return {
            s.name: ("••••••" if s.secret and values[s.name] else values[s.name]) for s in SETTINGS
        }

    @property
    def data_path(self) -> Path:
        return Path(self.data_dir).expanduser()

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_path / 'palabre.sqlite3').resolve()}"

    @property
    def resolved_secret_key(self) -> str:
        """The secret key. `palabre.services.build` resolves it once (creating
        `data_dir/secret.key` the first time) and puts it in `secret_key`; reading it here
        never writes anything."""
        if self.secret_key:
            return self.secret_key
        path = self.data_path / "secret.key"
        if path.exists():
            return path.read_text(encoding="utf-8").strip()
        raise RuntimeError("secret key not resolved: build the settings with palabre.services")


def _coerce(setting: Setting, raw: Any) -> str | int | bool:
    default = setting.default
    try:
        if isinstance(default, bool):
            if isinstance(raw, bool):
                return raw
            text = str(raw).strip().lower()
            if text in {"1", "true", "yes", "oui", "on"}:
                return True
            if text in {"0", "false", "no", "non", "off", ""}:
                return False
            raise ValueError(text)
        if isinstance(default, int):
            return int(raw)
        return str(raw)
    except ValueError:
        raise PalabreError(
            "reglage_invalide", params={"name": setting.name, "value": str(raw)}
        ) from None


def load_settings(
    config_file: Path | None = None,
    *,
    environ: dict[str, str] | None = None,
    **overrides: Any,
) -> Settings:
    """Default < config file (`PALABRE_CONFIG` or argument) < environment < explicit overrides."""
    env = dict(os.environ if environ is None else environ)
    values: dict[str, Any] = {s.name: s.default for s in SETTINGS}
    path = config_file or (Path(env["PALABRE_CONFIG"]) if env.get("PALABRE_CONFIG") else None)
    if path is not None:
        try:
            file_values = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise PalabreError("configuration_invalide", params={"detail": str(exc)}) from exc
        for name, raw in file_values.items():
            if name not in _BY_NAME:
                raise PalabreError("reglage_inconnu", params={"name": name})
            values[name] = _coerce(_BY_NAME[name], raw)
    for setting in SETTINGS:
        raw_env = env.get(f"PALABRE_{setting.name.upper()}")
        if raw_env is not None:
            values[setting.name] = _coerce(setting, raw_env)
    for name, raw in overrides.items():
        if name not in _BY_NAME:
            raise ValueError(f"unknown setting: {name}")
        values[name] = _coerce(_BY_NAME[name], raw)
    return Settings(**values)


def settings_markdown() -> str:
    """The settings table of docs/configuration.md (kept in sync by a test)."""
    lines = [
        "| Réglage | Variable d'environnement | Défaut | Description |",
        "| --- | --- | --- | --- |",
    ]
    for s in SETTINGS:
        default = (
            "(vide)"
            if s.default == ""
            else str(s.default).lower()
            if isinstance(s.default, bool)
            else str(s.default)
        )
        lines.append(f"| `{s.name}` | `PALABRE_{s.name.upper()}` | `{default}` | {s.help} |")
    return "\n".join(lines) + "\n"
