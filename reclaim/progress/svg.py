"""One line chart as SVG text, written from a geometry.Layout in plain Python.

It was a template; a page with many charts (Today, Progress, a
practitioner's client list) spent most of its own time walking that
template's loops, so the same markup is now joined here. What it writes:
no scripts and no style attributes (the CSP forbids inline styles), shapes
that carry classes the page CSS styles, and a fallback colour for a
renderer without the page CSS (WeasyPrint, a saved file) written once per
group and inherited by what it holds. The svg scales with its viewBox.
Every piece of text is escaped; numbers are written as Python writes them,
always with a full stop.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.html import escape

if TYPE_CHECKING:
    from .charts import Style
    from .geometry import Layout, Line


def _number(value: float) -> str:
    return str(value)


def _text(label_x: float, label_y: float, text: str, css: str = "", extra: str = "") -> str:
    cls = f' class="{css}"' if css else ""
    return f'<text{cls} x="{_number(label_x)}" y="{_number(label_y)}"{extra}>{escape(text)}</text>'


def chart_svg(
    *,
    chart_id: str,
    title: str,
    description: str,
    layout: Layout,
    lines: list[tuple[Line, str, str]],
    style: Style,
    narrow: bool,
) -> str:
    """The chart's `<svg>` element; `lines` pairs each placed line with its classes and colour."""
    n = _number
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg{" chart-narrow" if narrow else ""}"'
        f' role="img" viewBox="0 0 {layout.width} {layout.height}" width="{layout.width}"'
        f' height="{layout.height}" aria-labelledby="{chart_id}-title {chart_id}-desc"'
        f' font-family="{escape(style.font_family)}" font-size="{style.font_size}"'
        f' fill="{style.text}">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
    ]
    if layout.bands:
        rects = []
        for area in layout.bands:
            css = "band" + (" band-alt" if area.alternate else "")
            if area.band.css_class:
                css += f" {escape(area.band.css_class)}"
            opacity = style.band_opacity[1] if area.alternate else style.band_opacity[0]
            rects.append(
                f'<rect class="{css}" x="{layout.left}" y="{n(area.y)}"'
                f' width="{layout.plot_width}" height="{n(area.height)}" opacity="{opacity}"/>'
            )
        parts.append(f'<g fill="{style.band_fill}">{"".join(rects)}</g>')
        parts.extend(
            _text(area.name.x, area.name.y, area.name.text, "band-label")
            for area in layout.bands
            if area.name
        )
    grid = "".join(
        f'<line class="grid" x1="{layout.left}" x2="{layout.right}" y1="{n(line.y)}" y2="{n(line.y)}"/>'
        for line in layout.grid
    )
    parts.append(
        f'<g stroke="{style.rule}">{grid}<line class="axis" x1="{layout.left}"'
        f' x2="{layout.right}" y1="{layout.bottom}" y2="{layout.bottom}"/></g>'
    )
    ticks = "".join(
        _text(line.label.x, line.label.y, line.label.text, "tick") for line in layout.grid
    )
    parts.append(f'<g text-anchor="end">{ticks}</g>')
    dates = "".join(
        _text(
            label.x,
            label.y,
            label.text,
            "tick",
            f' text-anchor="{label.anchor}"' if label.anchor != "middle" else "",
        )
        for label in layout.dates
    )
    parts.append(f'<g text-anchor="middle">{dates}</g>')
    for line, css, colour in lines:
        body = ""
        if line.path:
            body += (
                f'<path class="line" d="{line.path}" fill="none" stroke-width="2.5"'
                ' stroke-linejoin="round" stroke-linecap="round"/>'
            )
        if line.dots:
            dots = "".join(f'<circle cx="{n(d.x)}" cy="{n(d.y)}" r="3.5"/>' for d in line.dots)
            body += f'<g class="dots" stroke="none">{dots}</g>'
        parts.append(
            f'<g class="series {escape(css)}" data-series="{line.index + 1}" fill="{colour}"'
            f' stroke="{colour}">{body}</g>'
        )
    for line, css, colour in lines:
        if line.label:
            parts.append(
                _text(
                    line.label.x,
                    line.label.y,
                    line.label.text,
                    f"series-label {escape(css)}",
                    f' fill="{colour}" font-weight="600"',
                )
            )
    for place in layout.markers:
        label = ""
        if place.label.text:
            label = (
                f'<text x="{n(place.label.x)}" y="{n(place.label.y)}" text-anchor="middle"'
                f' fill="{style.strong_text}">{escape(place.label.text)}</text>'
            )
        parts.append(
            f'<g class="marker"><circle cx="{n(place.at.x)}" cy="{n(place.at.y)}" r="5"'
            f' fill="{style.surface}" stroke="{style.strong_text}" stroke-width="2"/>{label}</g>'
        )
    parts.append("</svg>")
    return "".join(parts)
