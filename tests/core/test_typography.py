"""French typography of every reader- and moderator-facing string of the fr locale (issue 18,
item 12): API errors, API messages, report reasons, the dashboard's words and templates, the
public pages, the e-mail templates and the e-mails of the legal duties, every CLI help page and
message, Markdown lists; and (in Chromium, tests/browser) the widget's strings. Rules: elision
(« de insulte » is wrong), one apostrophe (’), a no-break space before « : » and a narrow one
before « ; ! ? », no-break spaces inside « ». Engine explanations (built in
src/palabre/moderation/detectors/) are the engine's and are not scanned here."""

from __future__ import annotations

import ast
import html
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from palabre.comments.reports import REPORT_REASONS
from palabre.comments.text import render
from palabre.errors import ERRORS, PalabreError
from palabre.legal import mail as legal_mail
from palabre.legal import statements
from palabre.legal.statements import StatementView
from palabre.notifications.mail import Email
from palabre.typography import french
from palabre.web.api.serialize import MESSAGES
from palabre.web.api.subscriptions import CHECK_INBOX
from palabre.web.dashboard.core import QUEUE_TITLES
from palabre.web.dashboard.i18n import ACTION_LABELS, EN, STATUS_LABELS, Translator

# an article or preposition that must elide before a vowel (h left alone: h aspiré)
ELISION = re.compile(
    r"\b(de|le|la|je|me|te|se|ne|que|jusque|lorsque|puisque) (?=[aeiouéèêâîôûAEIOUÉ])",
    re.IGNORECASE,
)
# « la une », « le onze »… would be exceptions; none occurs in these strings
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def typography_faults(text: str) -> list[str]:
    """What breaks French typography in `text` (placeholders ignored)."""
    plain = PLACEHOLDER.sub("X", text)
    faults = []
    if ELISION.search(plain):
        faults.append(f"élision manquante : {ELISION.search(plain)!r}")
    if "'" in plain:
        faults.append("apostrophe droite (') au lieu de ’")
    for mark in ":":
        if re.search(rf"(?<!\u00a0)\s?{re.escape(mark)}(?=\s|$)", plain) and not re.search(
            rf"\u00a0{re.escape(mark)}(?=\s|$)", plain
        ):
            faults.append(f"pas d'espace insécable avant « {mark} »")
    if re.search(r"[ ](?=[;!?](\s|$))", plain) or re.search(r"\w[;!?](\s|$)", plain):
        faults.append("pas d'espace fine insécable avant ; ! ?")
    if re.search(r"«(?!\u00a0)", plain) or re.search(r"(?<!\u00a0)»", plain):
        faults.append("pas d'espace insécable à l'intérieur des guillemets")
    return faults


def _catalogue() -> list[tuple[str, str]]:
    out = [
        (f"erreur {code}", str(PalabreError(code).envelope("fr")["error"]["message"]))  # type: ignore[index]
        for code in ERRORS
    ]
    out += [(f"message {k}", french(v)) for k, v in MESSAGES["fr"].items()]
    out += [(f"motif {r.id}", french(r.label("fr"))) for r in REPORT_REASONS]
    out += [("abonnement", CHECK_INBOX["fr"])]
    return out


def test_the_checker_catches_each_fault() -> None:
    assert typography_faults("la probabilité de insulte")
    assert typography_faults("L'envoi")
    assert typography_faults("Champ « x » invalide : oui")
    assert typography_faults("Vraiment ?")
    assert not typography_faults(french("Champ « x » invalide : vraiment ? L'envoi d'un mot."))


@pytest.mark.parametrize(("where", "text"), _catalogue())
def test_reader_strings_follow_french_typography(where: str, text: str) -> None:
    assert typography_faults(text) == [], (where, text)


# -- what moderators and readers read beyond the API: templates, e-mails, the CLI ---------------

