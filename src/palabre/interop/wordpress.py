"""WordPress eXtended RSS (WXR): `<rss><channel><item>` with `<wp:comment>` children.

Mapping: `<item>` (any `wp:post_type`) → thread keyed by its normalised `<link>`, titled by
`<title>`; `<wp:comment>` → comment, `wp:comment_parent` (0 = none) → reply,
`wp:comment_content` (HTML) → Markdown subset, `wp:comment_author(_email)`,
`wp:comment_date_gmt` (else `wp:comment_date`, taken as UTC). Status from `wp:comment_approved`:
`1` → published, `0` → held, `spam` → rejected, `trash`/`post-trashed` → deleted (tombstone).
Pingbacks and trackbacks are not comments: skipped and counted."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree.ElementTree import Element

from palabre.errors import PalabreError
from palabre.interop.model import ImportBatch, ImportedComment, ImportedThread
from palabre.interop.textconv import clean_address, clean_name, html_to_markdown
from palabre.interop.urls import normalise_url
from palabre.interop.xmlsource import (
    XmlDocument,
    child,
    children,
    parse,
    parse_date,
    required,
    text,
)
from palabre.status import CommentStatus

STATUS: dict[str, CommentStatus] = {
    "1": CommentStatus.PUBLISHED,
    "approve": CommentStatus.PUBLISHED,
    "0": CommentStatus.HELD,
    "hold": CommentStatus.HELD,
    "spam": CommentStatus.REJECTED,
    "trash": CommentStatus.DELETED,
    "post-trashed": CommentStatus.DELETED,
}
NO_DATE = "0000-00-00 00:00:00"


def read(path: Path, base_url: str | None = None) -> ImportBatch:
    doc = parse(path, "WordPress (WXR)", "rss")
    channel = child(doc.root, "channel")
    if channel is None or child(channel, "wxr_version") is None:
        raise PalabreError(
            "import_format_inattendu",
            params={
                "path": doc.path,
                "format": "WordPress (WXR)",
                "detail": "flux RSS sans <wp:wxr_version> : ce n'est pas un export WordPress",
            },
        )
    batch = ImportBatch(source="wordpress", site_name=text(channel, "title"))
    for item in children(channel, "item"):
        comments = children(item, "comment")
        if not comments:
            continue
        post_id = text(item, "post_id")
        place = f"{doc.path}, ligne {doc.line(item)}, <item> wp:post_id={post_id or '?'}"
        required(post_id, place, "wp:post_id")
        link = required(text(item, "link"), place, "link")
        batch.threads.append(
            ImportedThread(
                external_id=post_id,
                key=normalise_url(link, place, base_url),
                url=link,
                title=text(item, "title"),
            )
        )
        for element in comments:
            if text(element, "comment_type") in {"pingback", "trackback"}:
                batch.skip("pingback ou trackback")
                continue
            batch.comments.append(_comment(doc, element, post_id))
    return batch


def _comment(doc: XmlDocument, element: Element, post_id: str) -> ImportedComment:
    ident = text(element, "comment_id")
    place = (
        f"{doc.path}, ligne {doc.line(element)}, <wp:comment> wp:comment_id={ident or '?'}"
        f" (article wp:post_id={post_id})"
    )
    required(ident, place, "wp:comment_id")
    approved = text(element, "comment_approved") or "1"
    if approved not in STATUS:
        raise PalabreError(
            "import_valeur_invalide",
            params={"place": place, "field": "wp:comment_approved", "value": approved[:40]},
        )
    status = STATUS[approved]
    content = text(element, "comment_content")
    if status != CommentStatus.DELETED:
        required(content, place, "wp:comment_content")
    date = text(element, "comment_date_gmt")
    field = "wp:comment_date_gmt"
    if not date or date == NO_DATE:
        date, field = text(element, "comment_date"), "wp:comment_date"
    parent = text(element, "comment_parent")
    return ImportedComment(
        external_id=ident,
        thread_id=post_id,
        parent_id=parent if parent not in {"", "0"} else None,
        text=html_to_markdown(_autop(content)) if status != CommentStatus.DELETED else "",
        created_at=parse_date(date, place, field),
        status=status,
        place=place,
        author_name=clean_name(text(element, "comment_author")),
        author_email=clean_address(text(element, "comment_author_email")),
    )


def _autop(content: str) -> str:
    """WordPress stores comments with bare line breaks and adds <p>/<br> when displaying."""
    if "<p" in content.lower():
        return content
    paragraphs = re.split(r"\n\s*\n", content.replace("\r\n", "\n").strip())
    return "".join(f"<p>{p.strip().replace(chr(10), '<br>')}</p>" for p in paragraphs)
