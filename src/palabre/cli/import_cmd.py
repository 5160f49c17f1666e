"""`palabre import {disqus|wordpress|isso|blogger|palabre} FILE`: bring existing comments in."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from palabre.cli._common import EXIT_FAILURE, err_console, fail, load_config, open_services
from palabre.cli.i18n import FrenchTyper
from palabre.errors import PalabreError
from palabre.interop import blogger, disqus, isso, palabre_format, wordpress
from palabre.interop.model import ImportBatch
from palabre.interop.writer import import_batch

Reader = Callable[[Path, str | None], ImportBatch]
READERS: dict[str, tuple[Reader, str]] = {
    "disqus": (disqus.read, "Importe un export XML de Disqus."),
    "wordpress": (wordpress.read, "Importe un export WordPress (WXR, .xml)."),
    "isso": (isso.read, "Importe une base Isso (fichier SQLite, lu sans Isso)."),
    "blogger": (blogger.read, "Importe un export Blogger (flux Atom, .xml)."),
    "palabre": (palabre_format.read, "Réimporte un export palabre (JSON, palabre export)."),
}

import_app = FrenchTyper(
    help="Importer des commentaires existants (Disqus, WordPress, Isso, Blogger, palabre). "
    "Les statuts d'origine sont conservés, sans nouvelle modération (voir palabre remoderate).",
    no_args_is_help=True,
)
FileArg = Annotated[Path, typer.Argument(help="Fichier à importer.")]
SiteOption = Annotated[
    str | None,
    typer.Option(
        "--site",
        "-s",
        help="Site de destination (créé s'il n'existe pas ; par défaut « default », "
        "ou celui de l'export palabre).",
    ),
]
DryRunOption = Annotated[
    bool,
    typer.Option("--dry-run", help="Simulation : affiche ce qui serait importé, sans rien écrire."),
]
BaseUrlOption = Annotated[
    str | None,
    typer.Option(
        "--base-url",
        help="Origine des articles (ex. https://journal.example) : remplace celle des "
        "adresses du fichier ; indispensable pour Isso, dont les adresses sont relatives.",
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Rapport en JSON sur la sortie.")]
ConfigOption = Annotated[
    Path | None, typer.Option("--config", "-c", help="Fichier de configuration TOML.")
]


def run_import(
    source: str,
    path: Path,
    site: str | None,
    dry_run: bool,
    base_url: str | None,
    as_json: bool,
    config: Path | None,
) -> None:
    load_config(config, EXIT_FAILURE)  # a bad configuration is told before the file is read
    try:
        batch = READERS[source][0](path, base_url)
    except PalabreError as exc:
        raise fail(exc, EXIT_FAILURE) from exc
    services = open_services(config, EXIT_FAILURE)
    settings, database = services.settings, services.db
    try:
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err_console,
            transient=True,
        ) as progress:
            task = progress.add_task(
                "Simulation" if dry_run else "Import", total=len(batch.comments)
            )
            report = import_batch(
                database,
                batch,
                site or batch.site_key or "default",
                secret=settings.resolved_secret_key,
                dry_run=dry_run,
                progress=lambda done: progress.update(task, completed=done),
            )
    except PalabreError as exc:
        raise fail(exc, EXIT_FAILURE) from exc
    finally:
        database.dispose()
    if as_json:
        typer.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        typer.echo("\n".join(report.lines()))


def _command(source: str) -> Callable[..., None]:
    def command(
        path: FileArg,
        site: SiteOption = None,
        dry_run: DryRunOption = False,
        base_url: BaseUrlOption = None,
        as_json: JsonOption = False,
        config: ConfigOption = None,
    ) -> None:
        run_import(source, path, site, dry_run, base_url, as_json, config)

    command.__doc__ = READERS[source][1]
    return command


for _source, (_reader, _help) in READERS.items():
    import_app.command(_source, help=_help)(_command(_source))


def register(app: typer.Typer) -> None:
    app.add_typer(import_app, name="import")


__all__ = ["register"]
