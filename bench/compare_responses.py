"""Whether two versions of palabre answer the same bytes: status, headers and body of some 400
requests (thread pages in every order and size, cursors, cache hits, 304s, counts, Atom feeds,
errors, CORS, both locales, rate limits), each version on its own copy of one seeded SQLite
base, the app driven in-process (no Date header).

Usage: .venv/bin/python bench/compare_responses.py BASE_SRC [NEW_SRC]

BASE_SRC and NEW_SRC are `src` folders (NEW_SRC: this tree's); e.g. for main's code,
`git archive main | tar -x -C /tmp/base` then `/tmp/base/src`. Prints the number of requests
and every difference; exits 1 if there is one. The bodies of `201` answers to POST (a fresh
token, the time) are left out; their status and headers are compared."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

HERE = Path(__file__).resolve()
PUBLIC = "http://127.0.0.1:9"
OTHER_SITE_ORIGIN = "https://journal.example"
KEYS = ["fil-a", "/2026/é-ü/«fil»?x=1&y", "vide", "caché", "inconnu"]
EXTRAS = [
    "",
    "&order=oldest",
    "&order=newest",
    "&limit=2",
    "&limit=3&order=oldest",
    "&limit=500",
    "&limit=1",
    "&site=nope",
    "&site=default",
    "&limit=0",
    "&limit=501",
    "&limit=05",
    "&limit=x",
    "&order=bad",
    "&cursor=zzz",
    "&cursor=" + "a" * 201,
    "&limit=2&limit=3",
    "&unknown=1",
    "&site=" + "s" * 65,
]


def settings(data: Path) -> Any:
    from palabre.settings import load_settings

    return load_settings(
        environ={},
        database_url=f"sqlite:///{data / 'palabre.sqlite3'}",
        data_dir=str(data),
        secret_key="k" * 40,
        public_url=PUBLIC,
        allowed_origins=OTHER_SITE_ORIGIN,
        moderation_in_worker=True,
        rate_limit_posts_ip="3/minute",
        rate_limit_posts_author="2/minute",
        rate_limit_posts_thread="100/minute",
        rate_limit_reports_ip="2/minute",
    )


def seed(data: Path) -> None:
    """Threads with replies, edits, deleted, held and rejected comments, odd characters."""
    from sqlalchemy import select

    from palabre.services import build
    from palabre.storage.models import Comment, Site, Thread
    from palabre.web.app import prepare_default_site

    services = build(settings(data))
    prepare_default_site(services.db, services.settings, PUBLIC)
    start = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
    shapes = [("fil-a", 7, 30), ("/2026/é-ü/«fil»?x=1&y", 3, 5), ("vide", 0, 0), ("caché", 2, 0)]
    with services.db.session() as s:
        site = s.scalars(select(Site).where(Site.key == "default")).one()
        for t, (key, roots, replies) in enumerate(shapes):
            title = f'Titre « {key} » \u2028 "q"'
            thread = Thread(
                site_id=site.id, key=key, title=title, url="/x" if t else "", created_at=start
            )
            s.add(thread)
            s.flush()
            made: list[Comment] = []
            pick = random.Random(t)
            for i in range(roots + replies):
                parent = None if i < roots else pick.choice(made)
                if parent is None:
                    cycle = ["published", "held", "deleted", "published", "rejected"]
                    status = "held" if key == "caché" else (cycle + ["published"] * 2)[i % 7]
                elif i % 17 == 3:
                    status = "held"
                else:
                    status = (
                        "deleted" if i % 11 == 5 else "rejected" if i % 13 == 4 else "published"
                    )
                micro = (i * 12345) % 1_000_000 if i % 3 else 0
                when = start + timedelta(minutes=i, microseconds=micro)
                comment = Comment(
                    thread_id=thread.id,
                    parent_id=parent.id if parent else None,
                    root_id=parent.root_id if parent else None,
                    author_name=None if i % 5 == 4 else f'Lecteur {i} « é »\t"x" <b>',
                    text=f"Avis {i}",
                    html=f'<p>Avis {i} — «&amp;» \\ " \u2028 \x01 ok</p>',
                    status=status,
                    created_at=when,
                    edited_at=when + timedelta(seconds=30, microseconds=7) if i % 4 == 1 else None,
                    author_verified=i % 6 == 2,
                    edit_nonce=f"{i:016x}",
                )
                s.add(comment)
                s.flush()
                if parent is None:
                    comment.root_id = comment.id
                made.append(comment)


def dump(data: Path) -> list[dict[str, object]]:
    from fastapi.testclient import TestClient

    from palabre.web.app import create_app

    client = TestClient(create_app(settings(data)), raise_server_exceptions=False)
    out: list[dict[str, object]] = []

    def ask(method: str, path: str, headers: dict[str, str] | None = None, **kw: Any) -> Any:
        r = client.request(method, path, headers=headers or {}, **kw)
        body = r.content.decode("utf-8", "replace")
        if r.status_code == 201 and method == "POST":
            body = "(201: not compared)"
        out.append(
            {
                "request": f"{method} {path} {headers or ''}",
                "status": r.status_code,
                "headers": sorted(r.headers.multi_items()),
                "body": body,
            }
        )
        return r

    en, origin = {"Accept-Language": "en"}, {"Origin": PUBLIC}
    for key in KEYS:
        for extra in EXTRAS:
            path = f"/api/comments?thread={quote(key)}{extra}"
            for headers in (None, en, origin):
                ask("GET", path, headers)
            ask("GET", path)  # again: from the read cache
    for path in (
        "/api/comments",
        "/api/comments?thread=",
        "/api/comments?thread=fil-a&thread=vide",
    ):
        for headers in (None, en):
            ask("GET", path, headers)
    for key in KEYS[:2]:
        for order in ("newest", "oldest"):
            path = f"/api/comments?thread={quote(key)}&limit=2&order={order}"
            while True:
                r = ask("GET", path)
                cursor = r.json().get("next_cursor") if r.status_code == 200 else None
                if not cursor:
                    break
                path = f"/api/comments?thread={quote(key)}&limit=2&order={order}&cursor={cursor}"
    for path in ("/api/comments?thread=fil-a", "/api/counts?thread=fil-a&thread=vide"):
        etag = ask("GET", path).headers["etag"]
        for wanted in (etag, f"W/{etag}", f'"x", {etag}', '"nope"', "*"):
            ask("GET", path, {"If-None-Match": wanted})
            ask("GET", path, {"If-None-Match": wanted, "Accept-Language": "en"})
    counts = [
        "/api/counts?thread=fil-a",
        "/api/counts?thread=fil-a&thread=vide&thread=inconnu",
        f"/api/counts?thread={quote(KEYS[1])}&thread=caché",
        "/api/counts?thread=fil-a&site=nope",
        "/api/counts",
        "/api/counts?thread=" + "x" * 501,
    ]
    for path in counts:
        for headers in (None, en, origin, {"Origin": OTHER_SITE_ORIGIN}, {"Origin": "https://x"}):
            ask("GET", path, headers)
    for path in (
        "/feeds/thread.atom?thread=fil-a",
        f"/feeds/thread.atom?thread={quote(KEYS[1])}",
        "/feeds/thread.atom?thread=inconnu",
        "/feeds/thread.atom",
        "/feeds/site.atom",
        "/feeds/site.atom?site=nope",
        "/api/nope",
        "/api/health",
        "/api/config",
        "/api/openapi.json",
        "/api/comments%00?thread=a",
        "/api/comments?thread=a%00b",
        "/widget.js",
    ):
        for headers in (None, en):
            ask("GET", path, headers)
    ask("DELETE", "/api/counts")
    preflight = {"Origin": PUBLIC, "Access-Control-Request-Method": "POST"}
    ask("OPTIONS", "/api/comments", preflight)
    ask("OPTIONS", "/api/comments", {**preflight, "Origin": "https://x"})
    post = {"thread": "fil-a", "text": "Un avis tout à fait courtois sur cet article."}
    for headers in (None, en):
        ask("POST", "/api/comments", headers, json={**post, "text": ""})
        ask("POST", "/api/comments", headers, json={**post, "text": "a\u0000b"})
        ask("POST", "/api/comments", headers, content=b"\xff\xfe", timeout=5)
        ask("POST", "/api/comments", headers, content=b"{" + b" " * 70_000 + b"}")
    for i in range(5):  # 3 per minute per IP, 2 per author: 201, 201, 429 (author), 201, 429
        email = "meme@example.org" if i < 3 else f"autre{i}@example.org"
        ask("POST", "/api/comments", en if i % 2 else None, json={**post, "email": email})
    return out


def main() -> None:
    if len(sys.argv) >= 3 and sys.argv[1] in ("--seed", "--dump"):
        data = Path(sys.argv[2])
        if sys.argv[1] == "--seed":
            seed(data)
        else:
            json.dump(dump(data), sys.stdout, ensure_ascii=False)
        return
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    base = Path(sys.argv[1]).resolve()
    new = Path(sys.argv[2]).resolve() if len(sys.argv) == 3 else HERE.parents[1] / "src"
    with tempfile.TemporaryDirectory() as tmp:
        seeded = Path(tmp) / "seeded"
        seeded.mkdir()
        run(base, "--seed", seeded)
        answers = []
        for name, src in (("base", base), ("new", new)):
            data = Path(tmp) / name
            shutil.copytree(seeded, data)
            answers.append(json.loads(run(src, "--dump", data)))
    old, fresh = answers
    differences = 0
    for a, b in zip(old, fresh, strict=True):
        if a != b:
            differences += 1
            print("DIFF", a["request"])
            for field in ("status", "headers", "body"):
                if a[field] != b[field]:
                    print(
                        f"  {field}: {str(a[field])[:300]}\n  {' ' * len(field)}  {str(b[field])[:300]}"
                    )
    print(f"{len(old)} requests, {differences} differences ({base} / {new})")
    sys.exit(1 if differences else 0)


def run(src: Path, step: str, data: Path) -> str:
    env = {**os.environ, "PYTHONPATH": str(src)}
    done = subprocess.run(
        [sys.executable, str(HERE), step, str(data)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        sys.exit(f"{step} with {src} failed:\n{done.stderr[-3000:]}")
    return done.stdout


if __name__ == "__main__":
    main()
