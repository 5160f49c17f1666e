"""Assembles the `palabre` command from one module per command group.

Each module listed in `COMMAND_MODULES` exposes `register(app: typer.Typer) -> None`."""

from __future__ import annotations

import atexit
import importlib
import os
import sys
from typing import Any

from typer.models import CommandInfo, TyperInfo

from palabre.cli.i18n import FrenchTyper, install_french

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

# A command named here loads only its own module when the CLI runs it (`palabre check` then
# needs neither the web stack nor the database: docs/cli.md); any other command, `--help`, or
# an unknown word loads them all. tests/cli/test_lazy_cli.py keeps the table true.
FAST_PATHS: dict[str, str] = {
    "check": "palabre.cli.check",
    "moderate": "palabre.cli.moderate",
    "serve": "palabre.cli.server",
    "migrate": "palabre.cli.server",
    "worker": "palabre.cli.notify_cmd",
}


def _no_options() -> None:
    pass


class LazyTyper(FrenchTyper):
    """A Typer whose commands are registered on first use: all of them when anything reads
    them (tests, `--help`, the docs), only the one asked for when the CLI runs a fast path."""

    def __init__(self, modules: tuple[str, ...], **kwargs: Any) -> None:
        self._modules = modules
        self._state = "new"  # then "loading", then "loaded"
        super().__init__(**kwargs)
        # a group even when one command is loaded (else Typer runs that command as the app)
        self.callback()(_no_options)

    @property
    def registered_commands(self) -> list[CommandInfo]:
        self.load()
        return self._commands

    @registered_commands.setter
    def registered_commands(self, value: list[CommandInfo]) -> None:
        self._commands = value

    @property
    def registered_groups(self) -> list[TyperInfo]:
        self.load()
        return self._groups

    @registered_groups.setter
    def registered_groups(self, value: list[TyperInfo]) -> None:
        self._groups = value

    def load(self, only: str | None = None) -> None:
        """Register the commands of `only` (a module), or of every module; once."""
        if self._state != "new":
            return
        self._state = "loading"
        try:
            for name in (only,) if only else self._modules:
                importlib.import_module(name).register(self)
        finally:
            self._state = "loaded"

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        first = sys.argv[1] if len(sys.argv) > 1 else ""
        if first in FAST_PATHS:
            self.load(FAST_PATHS[first])
        return super().__call__(*args, **kwargs)


# One-shot commands whose process ends as soon as their output is written (`main`).
QUICK_EXIT: frozenset[str] = frozenset({"check"})


def main() -> None:
    """The `palabre` command (`[project.scripts]`, `python -m palabre`). After a one-shot
    command (`QUICK_EXIT`) the process ends without tearing down what the moderation engine
    loaded: freeing its dictionaries, models and caches object by object costs about 0.25 s
    of CPU for nothing (docs/benchmarks.md). What a normal exit does first still happens: the
    `atexit` functions run, then the output is flushed."""
    first = sys.argv[1] if len(sys.argv) > 1 else ""
    if first not in QUICK_EXIT:
        app()
        return
    status = 0
    try:
        app()
    except SystemExit as exc:
        if isinstance(exc.code, int):
            status = exc.code
        elif exc.code is not None:
            print(exc.code, file=sys.stderr)
            status = 1
    atexit._run_exitfuncs()  # what a normal exit runs first
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


app = LazyTyper(
    COMMAND_MODULES,
    name="palabre",
    help="palabre : commentaires auto-hébergés, modérés selon la charte du site.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)


install_french()
