"""Fast bulk loading of `dataset` rows into palabre (SQLite or PostgreSQL) and into Isso.

palabre: the schema comes from the real migrations (`palabre.storage.migrate.upgrade`); comments,
their decision rows and their audit rows are written with executemany (SQLite) or COPY
(PostgreSQL), in the formats SQLAlchemy itself uses, then the id sequences are moved past the
loaded ids and the tables analysed. Every comment gets the decision that gave it its status, as
the engine would have recorded it; a deleted one also gets the author's deletion in the audit.

Isso: the schema is created by Isso's own code (run with Isso's virtualenv), then filled with
sqlite3. Isso nests one level only, so a reply to a reply points at its top-level comment, as
Isso does itself; a held comment is in Isso's moderation queue (mode 2), a rejected one too
(Isso has no "rejected"), a deleted one is mode 4."""

from __future__ import annotations

import json
import secrets
import sqlite3
import subprocess
import time
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path

from dataset import Row, html_of
from sqlalchemy import text
from sqlalchemy.engine import make_url

from palabre.storage.db import Database
from palabre.storage.migrate import upgrade

SQLITE_STAMP = "%Y-%m-%d %H:%M:%S.%f"  # SQLAlchemy's SQLite DateTime storage format
ENGINE_VERSION = "bench-seed"
CHARTER_VERSION = "fr-default@seed"
DECISION_OF = {"published": "publish", "held": "hold", "rejected": "reject", "deleted": "publish"}
CLAUSES = {"held": ["2.1"], "rejected": ["3.2"]}

COMMENT_COLUMNS = (
    "id",
    "thread_id",
    "parent_id",
    "root_id",
    "author_name",
    "author_email",
    "author_key",
    "text",
    "html",
    "status",
    "created_at",
    "edited_at",
    "deleted_at",
    "report_count",
    "edit_nonce",
    "author_verified",
)
DECISION_COLUMNS = (
    "id",
    "comment_id",
    "decision",
    "reasons",
    "scores",
    "corrections",
    "language",
    "engine_version",
    "charter_version",
    "created_at",
)
ACTION_COLUMNS = (
    "comment_id",
    "actor",
    "action",
    "from_status",
    "to_status",
    "clauses",
    "note",
    "decision_id",
    "created_at",
)


def palabre_load(
    url: str,
    thread_keys: Sequence[str],
    rows: Iterable[Row],
    *,
    audit: bool = True,
    chunk: int = 50_000,
) -> dict[str, float]:
    """Migrate, create the default site and the threads, load the rows. Returns timings (s)."""
    started = time.perf_counter()
    db = Database(url)
    try:
        upgrade(db.engine)
        now = datetime.now(UTC)
        with db.engine.begin() as conn:
            site_id = _default_site(conn, now)
            conn.execute(
                text(
                    "INSERT INTO threads (id, site_id, key, title, url, created_at) "
                    "VALUES (:id, :site, :key, :title, :url, :created)"
                ),
                [
                    {
                        "id": i + 1,
                        "site": site_id,
                        "key": key,
                        "title": f"Article {i + 1}",
                        "url": key,
                        "created": now.replace(tzinfo=None),
                    }
                    for i, key in enumerate(thread_keys)
                ],
            )
        migrated = time.perf_counter()
        loader = _copy_postgres if db.backend == "postgresql" else _executemany_sqlite
        counts = loader(db, _batches(rows, chunk), audit)
        loaded = time.perf_counter()
        with db.engine.begin() as conn:
            if db.backend == "postgresql":
                for table in ("threads", "comments", "decisions", "moderation_actions"):
                    conn.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                            f"GREATEST((SELECT max(id) FROM {table}), 1))"
                        )
                    )
        # PostgreSQL: VACUUM too, as autovacuum would have by then (visibility map set, so
        # index-only scans are possible, as in production).
        analyze = "VACUUM ANALYZE" if db.backend == "postgresql" else "ANALYZE"
        with db.engine.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT").execute(text(analyze))
        return {
            "migrate_s": migrated - started,
            "load_s": loaded - migrated,
            "analyze_s": time.perf_counter() - loaded,
            **counts,
        }
    finally:
        db.dispose()


def _default_site(conn: object, now: datetime) -> int:
    from sqlalchemy import Connection

    assert isinstance(conn, Connection)
    found = conn.execute(text("SELECT id FROM sites WHERE key = 'default'")).scalar()
    if found is not None:
        return int(found)
    conn.execute(
        text(
            "INSERT INTO sites (key, name, origins, auto_create_threads, created_at) "
            "VALUES ('default', 'Site par défaut', :origins, :auto, :created)"
        ),
        {
            "origins": json.dumps(["http://127.0.0.1"]),
            "auto": True,
            "created": now.replace(tzinfo=None),
        },
    )
    return int(conn.execute(text("SELECT id FROM sites WHERE key = 'default'")).scalar_one())


