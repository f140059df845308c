"""A figure with its text description beside it, for screen readers and for anyone who cannot see it well."""

from __future__ import annotations

import base64
import hashlib
import io
from html import escape
from importlib.metadata import version
from pathlib import Path
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
PREBUILT = cache.PACKAGE / "figures" / "prebuilt"  # the bundled lesson's figures, drawn before shipping
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


def figure_entry(lesson: Lesson, name: str) -> str:
    """The cache entry of the lesson's figure `name`: named by the lesson's content, the interface language and
    the drawing code."""
    if name not in DRAWINGS:
        raise ValueError(f"no figure named {name!r}; there are {', '.join(DRAWINGS)}")
    return cache.key("figure", name, current_language(), str(DPI),
                     hashlib.sha256(lesson.model_dump_json().encode("utf-8")).digest(),
                     cache.fingerprint(*FIGURE_CODE, versions=(f"matplotlib {version('matplotlib')}",)))


def lesson_png(lesson: Lesson, name: str) -> bytes:
    """The lesson's figure `name` ("anterior" or "transverse") as PNG, drawn once: the image is kept in
    psoas_lib's cache, so later kernels reuse it without importing or running matplotlib. The bundled lesson's
    figures ship drawn (`PREBUILT`), so a student's very first kernel does not draw them either."""
    entry = figure_entry(lesson, name)
    png = cache.get(entry) or prebuilt(entry)
    if png is None or not png.startswith(PNG_SIGNATURE):
        png = png_bytes(DRAWINGS[name](lesson))
        cache.put(entry, png)
    return png


def prebuilt(entry: str) -> bytes | None:
    """The figure shipped under `entry` with psoas_lib, if there is one (a file of the package, as trusted as
    its code; an entry names everything the drawing is made from, so a changed lesson, language, drawing code
    or matplotlib finds none and draws)."""
    try:
        return (PREBUILT / f"{entry}.png").read_bytes()
    except OSError:
        return None


def write_prebuilt() -> list[Path]:
    """Draw the bundled lesson's figures into `PREBUILT`, replacing what is there (`scripts/prebuild-figures`,
    after a change to the bundled lesson, the drawing code, the catalogues or matplotlib); return the files."""
    from ..i18n import use_language
    from ..lesson import load_lesson

    lesson, language = load_lesson(), current_language()
    use_language(lesson.language)
    try:
        PREBUILT.mkdir(exist_ok=True)
        for old in PREBUILT.glob("*.png"):
            old.unlink()
        written = []
        for name, draw in DRAWINGS.items():
            written.append(PREBUILT / f"{figure_entry(lesson, name)}.png")
            written[-1].write_bytes(png_bytes(draw(lesson)))
        return written
    finally:
        use_language(language)


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
