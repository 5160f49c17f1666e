"""`palabre serve`, `palabre demo`, `palabre migrate`."""

from __future__ import annotations

import inspect
import os
from pathlib import Path
from typing import Annotated, Any

import typer

from palabre.settings import Settings, load_settings
from palabre.typography import french

ConfigOption = Annotated[
    Path | None, typer.Option("--config", "-c", help="Fichier de configuration TOML.")
]


def _settings(config: Path | None, **overrides: Any) -> Settings:
    given: dict[str, Any] = {k: v for k, v in overrides.items() if v is not None}
    return load_settings(config, **given)


def serve(
    config: ConfigOption = None,
    host: Annotated[str | None, typer.Option(help="Adresse d'écoute.")] = None,
    port: Annotated[int | None, typer.Option(help="Port d'écoute.")] = None,
    workers: Annotated[int, typer.Option(help="Nombre de processus serveurs.")] = 1,
) -> None:
    """Démarre le serveur palabre (API, widget)."""
    import uvicorn

    settings = _settings(config, host=host, port=port)
    if workers > 1:
        if config is not None:  # each worker loads its settings itself (palabre.web.asgi)
            os.environ["PALABRE_CONFIG"] = str(config.resolve())
        uvicorn.run(
            "palabre.web.asgi:build",
            factory=True,
            host=settings.host,
            port=settings.port,
            workers=workers,
            proxy_headers=True,
            access_log=settings.access_log,
            **_healthcheck_timeout(uvicorn),
        )
        return
    from palabre.web.app import create_app
    from palabre.web.asgi import warm

    app = warm(create_app(settings))
    typer.echo(f"palabre écoute sur http://{settings.host}:{settings.port}/")
    uvicorn.run(
        app,
        host=settings.host,
        port=settings.port,
        proxy_headers=True,
        access_log=settings.access_log,
    )


def _healthcheck_timeout(uvicorn: Any) -> dict[str, Any]:
    """uvicorn kills a worker that does not answer its supervisor's ping within 5 s; loading the
    moderation engine (lingua's models) holds the GIL longer than that on a busy machine."""
    params = inspect.signature(uvicorn.Config).parameters
    return {"timeout_worker_healthcheck": 120} if "timeout_worker_healthcheck" in params else {}


def demo(
    host: Annotated[str, typer.Option(help="Adresse d'écoute.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port d'écoute.")] = 8000,
    data_dir: Annotated[
        Path, typer.Option(help="Dossier des données de la démonstration (SQLite).")
    ] = Path(".palabre-demo"),
    serve_after: Annotated[
        bool, typer.Option("--serve/--no-serve", help="Servir après le chargement.")
    ] = True,
) -> None:
    """Charge les deux articles d'exemple et leurs commentaires (modérés), puis sert la démo."""
    import uvicorn

    from palabre.demo.site import build_demo

    public = f"http://{host}:{port}"
    built = build_demo(data_dir=str(data_dir), public_url=public, host=host, port=port)
    app, loaded = built.app, built.loaded
    for seed in loaded:
        if seed.decisions:
            summary = ", ".join(f"{k}: {v}" for k, v in seed.decisions.items())
            typer.echo(french(f"{seed.article.id} — décisions :") + f" {summary}")
    typer.echo(french("\nDémonstration palabre prête :"))
    typer.echo(french(f"  Index des articles : {public}/demo/"))
    for seed in loaded:
        typer.echo(french(f"  {seed.article.title} : {public}/demo/{seed.article.id}"))
    typer.echo(french(f"  API (OpenAPI) : {public}/api/docs"))
    typer.echo(french(f"  Courriels envoyés : {public}/demo/courriels"))
    email, password = _demo_moderator(app.state.palabre.db, data_dir)
    typer.echo(f"  Modération\u00a0: {public}/moderation/  ({email} / {password})")
    try:
        if serve_after:
            uvicorn.run(app, host=host, port=port, log_level="warning")
    finally:
        built.close()


def _demo_moderator(database: Any, data_dir: Path) -> tuple[str, str]:
    """The demo's admin account; its random password is kept in the data dir between runs."""
    import secrets
    from datetime import UTC, datetime

    from sqlalchemy import select

    from palabre.review.accounts import create_account
    from palabre.storage.models_review import Account

    email = "redaction@demo.palabre.invalid"
    saved = data_dir / "mot-de-passe-demo.txt"
    with database.session() as session:
        exists = session.scalar(select(Account.id).where(Account.email == email)) is not None
        if exists and saved.exists():
            return email, saved.read_text(encoding="utf-8").strip()
        password = secrets.token_urlsafe(9)
        if exists:
            from palabre.review.passwords import hash_password

            account = session.scalars(select(Account).where(Account.email == email)).one()
            account.password_hash = hash_password(password)
        else:
            create_account(session, email, password, "admin", [], datetime.now(UTC))
    saved.write_text(password + "\n", encoding="utf-8")
    saved.chmod(0o600)
    return email, password


def migrate(config: ConfigOption = None) -> None:
    """Applique les migrations de la base de données."""
    from palabre.cli._common import open_services
    from palabre.storage.migrate import current_revision

    database = open_services(config).db
    typer.echo(f"Base à jour (révision {current_revision(database.engine)}, {database.backend}).")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.command("demo")(demo)
    app.command("migrate")(migrate)