SRC = Path(__file__).resolve().parents[2] / "src" / "palabre"
TEMPLATES = sorted(
    [
        *SRC.glob("web/dashboard/templates/*.html"),
        *SRC.glob("web/templates/*.html"),
        *SRC.glob("notifications/templates/mail/*.fr.*"),
        *SRC.glob("notifications/templates/mail/_*.html"),
        *SRC.glob("notifications/templates/pages/*.html"),
    ],
    key=lambda p: p.name,
)
_T_CALL = re.compile(r"""\bt\(\s*(["'])(.*?)\1\s*\)""")
_FR_BRANCH = re.compile(r"""\bif en else (["'])(.*?)\1""")
_EN_BRANCH = re.compile(r"\{%-?\s*if en\s*-?%\}.*?\{%-?\s*else\s*-?%\}", re.S)
_EXPRESSION = re.compile(r"\{\{.*?\}\}", re.S)
_STATEMENT = re.compile(r"\{%.*?%\}|\{#.*?#\}", re.S)
_TAG = re.compile(r"<(style|script)\b.*?</\1>|<[^>]+>", re.S)


def template_texts(source: str) -> list[str]:
    """The French a template shows: its text between tags and Jinja blocks (an expression
    counts as a word, X), the French side of `{% if en %}…{% else %}…` and of `"…" if en else
    "…"`, and the strings it passes to the dashboard's translator (as the translator gives
    them)."""
    translate = Translator("fr")
    texts = [translate(m[2]) for m in _T_CALL.finditer(source)]
    texts += [m[2] for m in _FR_BRANCH.finditer(source)]
    body = _TAG.sub(
        "\x00", _STATEMENT.sub("\x00", _EXPRESSION.sub("X", _EN_BRANCH.sub("\x00", source)))
    )
    for chunk in body.split("\x00"):
        chunk = html.unescape(chunk).strip(" \t\n")
        if re.search(r"[A-Za-zÀ-ÿ:;!?«»']", chunk.replace("X", "")):
            texts.append(chunk)
    return texts


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.name)
def test_templates_follow_french_typography(template: Path) -> None:
    faults = {
        text: typography_faults(text)
        for text in template_texts(template.read_text(encoding="utf-8"))
        if typography_faults(text)
    }
    assert faults == {}, template.name


def test_dashboard_words_follow_french_typography() -> None:
    translate = Translator("fr")
    texts = [translate(source) for source in EN] + [translate(t) for t in QUEUE_TITLES.values()]
    texts += [translate.action(code) for code in ACTION_LABELS]
    texts += [translate.status(code) for code in STATUS_LABELS]
    assert {t: typography_faults(t) for t in texts if typography_faults(t)} == {}


def _legal_emails() -> list[Email]:
    until = datetime(2026, 6, 1, tzinfo=UTC)
    view = StatementView(
        1,
        7,
        "reject",
        french(statements.HEADLINES["reject"][0]),
        french(statements.FACTS["auto_reject"][0]),
        True,
        french(statements.AUTOMATION[True][0]),
        [{"clause": "insultes", "text": "Aucune insulte", "words": ["ordure"]}],
        french(statements.redress_text(until, "fr")),
        until,
        until,
        None,
    )
    return [
        legal_mail.notice_received("a@b.fr", 1, "https://journal.example/a#c", "Menace"),
        legal_mail.notice_decided("a@b.fr", 1, "https://journal.example/a#c", True),
        legal_mail.notice_decided("a@b.fr", 1, "https://journal.example/a#c", False),
        legal_mail.appeal_decided("a@b.fr", 7, True, "https://palabre.test/motifs/7"),
        legal_mail.appeal_decided("a@b.fr", 7, False, "https://palabre.test/motifs/7"),
        legal_mail.statement_sent("a@b.fr", view, "https://palabre.test/motifs/7?jeton=x"),
    ]


@pytest.mark.parametrize("email", _legal_emails(), ids=lambda e: e.subject[:30])
def test_legal_e_mails_follow_french_typography(email: Email) -> None:
    texts = [email.subject, *email.text.split("\n")]
    assert {t: typography_faults(t) for t in texts if typography_faults(t)} == {}


def test_statements_follow_french_typography() -> None:
    texts = [
        v[0]
        for v in (
            *statements.HEADLINES.values(),
            *statements.FACTS.values(),
            *statements.AUTOMATION.values(),
            statements.PRE_FACTS,
            statements.HUMAN_FACTS,
        )
    ]
    texts.append(statements.redress_text(datetime(2026, 6, 1, tzinfo=UTC), "fr"))
    faults = {t: typography_faults(french(t)) for t in texts if typography_faults(french(t))}
    assert faults == {}


# -- the CLI: every help page as printed, and every message the commands print ------------------


