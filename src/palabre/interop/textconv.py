"""Untrusted text from another platform → palabre's Markdown subset, and author fields.

HTML is never trusted: it is parsed (never rendered) and only paragraphs, line breaks, emphasis,
strike-through, inline code, quotes, lists and http(s)/mailto links are turned into Markdown.
Everything else is reduced to its text; scripts, styles, frames and embedded objects are dropped
with their content. The result is stored as Markdown and rendered through `comments.text.render`
(nh3-sanitised), like a comment typed in the widget."""

from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser
from urllib.parse import quote, urlsplit

from palabre.comments.text import clean_email
from palabre.errors import PalabreError

DROPPED = frozenset(
    {
        "script",
        "style",
        "iframe",
        "object",
        "embed",
        "svg",
        "math",
        "noscript",
        "template",
        "head",
        "title",
        "form",
        "select",
        "textarea",
        "button",
        "audio",
        "video",
        "canvas",
    }
)
BLOCKS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "header",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "pre",
        "table",
        "tr",
        "ul",
        "ol",
        "dl",
        "dd",
        "dt",
        "figure",
        "hr",
    }
)
EMPHASIS = {
    "b": "**",
    "strong": "**",
    "i": "*",
    "em": "*",
    "s": "~~",
    "strike": "~~",
    "del": "~~",
    "code": "`",
}
LINK_SCHEMES = frozenset({"http", "https", "mailto"})
EMPTY_TEXT = "(commentaire sans texte)"

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_SPACES = re.compile(r"[ \t\r\n\f]+")
_ESCAPE = re.compile(r"([\\`*_\[\]<~])")
_LINE_START = re.compile(r"^(\s*)(?:([>#+-])|(\d+)([.)]))")
_NAME_FORBIDDEN = re.compile(r"[<>\x00-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


class _Converter(HTMLParser):
    def __init__(self, markdown_source: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.markdown_source = markdown_source
        self.stack: list[list[str]] = [[]]  # one buffer per open <a> or <blockquote>
        self.hrefs: list[str | None] = []
        self.kinds: list[str] = []
        self.lists: list[list[int]] = []  # [counter] per open list; counter < 0 for <ul>
        self.dropping = 0

    @property
    def out(self) -> list[str]:
        return self.stack[-1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in DROPPED:
            self.dropping += tag not in {"hr"}
            return
        if self.dropping:
            return
        if tag == "br":
            self.out.append("  \n" if not self.markdown_source else "\n")
        elif tag in EMPHASIS:
            self.out.append(EMPHASIS[tag])
        elif tag == "a":
            self.stack.append([])
            self.kinds.append("a")
            self.hrefs.append(_safe_href(dict(attrs).get("href")))
        elif tag == "blockquote":
            self.stack.append([])
            self.kinds.append("blockquote")
        elif tag in {"ul", "ol"}:
            self.lists.append([0 if tag == "ol" else -1])
            self.out.append("\n\n")
        elif tag == "li":
            counter = self.lists[-1] if self.lists else [-1]
            if counter[0] >= 0:
                counter[0] += 1
                self.out.append(f"\n{counter[0]}. ")
            else:
                self.out.append("\n- ")
        elif tag == "img":
            alt = (dict(attrs).get("alt") or "").strip()
            if alt:
                self.handle_data(alt)
        elif tag in BLOCKS:
            self.out.append("\n\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in DROPPED:
            return
        self.handle_starttag(tag, attrs)
        if tag in {"a", "blockquote"}:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in DROPPED:
            self.dropping = max(0, self.dropping - 1)
            return
        if self.dropping:
            return
        if tag in EMPHASIS:
            self.out.append(EMPHASIS[tag])
        elif tag in {"a", "blockquote"} and self.kinds and self.kinds[-1] == tag:
            self._close(tag)
        elif tag in {"ul", "ol"} and self.lists:
            self.lists.pop()
            self.out.append("\n\n")
        elif tag in BLOCKS:
            self.out.append("\n\n")

    def _close(self, tag: str) -> None:
        self.kinds.pop()
        inner = "".join(self.stack.pop())
        if tag == "a":
            href = self.hrefs.pop()
            label = inner.strip()
            if href and label:
                self.out.append(f"[{label}]({href})")
            elif href:
                self.out.append(f"<{href}>")
            else:
                self.out.append(inner)
        else:
            quoted = "\n".join(f"> {line}".rstrip() for line in _tidy(inner).split("\n"))
            self.out.append(f"\n\n{quoted}\n\n")

    def handle_data(self, data: str) -> None:
        if self.dropping:
            return
        if not self.markdown_source:
            data = _ESCAPE.sub(r"\\\1", _SPACES.sub(" ", data))
            tail = "".join(self.out[-2:])
            if not tail.strip(" ") or tail.endswith("\n"):
                data = _LINE_START.sub(_escape_line_start, data)
        self.out.append(data)

    def result(self) -> str:
        while self.kinds:
            self._close(self.kinds[-1])
        return "".join(self.stack[0])


def _escape_line_start(match: re.Match[str]) -> str:
    if match.group(2):
        return f"{match.group(1)}\\{match.group(2)}"
    return f"{match.group(1)}{match.group(3)}\\{match.group(4)}"


def _safe_href(href: str | None) -> str | None:
    if not href:
        return None
    href = href.strip()
    scheme = urlsplit(href).scheme.lower()
    if scheme not in LINK_SCHEMES:
        return None
    return quote(href, safe=":/?#@!$&'*+,;=%~.-_")


def _tidy(text: str) -> str:
    lines = [line.rstrip() if not line.endswith("  ") else line for line in text.split("\n")]
    text = "\n".join(line.lstrip(" ") if line.strip() else "" for line in lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def clean_unicode(text: str) -> str:
    """NFC, Unix line ends, no control characters (which XML forbids and SQLite may hold)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", unicodedata.normalize("NFC", text))


def html_to_markdown(source: str, *, markdown_source: bool = False) -> str:
    """Untrusted HTML (or Markdown with stray HTML when `markdown_source`) → Markdown subset.
    Text that would be empty becomes `EMPTY_TEXT` so the comment keeps its place."""
    converter = _Converter(markdown_source)
    converter.feed(clean_unicode(source))
    converter.close()
    return _tidy(converter.result()) or EMPTY_TEXT


def clean_name(name: str | None) -> str | None:
    """An author name: no tags, control or direction characters, at most 80 characters."""
    if not name:
        return None
    value = _SPACES.sub(" ", _NAME_FORBIDDEN.sub("", clean_unicode(name))).strip()
    return value[:80].strip() or None


def clean_address(email: str | None) -> str | None:
    """A valid e-mail address in lower case, or None (an invalid one is dropped, not fatal)."""
    try:
        return clean_email(email)
    except PalabreError:
        return None
