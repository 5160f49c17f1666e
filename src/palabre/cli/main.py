"""Assembles the `palabre` command from one module per command group.

Each module listed in `COMMAND_MODULES` exposes `register(app: typer.Typer) -> None`."""

from __future__ import annotations

import importlib

import typer

from palabre.cli.i18n import install_french

COMMAND_MODULES: tuple[str, ...] = (
    "palabre.cli.server",
    "palabre.cli.settings_cmd",
    "palabre.cli.sites_cmd",
    "palabre.cli.users_cmd",
    "palabre.cli.ops",
    "palabre.cli.docs_cmd",
    "palabre.cli.check",
    "palabre.cli.moderate",
    "palabre.cli.evaluate",
    "palabre.cli.train",
    "palabre.cli.notify_cmd",
    "palabre.cli.import_cmd",
    "palabre.cli.export_cmd",
    "palabre.cli.transparency_cmd",
)

app = typer.Typer(
    name="palabre",
    help="palabre : commentaires auto-hébergés, modérés selon la charte du site.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)


def _register_all() -> None:
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(app)


install_french()
_register_all()
