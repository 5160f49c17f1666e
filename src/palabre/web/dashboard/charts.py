"""Small SVG charts rendered on the server: no chart library, no script, styled by the
dashboard's CSS classes (the CSP forbids inline styles). Every label is escaped."""

from __future__ import annotations

from datetime import date

from markupsafe import Markup, escape

from palabre.status import CommentStatus
from palabre.web.dashboard.i18n import Translator

STATUSES = (
    CommentStatus.PUBLISHED,
    CommentStatus.HELD,
    CommentStatus.REJECTED,
    CommentStatus.DELETED,
)


def _nice_max(value: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if value <= step * 4:
            return step * 4
    return value


def per_day(days: list[tuple[date, dict[str, int]]], t: Translator) -> Markup:
    """Stacked columns: comments per day by status."""
    width, height, left, bottom, top = 760, 210, 34, 22, 8
    plot_h = height - bottom - top
    top_value = _nice_max(max((sum(c.values()) for _, c in days), default=0) or 1)
    slot = (width - left - 4) / max(1, len(days))
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(t("Commentaires par jour"))}">'
    ]
    for i in range(5):
        value = top_value * i // 4
        y = top + plot_h - plot_h * i / 4
        parts.append(f'<line class="grid" x1="{left}" x2="{width}" y1="{y:.1f}" y2="{y:.1f}"/>')
        parts.append(
            f'<text class="axis" x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{value}</text>'
        )
    for index, (day, counts) in enumerate(days):
        x = left + index * slot + slot * 0.15
        y = top + plot_h
        for status in STATUSES:
            n = counts.get(status, 0)
            if not n:
                continue
            h = plot_h * n / top_value
            y -= h
            parts.append(
                f'<rect class="s-{status}" x="{x:.1f}" y="{y:.1f}" '
                f'width="{slot * 0.7:.1f}" height="{h:.1f}"><title>'
                f"{day:%d/%m} · {escape(t(_plural(status)))} : {n}</title></rect>"
            )
        if index % max(1, len(days) // 8) == 0 or index == len(days) - 1:
            parts.append(
                f'<text class="axis" x="{x + slot * 0.35:.1f}" y="{height - 6}" '
                f'text-anchor="middle">{day:%d/%m}</text>'
            )
    parts.append("</svg>")
    return Markup("".join(parts))


def _plural(status: str) -> str:
    plurals: dict[str, str] = {
        CommentStatus.PUBLISHED: "publiés",
        CommentStatus.HELD: "retenus",
        CommentStatus.REJECTED: "rejetés",
        CommentStatus.DELETED: "supprimés",
    }
    return plurals[status]


def hbars(rows: list[tuple[str, int]], kind: str) -> Markup:
    """Horizontal bars with their label and count, largest first."""
    if not rows:
        return Markup("")
    width, row_h, label_w = 520, 24, 190
    height = row_h * len(rows) + 4
    top_value = max(n for _, n in rows) or 1
    parts = [f'<svg class="chart hbars" viewBox="0 0 {width} {height}" role="img">']
    for i, (label, n) in enumerate(rows):
        y = i * row_h + 2
        bar = (width - label_w - 44) * n / top_value
        parts.append(
            f'<text class="label" x="{label_w - 8}" y="{y + 15}" text-anchor="end">'
            f"{escape(label)}</text>"
        )
        parts.append(
            f'<rect class="bar bar-{escape(kind)}" x="{label_w}" y="{y + 3}" '
            f'width="{max(bar, 2):.1f}" height="{row_h - 8}" rx="2"/>'
        )
        parts.append(f'<text class="value" x="{label_w + bar + 6:.1f}" y="{y + 15}">{n}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def columns(rows: list[tuple[str, int]]) -> Markup:
    """Vertical columns with labels under them (the held queue by age)."""
    width, height, bottom, top = 520, 170, 24, 16
    plot_h = height - bottom - top
    top_value = max((n for _, n in rows), default=0) or 1
    slot = width / max(1, len(rows))
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img">',
        f'<line class="grid" x1="0" x2="{width}" y1="{top + plot_h}" y2="{top + plot_h}"/>',
    ]
    for i, (label, n) in enumerate(rows):
        h = plot_h * n / top_value
        x = i * slot + slot * 0.2
        y = top + plot_h - h
        parts.append(
            f'<rect class="bar bar-age-{i}" x="{x:.1f}" y="{y:.1f}" '
            f'width="{slot * 0.6:.1f}" height="{h:.1f}" rx="2"/>'
        )
        parts.append(
            f'<text class="value" x="{x + slot * 0.3:.1f}" y="{y - 4:.1f}" '
            f'text-anchor="middle">{n}</text>'
        )
        parts.append(
            f'<text class="axis" x="{x + slot * 0.3:.1f}" y="{height - 6}" '
            f'text-anchor="middle">{escape(label)}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def ratio_bar(rate: float) -> Markup:
    """A thin bar for a rate in [0, 1] (agreement table)."""
    width = 120
    filled = max(0.0, min(1.0, rate)) * width
    return Markup(
        f'<svg class="ratio" viewBox="0 0 {width} 8" width="{width}" height="8">'
        f'<rect class="ratio-bg" width="{width}" height="8" rx="4"/>'
        f'<rect class="ratio-fg" width="{filled:.1f}" height="8" rx="4"/></svg>'
    )