def _help_texts() -> list[tuple[str, str]]:
    """Every help text of the command tree (commands, options, arguments) and the toolkit's
    own strings, as `palabre.cli.i18n` has Typer print them (through `french()`)."""
    import typer

    from palabre.cli.i18n import FRENCH, _translate
    from palabre.cli.main import app

    found = [(f"toolkit {english!r}", _translate(english)) for english in FRENCH]

    def walk(command: Any, path: str) -> None:
        for text in (command.help, getattr(command, "short_help", None), command.epilog):
            if text:
                found.append((path, french(text)))
        for param in command.params:
            if getattr(param, "help", None):
                found.append((f"{path} {param.name}", french(param.help)))
        for name, sub in sorted((getattr(command, "commands", None) or {}).items()):
            walk(sub, f"{path} {name}")

    walk(typer.main.get_command(app), "palabre")
    return found


def test_every_cli_help_text_follows_french_typography() -> None:
    from typer.testing import CliRunner

    from palabre.cli.main import app

    texts = _help_texts()
    assert len(texts) > 150
    assert {w: t for w, t in texts if typography_faults(t)} == {}
    printed = CliRunner().invoke(app, ["--help"], env={"COLUMNS": "100"}).output
    assert "palabre\u00a0: commentaires auto-hébergés" in printed  # as printed, too


_SAY = {"typer.echo", "typer.secho", "console.print", "err_console.print"}
_FRENCHED = {"fail", "french"}


def _literal(node: ast.expr) -> str | None:
    """The text of a string literal or f-string, its expressions as {x}."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(str(v.value) if isinstance(v, ast.Constant) else "{x}" for v in node.values)
    if isinstance(node, ast.BinOp):
        return (_literal(node.left) or "{x}") + (_literal(node.right) or "{x}")
    return None


def _cli_messages() -> list[tuple[str, str]]:
    """Each message a command prints, as the person will read it: a literal printed as is, or
    a literal passed through `french()` (directly or by `fail()`)."""
    found: list[tuple[str, str]] = []
    for module in sorted((SRC / "cli").glob("*.py")):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = ast.unparse(node.func)
            arg = node.args[0]
            if name in _SAY and isinstance(arg, ast.Call) and ast.unparse(arg.func) == "french":
                continue  # checked below, as the call to french()
            text = _literal(arg)
            if text is None or not re.search(r"[a-zà-ÿ]{2}", text):
                continue
            if name in _FRENCHED:
                found.append((f"{module.name}:{node.lineno}", french(text)))
            elif name in _SAY:
                found.append((f"{module.name}:{node.lineno}", text))
    return found


def test_every_cli_message_follows_french_typography() -> None:
    messages = _cli_messages()
    assert len(messages) > 50  # the scan sees the commands' messages
    assert {w: t for w, t in messages if typography_faults(t)} == {}


def test_markdown_lists_do_not_swallow_the_paragraph_after_them() -> None:
    html_out = render("Mes raisons :\n- la première\n- la seconde\nEt ma conclusion.")
    assert html_out.endswith("</ul>\n<p>Et ma conclusion.</p>")
    kept = render("1. une\n   suite de l’élément\n2. deux\n\n```\n- a\nb\n```")
    assert "<li>une<br>\nsuite de l’élément</li>" in kept and "<pre><code>- a\nb\n" in kept


def test_import_and_remoderation_reports_follow_french_typography() -> None:
    """The summaries `palabre import` and `palabre remoderate` print (built outside the CLI
    modules, so not seen by the scan above)."""
    from collections import Counter

    from palabre.interop.remoderate import Example, RemoderationReport
    from palabre.interop.report import ImportReport

    reports = [
        ImportReport(
            "disqus",
            "journal",
            dry_run,
            site_created=True,
            orphans=1,
            statuses=Counter({"published": 2}),
            skipped={"pingback": 1},
        )
        for dry_run in (True, False)
    ]
    lines = [line for report in reports for line in report.lines()]
    for applied in (True, False):
        lines += RemoderationReport(
            applied,
            3,
            Counter({"hold": 1}),
            Counter({"published → held": 1}),
            Counter({"spam": 1}),
            Counter({"spam": 1}),
            {"spam": "Pas de spam"},
            {"spam": [Example(4, "Allez au casino", ("casino",))]},
        ).lines()
    assert {line: typography_faults(line) for line in lines if typography_faults(line)} == {}
