"""Helpers of the import/export tests: fixture files, an Isso database built with Isso's own
schema (Isso is not a dependency), the secret key."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from palabre.moderation.findings import Category, Span
from palabre.moderation.verdict import Action, Reason, Verdict

FIXTURES = Path(__file__).parent / "fixtures"
SECRET = "test-secret-key-not-for-production"

# Isso's schema (isso/db/__init__.py, threads.py, comments.py), written here: Isso is not a
# dependency of palabre.
ISSO_SCHEMA = """
CREATE TABLE preferences (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE threads (id INTEGER PRIMARY KEY, uri VARCHAR(256) UNIQUE, title VARCHAR(256));
CREATE TABLE comments (
    tid REFERENCES threads(id), id INTEGER PRIMARY KEY, parent INTEGER,
    created FLOAT NOT NULL, modified FLOAT, mode INTEGER, remote_addr VARCHAR,
    text VARCHAR, author VARCHAR, email VARCHAR, website VARCHAR,
    likes INTEGER DEFAULT 0, dislikes INTEGER DEFAULT 0, voters BLOB NOT NULL,
    notification INTEGER DEFAULT 0);
"""
ISSO_THREADS = [
    (1, "/2024/06/greve-sncf/", "Grève à la SNCF"),
    (2, "/2024/07/canicule/", None),
    (3, "/sans-commentaires/", "Vide"),
]
ISSO_COMMENTS = [
    # tid, id, parent, created, mode, text, author, email
    (
        1,
        1,
        None,
        1717236000.5,
        1,
        "**Enfin** un article clair.\n\n> Citation du texte\n\nMerci !",
        "Sophie",
        "sophie@example.fr",
    ),
    (
        1,
        2,
        1,
        1717239600.25,
        1,
        "Pas d'accord <script>alert('isso')</script>*du tout*.",
        "Karim",
        None,
    ),
    (1, 3, 2, 1717243200.0, 1, "Troisième niveau : [source](https://insee.fr) 🚆", None, None),
    (1, 4, 1, 1717246800.0, 4, "", None, None),
    (
        1,
        5,
        None,
        1717250400.0,
        2,
        "En attente de modération\x07 (caractère de contrôle)",
        "Nouveau",
        "nouveau@example.fr",
    ),
    (2, 6, None, 1719800000.0, 1, "Buvez de l'eau, `surtout` les enfants.", "Anne", None),
]


def make_isso(path: Path, comments: list[tuple[object, ...]] | None = None) -> Path:
    connection = sqlite3.connect(path)
    connection.executescript(ISSO_SCHEMA)
    connection.executemany("INSERT INTO threads VALUES (?, ?, ?)", ISSO_THREADS)
    connection.executemany(
        "INSERT INTO comments (tid, id, parent, created, mode, text, author, email, voters) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, x'00')",
        comments if comments is not None else ISSO_COMMENTS,
    )
    connection.commit()
    connection.close()
    return path


Counter = Callable[[], dict[str, int]]


class StubModerator:
    """A charter with one clause: « idiot » is an insult (held), « casino » is spam (rejected)."""

    def check(self, text: str, context: object = None) -> Verdict:
        reasons: list[Reason] = []
        rules: tuple[tuple[str, Category, Action], ...] = (
            ("idiot", "insulte", "hold"),
            ("casino", "spam", "reject"),
        )
        for word, category, action in rules:
            start = text.lower().find(word)
            if start >= 0:
                reasons.append(
                    Reason(
                        clause=f"clause-{category}",
                        clause_text=f"Pas de {category}",
                        category=category,
                        action=action,
                        score=0.9,
                        spans=(Span(start, start + len(word), text[start : start + 5]),),
                        explanation=f"mot « {word} »",
                    )
                )
        decision: Action = (
            "reject"
            if any(r.action == "reject" for r in reasons)
            else ("hold" if reasons else "publish")
        )
        return Verdict(
            decision,
            tuple(reasons),
            {},
            "fr",
            engine_version="stub/1",
            charter_version="test-1",
        )
