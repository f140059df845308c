"""A figure with its text description beside it, for screen readers and for anyone who cannot see it well."""

from __future__ import annotations

import base64
import io
from html import escape

import ipywidgets as w
from matplotlib.figure import Figure

from ..i18n import _

DPI = 100


def png_bytes(figure: Figure) -> bytes:
    """The figure as PNG, without a timestamp or software tag, so that the same drawing gives the same bytes."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def figure_html(figure: Figure, title: str, description: str) -> str:
    """An HTML figure: the image (its title as alt text) and the description as its caption, side by side
    when there is room, the caption below the image when there is not."""
    data = base64.b64encode(png_bytes(figure)).decode("ascii")
    heading = escape(_("Description"))
    return (
        '<figure class="psoas-figure" style="display:flex; flex-wrap:wrap; gap:1em; align-items:flex-start; margin:0">'
        f'<img src="data:image/png;base64,{data}" alt="{escape(title)}" style="flex:1 1 560px; min-width:0; max-width:100%; height:auto">'
        '<figcaption style="flex:0 1 22em; font-size:1.2em; line-height:1.5">'
        f"<b>{heading}:</b> {escape(description)}</figcaption></figure>"
    )


class FigureView(w.HTML):
    """A drawn figure with its description beside it; its text form names the figure, not the image bytes."""

    def __init__(self, figure: Figure, title: str, description: str):
        # Full width with no margin: a margin beside 100% would overflow the output by a few pixels and make
        # it a scrolling box, which Chromium puts in the Tab order as a stop with no name.
        super().__init__(figure_html(figure, title, description), layout=w.Layout(width="100%", margin="0"))
        self.title = title

    def __repr__(self) -> str:
        return f"FigureView(title={self.title!r})"
