"""`palabre worker`, `palabre digest`, `palabre webhook add|list|test`, `palabre sso set`."""

from __future__ import annotations

import secrets
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer
from sqlalchemy import select

from palabre.cli._common import fail, open_services
from palabre.cli.i18n import FrenchTyper
from palabre.errors import PalabreError
from palabre.storage.models import Site, WebhookEndpoint
from palabre.typography import french

ConfigOption = Annotated[
    Path | None, typer.Option("--config", "-c", help="Fichier de configuration TOML.")
]
webhook_app = FrenchTyper(help="Webhooks signés (HMAC-SHA256) des sites.", no_args_is_help=True)
sso_app = FrenchTyper(
    help="Connexion des lecteurs par le site (SSO, JWT HS256).", no_args_is_help=True
)


def worker(
    config: ConfigOption = None,
    workers: Annotated[int, typer.Option(help="Nombre de fils d'exécution.")] = 2,
) -> None:
    """Exécute les tâches de fond : e-mails, webhooks, résumé quotidien (huey)."""
    import logging

    from palabre.legal.mail import attach_statement_mail
    from palabre.notifications.tasks import Tasks, build_huey

    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    services = open_services(config)
    settings, database = services.settings, services.db
    huey = build_huey(settings)
    tasks = Tasks(huey, settings, database)
    attach_statement_mail(tasks, settings)
    from palabre.cli.worker_wiring import install_worker

    moderation = install_worker(huey, settings, database, tasks)
    queue = "Redis" if settings.redis_url else "SQLite"
    typer.echo(french(f"palabre worker : {workers} fils, file {queue}"))
    if settings.moderation_in_worker:
        # what was posted while no worker ran and never reached the queue, before anything else
        moderation.sweep(True)
    huey.create_consumer(workers=workers, worker_type="thread", periodic=True).run()


def digest(config: ConfigOption = None) -> None:
    """Envoie maintenant le résumé des commentaires des dernières 24 h (pour cron)."""
    from palabre.notifications.tasks import Tasks, build_huey

    services = open_services(config)

    settings, database = services.settings, services.db
    tasks = Tasks(build_huey(settings), settings, database)
    if not tasks.sender.enabled:
        raise fail(PalabreError("courriel_indisponible"))
    sent = tasks.run_digest(tasks.sender.send)
    typer.echo(f"{sent} résumé(s) envoyé(s).")


@webhook_app.command("add")
def webhook_add(
    site: Annotated[str, typer.Argument(help="Identifiant du site.")],
    url: Annotated[str, typer.Argument(help="Adresse http(s) qui recevra les événements.")],
    event: Annotated[
        list[str] | None,
        typer.Option("--event", "-e", help="Événement (répétable) ; par défaut tous."),
    ] = None,
    config: ConfigOption = None,
) -> None:
    """Ajoute un webhook et affiche son secret de signature."""
    from palabre.notifications.webhooks import add_endpoint

    database = open_services(config).db
    try:
        with database.session() as session:
            endpoint = add_endpoint(session, site, url, event, datetime.now(UTC))
            typer.echo(
                french(f"Webhook {endpoint.id} : {endpoint.url} ({', '.join(endpoint.events)})")
            )
            typer.echo(f"Secret de signature\u00a0: {endpoint.secret}")
    except PalabreError as error:
        raise fail(error) from None


@webhook_app.command("list")
def webhook_list(config: ConfigOption = None) -> None:
    """Liste les webhooks."""
    database = open_services(config).db
    with database.session() as session:
        rows = session.execute(
            select(WebhookEndpoint, Site.key)
            .join(Site, WebhookEndpoint.site_id == Site.id)
            .order_by(WebhookEndpoint.id)
        ).all()
        for endpoint, site in rows:
            state = "actif" if endpoint.active else "inactif"
            typer.echo(
                f"{endpoint.id}\t{site}\t{endpoint.url}\t{','.join(endpoint.events)}\t{state}"
            )


@webhook_app.command("test")
def webhook_test(
    endpoint_id: Annotated[int, typer.Argument(help="Numéro du webhook.")],
    config: ConfigOption = None,
) -> None:
    """Envoie un événement « ping » signé, tout de suite, et affiche la réponse."""
    from palabre.notifications.webhooks import deliver

    services = open_services(config)

    settings, database = services.settings, services.db
    with database.session() as session:
        endpoint = session.get(WebhookEndpoint, endpoint_id)
        if endpoint is None:
            raise fail(PalabreError("webhook_inconnu"))
        body = {
            "id": "evt_" + secrets.token_hex(12),
            "type": "ping",
            "created": int(time.time()),
            "data": {"webhook": endpoint.id},
        }
        result = deliver(
            session, endpoint, "ping", body, 1, float(settings.webhook_timeout), datetime.now(UTC)
        )
    if not result.ok:
        typer.echo(
            french(f"Échec : {result.error or result.status_code} ({result.duration_ms} ms)"),
            err=True,
        )
        raise typer.Exit(1)
    typer.echo(f"Réponse {result.status_code} en {result.duration_ms} ms")


@sso_app.command("set")
def sso_set(
    site: Annotated[str, typer.Argument(help="Identifiant du site.")],
    secret: Annotated[
        str | None,
        typer.Option(help="Secret (32 caractères au moins) ; par défaut, un secret est généré."),
    ] = None,
    config: ConfigOption = None,
) -> None:
    """Définit le secret partagé avec le site pour signer les jetons SSO, et l'affiche."""
    from palabre.identity.sso import set_secret

    database = open_services(config).db
    try:
        with database.session() as session:
            value = set_secret(session, site, datetime.now(UTC), secret)
    except PalabreError as error:
        raise fail(error) from None
    except ValueError:
        raise fail("le secret doit faire au moins 32 caractères.") from None
    typer.echo(french(f"Secret SSO du site « {site} » :") + f" {value}")


def register(app: typer.Typer) -> None:
    app.command("worker")(worker)
    app.command("digest")(digest)
    app.add_typer(webhook_app, name="webhook")
    app.add_typer(sso_app, name="sso")


__all__ = ["register"]
