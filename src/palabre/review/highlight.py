"""The comment text with the evidence marked: every character is escaped, spans are checked
against the text (never trusted), overlapping spans are merged into one <mark>."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

# Evidence kinds, most serious first: harm (hate, violence, insults, illegal), spam, then
# spelling and language, and last the correction a reader is offered. Each has its own style in
# the dashboard, so a harm word never hides among typos.
HARM = frozenset({"haine", "violence", "insulte", "grossierete", "illegal"})
SPELLING = frozenset({"orthographe", "langue"})
KIND_ORDER: dict[str, int] = {"harm": 0, "spam": 1, "spelling": 2, "other": 3, "fix": 4}


def kind_of(category: object) -> str:
    if category in HARM:
        return "harm"
    if category in SPELLING:
        return "spelling"
    return "spam" if category == "spam" else "other"


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    kind: str  # "harm", "spam", "spelling", "other" (a charter reason) or "fix" (a correction)
    title: str


def checked_span(text: str, raw: Sequence[Any]) -> tuple[int, int] | None:
    """(start, end) when `raw` = [start, end, excerpt] really points into `text`."""
    if len(raw) < 2 or not all(isinstance(v, int) and not isinstance(v, bool) for v in raw[:2]):
        return None
    start, end = int(raw[0]), int(raw[1])
    excerpt = raw[2] if len(raw) > 2 and isinstance(raw[2], str) else None
    if 0 <= start < end <= len(text) and (excerpt is None or text[start:end] == excerpt):
        return start, end
    if excerpt:
        found = text.find(excerpt)
        if found >= 0:
            return found, found + len(excerpt)
    return None


def evidence_marks(text: str, reasons: Iterable[dict[str, Any]]) -> list[Mark]:
    marks = []
    for reason in reasons:
        title = f"{reason.get('clause', '')} · {reason.get('category') or ''}".strip(" ·")
        kind = kind_of(reason.get("category"))
        for raw in reason.get("spans") or []:
            span = checked_span(text, raw) if isinstance(raw, list | tuple) else None
            if span:
                marks.append(Mark(span[0], span[1], kind, title))
    return marks


def correction_marks(text: str, corrections: Iterable[dict[str, Any]]) -> list[Mark]:
    marks = []
    for fix in corrections:
        span = checked_span(text, [fix.get("start"), fix.get("end")])
        if span:
            suggestions = ", ".join(str(s) for s in fix.get("suggestions") or [])
            title = str(fix.get("message", "")) + (f" → {suggestions}" if suggestions else "")
            marks.append(Mark(span[0], span[1], "fix", title))
    return marks


def _merge(marks: list[Mark]) -> list[Mark]:
    """The most serious kind first; a less serious mark that overlaps it is dropped; overlapping
    marks of the same kind of evidence are merged into one."""
    out: list[Mark] = []
    for mark in sorted(marks, key=lambda m: (KIND_ORDER.get(m.kind, 3), m.start, m.end)):
        clash = next((m for m in out if m.start < mark.end and mark.start < m.end), None)
        if clash is None:
            out.append(mark)
        elif clash.kind == mark.kind != "fix":
            out.remove(clash)
            titles = clash.title if mark.title in clash.title else f"{clash.title} / {mark.title}"
            out.append(
                Mark(min(clash.start, mark.start), max(clash.end, mark.end), mark.kind, titles)
            )
    return sorted(out, key=lambda m: m.start)


def highlight(text: str, marks: list[Mark]) -> Markup:
    parts: list[str] = []
    pos = 0
    for mark in _merge(marks):
        if mark.start < pos:
            continue
        parts.append(str(escape(text[pos : mark.start])))
        inner = escape(text[mark.start : mark.end])
        if mark.kind != "fix":
            parts.append(f'<mark class="m-{mark.kind}" title="{escape(mark.title)}">{inner}</mark>')
        else:
            parts.append(f'<span class="fix" title="{escape(mark.title)}">{inner}</span>')
        pos = mark.end
    parts.append(str(escape(text[pos:])))
    return Markup("".join(parts))
