"""Comment text: validation, and rendering of a small Markdown subset to sanitised HTML."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING, Final

import nh3

from palabre.errors import PalabreError

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

ALLOWED_TAGS: Final[set[str]] = {
    "p",
    "br",
    "em",
    "strong",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "del",
}
ALLOWED_ATTRIBUTES: Final[dict[str, set[str]]] = {"a": {"href", "title"}}
ALLOWED_SCHEMES: Final[set[str]] = {"http", "https", "mailto"}

_ACTIVE_CODE = re.compile(
    r"<\s*/?\s*(script|iframe|object|embed|svg|math|style|link|meta|base|form)\b"
    r"|<[^>]*\bon[a-z]+\s*=|\b(?:java|vb)script\s*:|\bdata\s*:\s*text/html",
    re.IGNORECASE,
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# Bidirectional embeddings, overrides and isolates (and the Arabic letter mark) can make a text
# read otherwise than it is stored (« Trojan Source »): removed from comments. The plain
# left-to-right and right-to-left marks stay; they reorder nothing on their own.
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069\u061c]")
_NAME_FORBIDDEN = re.compile(r"[<>\x00-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_EMAIL = re.compile(r"^[^@\s<>\"']{1,64}@[^@\s<>\"']{1,189}\.[^@\s<>\"'.]{2,}$")


def clean_text(text: str, max_length: int) -> str:
    """Normalise line endings and Unicode, refuse empty, over-long or active-code text."""
    if _SURROGATE.search(text):
        raise PalabreError("caractere_interdit", field="text")
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _BIDI.sub("", _CONTROL.sub("", text)).strip()
    if not text:
        raise PalabreError("texte_vide", field="text")
    if len(text) > max_length:
        raise PalabreError(
            "texte_trop_long", params={"limit": max_length, "length": len(text)}, field="text"
        )
    if _ACTIVE_CODE.search(unicodedata.normalize("NFKC", text)):
        raise PalabreError("contenu_dangereux", field="text")
    return text


def clean_author(name: str | None) -> str | None:
    if name is None:
        return None
    name = unicodedata.normalize("NFC", name).strip()
    if not name:
        return None
    if len(name) > 80 or _NAME_FORBIDDEN.search(name) or any(map(_invisible, name)):
        raise PalabreError("nom_invalide", field="author")
    if not any(c.isalnum() or unicodedata.category(c)[0] in "PS" for c in name):
        raise PalabreError("nom_invalide", field="author")  # nothing a reader can see
    if _impersonates_staff(name):
        raise PalabreError("nom_reserve", field="author")
    return name


# Characters that show nothing (or reorder what follows) yet are not format controls everywhere:
# Hangul fillers, braille blank, Mongolian vowel separator, Khmer inherent vowels.
_BLANKS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u180e\u17b4\u17b5")


def _invisible(char: str) -> bool:
    """Control, format (zero-width, bidi, word joiner, Arabic letter mark…), unassigned,
    private-use or surrogate code points, line separators and blank look-alikes."""
    return char in _BLANKS or unicodedata.category(char) in {
        "Cc",
        "Cf",
        "Cs",
        "Co",
        "Cn",
        "Zl",
        "Zp",
    }


# Long words are looked for anywhere (also spelt with separators: M.o.d.é.r.a.t.e.u.r); short
# ones only as a whole word, so that « Padmini » stays a name.
_RESERVED_ANYWHERE = (
    "moderateur",
    "moderatrice",
    "moderation",
    "moderator",
    "administrateur",
    "administratrice",
    "administrator",
    "redaction",
    "equipedusite",
    "equipedujournal",
    "equipedelaredaction",
    "equipedemoderation",
)
_RESERVED_WORDS = frozenset(
    {
        "admin",
        "administration",
        "palabre",
        "webmaster",
        "staff",
        "mod",
        "mods",
        "team",
        "equipe",
        "lequipe",
        "support",
        "officiel",
        "officielle",
        "official",
        "sysadmin",
        "systeme",
        "system",
    }
)


def _impersonates_staff(name: str) -> bool:
    """Names that pose as the site's staff, also spelt with look-alike letters (Cyrillic 'о',
    Greek 'α'), accents, leetspeak or separators."""
    from palabre.moderation.normalize import normalize

    folded = normalize(name)
    letters = "".join(c for c in folded if c.isalpha())
    words = {"".join(c for c in w if c.isalpha()) for w in folded.split()}
    return any(w in letters for w in _RESERVED_ANYWHERE) or bool(words & _RESERVED_WORDS)


def clean_email(email: str | None) -> str | None:
    if email is None or not email.strip():
        return None
    email = email.strip()
    if len(email) > 254 or not _EMAIL.match(email):
        raise PalabreError("email_invalide", field="email")
    return email.lower()


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    # Imported at the first comment rendered, not when a web process starts.
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "breaks": True})
    md.disable(
        ["image", "heading", "lheading", "table", "hr", "html_block", "html_inline"],
        ignoreInvalid=True,
    )
    md.enable(["strikethrough"], ignoreInvalid=True)
    return md


_LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
_FENCE = re.compile(r"^ {0,3}(?:```|~~~)")


def separate_lists(text: str) -> str:
    """A line written right under a list, not indented, starts a new paragraph: readers write
    « - un point » then their conclusion on the next line, and CommonMark would swallow that
    conclusion into the last item (a lazy continuation line)."""
    out: list[str] = []
    in_list = in_fence = False
    for line in text.split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence:
            if _LIST_ITEM.match(line):
                in_list = True
            elif not line.strip():
                in_list = False
            elif in_list and not line[:1].isspace():
                out.append("")
                in_list = False
        out.append(line)
    return "\n".join(out)


def render(text: str) -> str:
    """Markdown subset → HTML, then sanitised by nh3 whatever the renderer produced."""
    html = _markdown().render(separate_lists(text))
    return str(
        nh3.clean(
            html,
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            url_schemes=ALLOWED_SCHEMES,
            link_rel="nofollow noopener ugc",
        )
    ).strip()


def clean_author_free_text(value: str, max_length: int) -> str:
    """Free text from a reader that is stored, never rendered as HTML (e.g. report details)."""
    value = _BIDI.sub("", _CONTROL.sub("", unicodedata.normalize("NFC", value))).strip()
    if len(value) > max_length:
        raise PalabreError(
            "texte_trop_long", params={"limit": max_length, "length": len(value)}, field="details"
        )
    return value
