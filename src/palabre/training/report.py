"""Plain-text tables of evaluation reports, in French."""

from __future__ import annotations

from collections.abc import Callable

from palabre.moderation.metrics import Binary
from palabre.moderation.model.heads import HEADS
from palabre.training.evaluate import MAIN_HEAD, Report

Echo = Callable[[str], None]


def _macro_over_heads(report: Report, source: str) -> float:
    results = list(report[source].values())
    return sum(r.macro_f1 for r in results) / len(results)


def print_comparison(
    new: Report,
    current: Report | None,
    new_version: str,
    current_version: str | None,
    echo: Echo = print,
) -> None:
    """Dev macro-F1 of the main head of each source, new model vs active model."""
    echo(f"\nJeu dev figé — macro-F1 de la tête principale ({new_version} vs {current_version}) :")
    echo(f"  {'source':<26}{'tête':<12}{'nouveau':>9}{'actif':>9}{'écart':>9}")
    for source, heads in new.items():
        head = MAIN_HEAD.get(source, "toxicite")
        if head not in heads:
            continue
        value = heads[head].macro_f1
        if current is not None and head in current.get(source, {}):
            old = current[source][head].macro_f1
            echo(f"  {source:<26}{head:<12}{value:>9.3f}{old:>9.3f}{value - old:>+9.3f}")
        else:
            echo(f"  {source:<26}{head:<12}{value:>9.3f}{'—':>9}{'—':>9}")


def _line(label: str, result: Binary) -> str:
    total = result.tp + result.fp + result.fn + result.tn
    return (
        f"  {label:<38}{result.precision:>7.3f}{result.recall:>7.3f}{result.f1:>7.3f}"
        f"{result.macro_f1:>9.3f}{result.support:>6}/{total}"
    )


def print_report(title: str, report: Report, echo: Echo = print) -> None:
    """Precision, recall, F1 and macro-F1 for each source and head."""
    echo(f"\n{title}")
    echo(f"  {'source / tête':<38}{'préc.':>7}{'rappel':>7}{'F1':>7}{'macro-F1':>9}{'pos./n':>10}")
    for source, heads in report.items():
        for head in HEADS:
            if head in heads:
                echo(_line(f"{source} / {head}", heads[head]))
        echo(
            f"  {source + ' : moyenne des macro-F1':<38}{_macro_over_heads(report, source):>30.3f}"
        )


def print_test(report: Report, echo: Echo = print) -> None:
    print_report("Jeu test (sources d'entraînement) et sources d'évaluation seule :", report, echo)
