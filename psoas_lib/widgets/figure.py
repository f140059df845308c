"""A figure with its text description beside it, for screen readers and for anyone who cannot see it well."""

from __future__ import annotations

import base64
import hashlib
import io
from html import escape
from importlib.metadata import version
from typing import TYPE_CHECKING

import ipywidgets as w

from .. import cache
from ..i18n import _, current_language
from .placeholder import N_, HasPlaceholder
from .text import sources_html

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from ..lesson.model import Lesson

DPI = 100
# What a cached figure depends on besides the lesson and the interface language: the drawing code, the
# interface text catalogues (labels are translated) and matplotlib's version.
_PACKAGE = cache.PACKAGE
FIGURE_CODE = tuple(sorted(
    str(path.relative_to(_PACKAGE))
    for path in [*_PACKAGE.glob("figures/*.py"), _PACKAGE / "widgets/figure.py", _PACKAGE / "i18n.py",
                 *_PACKAGE.glob("locale/*/LC_MESSAGES/*.po")]
))


def png_bytes(figure: Figure) -> bytes:
    """The figure as PNG, without a timestamp or software tag, so that the same drawing gives the same bytes."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def lesson_png(lesson: Lesson, name: str) -> bytes:
    """The lesson's figure `name` ("anterior" or "transverse") as PNG, drawn once: the image is kept in
    psoas_lib's cache under the lesson's content, the interface language and the drawing code, so later kernels
    reuse it without importing or running matplotlib."""
    if name not in DRAWINGS:
        raise ValueError(f"no figure named {name!r}; there are {', '.join(DRAWINGS)}")
    entry = cache.key("figure", name, current_language(), str(DPI),
                      hashlib.sha256(lesson.model_dump_json().encode("utf-8")).digest(),
                      cache.fingerprint(*FIGURE_CODE, versions=(f"matplotlib {version('matplotlib')}",)))
    png = cache.get(entry)
    if png is None or not png.startswith(PNG_SIGNATURE):
        png = png_bytes(DRAWINGS[name](lesson))
        cache.put(entry, png)
    return png


def _draw_anterior(lesson: Lesson) -> Figure:
    from ..figures.anterior import draw_anterior

    return draw_anterior(lesson)


def _draw_transverse(lesson: Lesson) -> Figure:
    from ..figures.transverse import draw_transverse

    return draw_transverse(lesson)


DRAWINGS = {"anterior": _draw_anterior, "transverse": _draw_transverse}
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def lesson_figure(lesson: Lesson, name: str) -> FigureView:
    """The lesson's figure `name` with its title, description and sources (see `lesson_png`)."""
    data = getattr(lesson.figures, name)
    return FigureView(lesson_png(lesson, name), data.title, data.description, figure_sources(lesson, name))


def figure_sources(lesson: Lesson, *names: str) -> list[str]:
    """The sources of everything drawn in the figures `names` (all of them when none are named), in order."""
    parts = []
    for name in names or DRAWINGS:
        data = getattr(lesson.figures, name)
        parts += [data, *(data.outlines if name == "anterior" else data.shapes)]
        if name == "anterior":
            parts += lesson.palpation.arteries  # the arteries drawn are the ones the quiz grades
    return list(dict.fromkeys(source for part in parts for source in part.sources))


def figure_html(figure: Figure | bytes, title: str, description: str, sources: list[str] | None = None) -> str:
    """An HTML figure: the image (its title as alt text) and the description (with the sources of what is drawn,
    if given) as its caption, side by side when there is room, the caption below the image when there is not.
    `figure` is a matplotlib figure or its PNG bytes."""
    png = figure if isinstance(figure, bytes) else png_bytes(figure)
    data = base64.b64encode(png).decode("ascii")
    heading = escape(_("Description"))
    cited = f" {sources_html(sources)}" if sources else ""
    return (
        '<figure class="psoas-figure" style="display:flex; flex-wrap:wrap; gap:1em; align-items:flex-start; margin:0">'
        f'<img src="data:image/png;base64,{data}" alt="{escape(title)}" style="flex:1 1 560px; min-width:0; max-width:100%; height:auto">'
        '<figcaption style="flex:0 1 22em; font-size:1.2em; line-height:1.5">'
        f"<b>{heading}:</b> {escape(description)}{cited}</figcaption></figure>"
    )


class FigureView(HasPlaceholder, w.HTML):
    """A drawn figure (or its PNG bytes) with its description beside it; its text form names the figure, not
    the image bytes."""

    before_run = N_("Figure with its description — run the notebook (Run ▸ Run All Cells) to show it.")

    def __init__(self, figure: Figure | bytes, title: str, description: str, sources: list[str] | None = None):
        # Full width with no margin: a margin beside 100% would overflow the output by a few pixels and make
        # it a scrolling box, which Chromium puts in the Tab order as a stop with no name.
        super().__init__(figure_html(figure, title, description, sources), layout=w.Layout(width="100%", margin="0"))
        self.title = title

    def __repr__(self) -> str:
        return f"FigureView(title={self.title!r})"
