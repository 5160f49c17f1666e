"""Backups: SQLite through its online backup API (safe while the server runs), PostgreSQL
through pg_dump / pg_restore in custom format."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy.engine import make_url


class BackupError(RuntimeError):
    """A French message for the command line."""


def backup(database_url: str, target: Path) -> Path:
    url = make_url(database_url)
    target.parent.mkdir(parents=True, exist_ok=True)
    if url.get_backend_name() == "sqlite":
        source = _sqlite_path(database_url)
        with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
            src.backup(dst)
        return target
    if url.get_backend_name() == "postgresql":
        _run(["pg_dump", "--format=custom", "--no-owner", f"--file={target}", _libpq(url)])
        return target
    raise BackupError(f"Sauvegarde non prise en charge pour « {url.get_backend_name()} ».")


def restore(database_url: str, source: Path) -> None:
    """Replace the database's content with the backup's. Stop the server first."""
    if not source.is_file():
        raise BackupError(f"Fichier de sauvegarde introuvable : {source}")
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        try:
            with sqlite3.connect(source) as check:
                check.execute("PRAGMA integrity_check").fetchone()
        except sqlite3.DatabaseError as exc:
            raise BackupError(f"Ce fichier n'est pas une sauvegarde SQLite valide : {exc}") from exc
        target = _sqlite_path(database_url)
        with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
            src.backup(dst)
        return
    if url.get_backend_name() == "postgresql":
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                f"--dbname={_libpq(url)}",
                str(source),
            ]
        )
        return
    raise BackupError(f"Restauration non prise en charge pour « {url.get_backend_name()} ».")


def _sqlite_path(database_url: str) -> str:
    path = make_url(database_url).database
    if not path or path == ":memory:":
        raise BackupError("La base SQLite en mémoire ne peut pas être sauvegardée.")
    return path


def _libpq(url: object) -> str:
    from sqlalchemy.engine import URL

    assert isinstance(url, URL)
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def _run(command: list[str]) -> None:
    if shutil.which(command[0]) is None:
        raise BackupError(f"« {command[0]} » est introuvable : installez postgresql-client.")
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BackupError(f"{command[0]} a échoué : {done.stderr.strip()[:500]}")