def _batches(rows: Iterable[Row], size: int) -> Iterator[list[Row]]:
    batch: list[Row] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _records(batch: list[Row]) -> tuple[list[tuple[object, ...]], ...]:
    """(comments, decisions, actions) as tuples in the column orders above; naive UTC datetimes."""
    comments, decisions, actions = [], [], []
    for r in batch:
        created = r.created.replace(tzinfo=None)
        deleted = r.status == "deleted"
        author_key = None if deleted else f"{(r.id * 2654435761) % 99991:016x}"
        comments.append(
            (
                r.id,
                r.thread + 1,
                r.parent,
                r.root,
                r.author,
                None,
                author_key,
                r.text,
                html_of(r.text),
                r.status,
                created,
                None,
                created if deleted else None,
                0,
                secrets.token_hex(8),
                False,
            )
        )
        decision = DECISION_OF[r.status]
        clauses = CLAUSES.get(r.status, [])
        reasons = json.dumps([{"clause": c, "category": "bench", "score": 0.9} for c in clauses])
        decisions.append(
            (
                r.id,
                r.id,
                decision,
                reasons,
                "{}",
                "[]",
                "fr",
                ENGINE_VERSION,
                CHARTER_VERSION,
                created,
            )
        )
        first = "published" if deleted else r.status
        actions.append(
            (
                r.id,
                "système",
                f"auto_{decision}",
                "pending",
                first,
                json.dumps(clauses),
                "",
                r.id,
                created,
            )
        )
        if deleted:
            actions.append(
                (r.id, "auteur", "author_delete", "published", "deleted", "[]", "", None, created)
            )
    return comments, decisions, actions


def _executemany_sqlite(
    db: Database, batches: Iterator[list[Row]], audit: bool
) -> dict[str, float]:
    raw = db.engine.raw_connection()
    n = 0
    try:
        cursor = raw.cursor()
        cursor.execute("PRAGMA synchronous=OFF")
        for batch in batches:
            comments, decisions, actions = _records(batch)
            cursor.executemany(
                _insert_sql("comments", COMMENT_COLUMNS), [_sqlite_values(c) for c in comments]
            )
            if audit:
                cursor.executemany(
                    _insert_sql("decisions", DECISION_COLUMNS),
                    [_sqlite_values(d) for d in decisions],
                )
                cursor.executemany(
                    _insert_sql("moderation_actions", ACTION_COLUMNS),
                    [_sqlite_values(a) for a in actions],
                )
            raw.commit()
            n += len(batch)
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        raw.close()
    return {"comments": n}


def _insert_sql(table: str, columns: Sequence[str]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


def _sqlite_values(values: tuple[object, ...]) -> tuple[object, ...]:
    return tuple(v.strftime(SQLITE_STAMP) if isinstance(v, datetime) else v for v in values)


def _copy_postgres(db: Database, batches: Iterator[list[Row]], audit: bool) -> dict[str, float]:
    raw = db.engine.raw_connection()
    n = 0
    try:
        cursor = raw.cursor()
        for batch in batches:
            comments, decisions, actions = _records(batch)
            tables = [("comments", COMMENT_COLUMNS, comments)]
            if audit:
                tables += [
                    ("decisions", DECISION_COLUMNS, decisions),
                    ("moderation_actions", ACTION_COLUMNS, actions),
                ]
            for table, columns, records in tables:
                with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:  # type: ignore[attr-defined]
                    for record in records:
                        copy.write_row(record)
            raw.commit()
            n += len(batch)
    finally:
        raw.close()
    return {"comments": n}


def drop_postgres_database(admin_url: str, name: str) -> str:
    """A fresh database `name` next to `admin_url`'s; returns its SQLAlchemy URL."""
    import psycopg

    plain = admin_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return str(make_url(admin_url).set(database=name))


# -- Isso --------------------------------------------------------------------------------------

ISSO_MODE = {"published": 1, "held": 2, "rejected": 2, "deleted": 4}
ISSO_INIT = """
import sys
from isso import config
from isso.db import SQLite3
conf = config.load(config.default_file(), sys.argv[1])
SQLite3(sys.argv[2], conf)
"""


def isso_load(
    isso_python: Path, conf: Path, dbpath: Path, thread_keys: Sequence[str], rows: Iterable[Row]
) -> int:
    """Let Isso create its schema, then fill threads and comments. Returns the comment count."""
    dbpath.unlink(missing_ok=True)
    subprocess.run([str(isso_python), "-c", ISSO_INIT, str(conf), str(dbpath)], check=True)
    n = 0
    with sqlite3.connect(dbpath) as conn:
        conn.executemany(
            "INSERT INTO threads (id, uri, title) VALUES (?, ?, ?)",
            [(i + 1, key, f"Article {i + 1}") for i, key in enumerate(thread_keys)],
        )
        voters = bytes(256)  # Isso's empty Bloom filter of voters
        records = []
        for r in rows:
            parent = None if r.parent is None else r.root  # Isso nests one level
            text_ = r.text if r.status != "deleted" else ""
            records.append(
                (
                    r.thread + 1,
                    r.id,
                    parent,
                    r.created.timestamp(),
                    None,
                    ISSO_MODE[r.status],
                    "127.0.0.0",
                    text_,
                    r.author,
                    None,
                    None,
                    0,
                    0,
                    voters,
                    0,
                )
            )
            n += 1
        conn.executemany(
            "INSERT INTO comments (tid, id, parent, created, modified, mode, remote_addr, text, "
            "author, email, website, likes, dislikes, voters, notification) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            records,
        )
    return n
