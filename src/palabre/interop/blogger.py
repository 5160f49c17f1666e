"""Blogger export (Atom `<feed>`): both the current Takeout schema (`blogger:type`,
`blogger:status`, `blogger:parent`, `blogger:filename`) and the older one (kind given by
`<category scheme="…#kind">`, post given by `thr:in-reply-to`, parent comment by
`<link rel="related">`).

Mapping: a POST entry → thread keyed by its normalised `<link rel="alternate">` (else
`blogger:filename` on the blog's address); a COMMENT entry → comment of the post named by
`blogger:parent` or `thr:in-reply-to`, a reply when `thr:in-reply-to` (or the related link)
names another comment; `<content>` (HTML) → Markdown subset; `<author><name>` (Blogger's
`noreply@blogger.com` address is dropped); `<published>` → date. Status from `blogger:status`:
LIVE (or none) → published, PENDING/DRAFT → held, SPAM → rejected, DELETED → deleted."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin

from palabre.errors import PalabreError
from palabre.interop.model import ImportBatch, ImportedComment, ImportedThread
from palabre.interop.textconv import clean_address, clean_name, html_to_markdown
from palabre.interop.urls import normalise_url
from palabre.interop.xmlsource import (
    XmlDocument,
    attr,
    child,
    children,
    parse,
    parse_date,
    required,
    text,
)
from palabre.status import CommentStatus

STATUS: dict[str, CommentStatus] = {
    "LIVE": CommentStatus.PUBLISHED,
    "PENDING": CommentStatus.HELD,
    "DRAFT": CommentStatus.HELD,
    "SPAM": CommentStatus.REJECTED,
    "SPAM_COMMENT": CommentStatus.REJECTED,
    "DELETED": CommentStatus.DELETED,
}
_TAIL = re.compile(r"(\d+)\D*$")


def read(path: Path, base_url: str | None = None) -> ImportBatch:
    doc = parse(path, "Blogger", "feed")
    blog_url = base_url or _link(doc.root, "alternate")
    batch = ImportBatch(source="blogger", site_name=text(doc.root, "title"))
    posts: dict[str, ImportedThread] = {}
    entries: list[tuple[ET.Element, str]] = []
    for entry in children(doc.root, "entry"):
        kind = _kind(entry)
        place = f"{doc.path}, ligne {doc.line(entry)}, <entry> {text(entry, 'id') or '?'}"
        if kind == "post":
            thread = _post(entry, place, blog_url, base_url)
            posts[thread.external_id] = thread
        elif kind == "comment":
            entries.append((entry, place))
        else:
            batch.skip("entrée autre qu'un article ou un commentaire")
    comment_ids = {_short(text(e, "id")) for e, _ in entries}
    for entry, place in entries:
        batch.comments.append(_comment(doc, entry, place, posts, comment_ids))
    used = {c.thread_id for c in batch.comments}
    batch.threads = [t for key, t in posts.items() if key in used]
    return batch


def _short(ident: str) -> str:
    """`tag:blogger.com,1999:blog-1.post-42` and `…/comments/default/42` both name « 42 »."""
    match = _TAIL.search(ident)
    return match.group(1) if match else ident


def _link(element: ET.Element, rel: str) -> str:
    for link in children(element, "link"):
        if link.get("rel") == rel and link.get("href"):
            return str(link.get("href"))
    return ""


def _kind(entry: ET.Element) -> str:
    kind = text(entry, "type").lower()
    if kind:
        return kind
    for category in children(entry, "category"):
        if (category.get("scheme") or "").endswith("#kind"):
            return (category.get("term") or "").rsplit("#", 1)[-1]
    return ""


def _post(entry: ET.Element, place: str, blog_url: str, base_url: str | None) -> ImportedThread:
    ident = required(text(entry, "id"), place, "id")
    url = _link(entry, "alternate")
    filename = text(entry, "filename")
    if not url and filename and blog_url:
        url = urljoin(blog_url, filename)
    required(url, place, "link rel=alternate (ou blogger:filename)")
    return ImportedThread(
        external_id=_short(ident),
        key=normalise_url(url, place, base_url),
        url=url,
        title=text(entry, "title"),
    )


def _comment(
    doc: XmlDocument,
    entry: ET.Element,
    place: str,
    posts: dict[str, ImportedThread],
    comment_ids: set[str],
) -> ImportedComment:
    ident = required(text(entry, "id"), place, "id")
    refs = [text(entry, "parent")] + [attr(e, "ref") for e in children(entry, "in-reply-to")]
    refs += [_link(entry, "related")]
    refs = [_short(r) for r in refs if r]
    post = next((r for r in refs if r in posts), None)
    if post is None:
        raise PalabreError(
            "import_champ_manquant",
            params={"place": place, "field": "blogger:parent ou thr:in-reply-to (article connu)"},
        )
    parent = next((r for r in refs if r in comment_ids and r != _short(ident)), None)
    raw_status = text(entry, "status").upper() or "LIVE"
    if raw_status not in STATUS:
        raise PalabreError(
            "import_valeur_invalide",
            params={"place": place, "field": "blogger:status", "value": raw_status[:40]},
        )
    status = STATUS[raw_status]
    body = _content(entry)
    if status != CommentStatus.DELETED:
        required(body, place, "content")
    author = child(entry, "author")
    email = text(author, "email") if author is not None else ""
    return ImportedComment(
        external_id=_short(ident),
        thread_id=post,
        parent_id=parent,
        text=html_to_markdown(body) if status != CommentStatus.DELETED else "",
        created_at=parse_date(
            text(entry, "published") or text(entry, "created"), place, "published"
        ),
        status=status,
        place=place,
        author_name=clean_name(text(author, "name")) if author is not None else None,
        author_email=None if email.endswith("@blogger.com") else clean_address(email),
    )


def _content(entry: ET.Element) -> str:
    content = child(entry, "content")
    if content is None:
        return ""
    if len(content):  # type="xhtml": markup as child elements
        inner = "".join(ET.tostring(c, encoding="unicode") for c in content)
        return ((content.text or "") + inner).strip()
    return (content.text or "").strip()
