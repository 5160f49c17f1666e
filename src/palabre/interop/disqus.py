"""Disqus XML export (`<disqus>` with `<thread>` and `<post>` elements).

Mapping: `<thread dsq:id>` → thread keyed by its normalised `<link>`; `<post dsq:id>` → comment,
`<parent dsq:id>` → reply, `<message>` (HTML) → Markdown subset, `<author><name>/<email>`,
`<createdAt>`. Status: `isDeleted` true → deleted (tombstone), `isSpam` true → rejected,
`isApproved` false (when present) → held, otherwise published."""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import Element

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
    truthy,
)
from palabre.status import CommentStatus


def read(path: Path, base_url: str | None = None) -> ImportBatch:
    doc = parse(path, "Disqus", "disqus")
    batch = ImportBatch(source="disqus")
    threads: dict[str, ImportedThread] = {}
    for element in children(doc.root, "thread"):
        place = _place(doc, element, "thread")
        ident = required(attr(element, "id"), place, "dsq:id")
        link = required(text(element, "link"), place, "link")
        threads[ident] = ImportedThread(
            external_id=ident,
            key=normalise_url(link, place, base_url),
            url=link,
            title=text(element, "title"),
        )
    used: set[str] = set()
    for element in children(doc.root, "post"):
        place = _place(doc, element, "post")
        comment = _comment(doc, element, place, threads)
        used.add(comment.thread_id)
        batch.comments.append(comment)
    batch.threads = [t for ident, t in threads.items() if ident in used]
    return batch


def _place(doc: XmlDocument, element: Element, name: str) -> str:
    ident = attr(element, "id")
    label = f'<{name} dsq:id="{ident}">' if ident else f"<{name}>"
    return f"{doc.path}, ligne {doc.line(element)}, {label}"


def _comment(
    doc: XmlDocument, element: Element, place: str, threads: dict[str, ImportedThread]
) -> ImportedComment:
    ident = required(attr(element, "id"), place, "dsq:id")
    thread_ref = child(element, "thread")
    thread_id = required(
        attr(thread_ref, "id") if thread_ref is not None else "", place, "thread dsq:id"
    )
    if thread_id not in threads:
        raise PalabreError(
            "import_valeur_invalide",
            params={"place": place, "field": "thread dsq:id", "value": thread_id[:60]},
        )
    parent_ref = child(element, "parent")
    parent = attr(parent_ref, "id") if parent_ref is not None else ""
    status = _status(element)
    message = text(element, "message")
    if status != CommentStatus.DELETED:
        required(message, place, "message")
    author = child(element, "author")
    return ImportedComment(
        external_id=ident,
        thread_id=thread_id,
        parent_id=parent or None,
        text=html_to_markdown(message) if status != CommentStatus.DELETED else "",
        created_at=parse_date(text(element, "createdAt"), place, "createdAt"),
        status=status,
        place=place,
        author_name=clean_name(text(author, "name") or text(author, "username"))
        if author is not None
        else None,
        author_email=clean_address(text(author, "email")) if author is not None else None,
    )


def _status(element: Element) -> CommentStatus:
    if truthy(text(element, "isDeleted")):
        return CommentStatus.DELETED
    if truthy(text(element, "isSpam")):
        return CommentStatus.REJECTED
    approved = text(element, "isApproved")
    if approved and not truthy(approved):
        return CommentStatus.HELD
    return CommentStatus.PUBLISHED
