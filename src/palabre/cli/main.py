"""Assembles the `palabre` command from one module per command group.

Each module listed in `COMMAND_MODULES` exposes `register(app: typer.Typer) -> None`."""

from __future__ import annotations

import importlib

import typer

COMMAND_MODULES: tuple[str, ...] = (
    "palabre.cli.server",
    "palabre.cli.settings_cmd",
    "palabre.cli.sites_cmd",
    "palabre.cli.ops",
    "palabre.cli.docs_cmd",
    "palabre.cli.check",
    "palabre.cli.moderate",
    "palabre.cli.evaluate",
    "palabre.cli.train",
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
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(app)


_register_all()
