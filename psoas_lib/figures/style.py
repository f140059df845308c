"""Shared drawing style: large type for projection, greys and hatches (never colour alone), labels
in columns beside the drawing with leader lines, a scale bar in cm.

Coordinates are the lesson's: cm, x towards the patient's left (the viewer's right), y up the page. The
lesson's text is drawn as written (`AS_WRITTEN`): a `$` in a label is a dollar sign, never mathtext or LaTeX,
whatever the user's matplotlibrc says.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from ..i18n import _

TITLE_PT = 22
LABEL_PT = 17
LABEL_WRAP_CHARS = 18
LABEL_GAP_LINES = 0.5  # blank space between stacked labels, in lines of text
CHAR_WIDTH_EM = 0.55  # average width of a character of the label font, in ems
INK = "black"
LIGHT_GREY = "0.88"
MID_GREY = "0.65"
# One hatch per kind of tissue, so structures differ in greyscale and for colour-blind readers.
MUSCLE_HATCH = "///"
BONE_HATCH = "xx"
ZONE_HATCH = ".."
VISCERA_HATCH = ".."
LINE_WIDTH = 2.5
AS_WRITTEN = {"parse_math": False, "usetex": False}
_TEXT_BOX = {"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none", "alpha": 0.9}


@dataclass(frozen=True)
class Label:
    """A structure's name and the point (cm) its leader line points at."""

    text: str
    anchor_cm: tuple[float, float]


def once(labels: Sequence[Label]) -> list[Label]:
    """One label per text: a pair (right and left) or a group (bowel loops) is labelled on one member, on
    the side of the drawing whose label column is shorter, so that both columns stay readable."""
    groups: dict[str, list[Label]] = {}
    for label in labels:
        groups.setdefault(label.text, []).append(label)
    side_count = {-1: 0, 0: 0, 1: 0}
    for group in groups.values():
        if len(group) == 1:
            side_count[_side(group[0])] += 1
    picked = {}
    for text, group in groups.items():
        picked[text] = min(group, key=lambda label: side_count[_side(label)])
        if len(group) > 1:
            side_count[_side(picked[text])] += 1
    return [label for label in labels if picked[label.text] is label]


def _side(label: Label) -> int:
    x = label.anchor_cm[0]
    return (x > 0) - (x < 0)


def figure_and_axes(ax: Axes | None, size_in: tuple[float, float],
                    dpi: float | None = None) -> tuple[Figure, Axes]:
    """The given axes and its figure, or a new figure (no pyplot state; `dpi` None for matplotlib's) with one axes."""
    if ax is not None:
        return ax.get_figure(root=True), ax
    figure = Figure(figsize=size_in, dpi=dpi, layout="constrained")
    return figure, figure.add_subplot()


def frame(ax: Axes, title: str, half_width_cm: float, ylim_cm: tuple[float, float],
          labels: Sequence[Label], side_labels: Sequence[str]) -> None:
    """Lay out a drawing `half_width_cm` either side of x = 0 with its labels in columns beside it.

    One scale in x and y, no axis ticks (the scale bar gives the size), the title above, the patient's
    right and left written in the bottom corners of the drawing, on a row of their own below the labels.
    The drawing's bottom is lowered where a column of labels (a longer language, say) needs the room.
    """
    texts = [textwrap.fill(label.text, LABEL_WRAP_CHARS) for label in labels]
    columns = _columns(labels, texts)
    column_in = max(len(line) for text in texts for line in text.splitlines()) * CHAR_WIDTH_EM * LABEL_PT / 72
    # Lines of text the taller column needs, with the captions' row below it and a line to spare (a line of
    # rendered text is a little taller than the estimate).
    needed_lines = 2 + LABEL_GAP_LINES + max(sum(_lines(text) for _label, text in column)
                                             for column in columns.values())
    bottom_cm, top_cm = ylim_cm
    for _ in range(3):  # a lower bottom can change the scale, and with it the height of a line
        cm_per_in = _scale_cm_per_in(ax, 2 * half_width_cm, top_cm - bottom_cm, 2 * column_in)
        line_cm = LABEL_PT * 1.25 / 72 * cm_per_in
        bottom_cm = min(bottom_cm, top_cm - needed_lines * line_cm)
    column_cm = column_in * cm_per_in
    ax.set_xlim(-half_width_cm - column_cm, half_width_cm + column_cm)
    ax.set_ylim(bottom_cm, top_cm)
    ax.set_aspect("equal")
    ax.set_axis_off()
    ax.set_title(title, fontsize=TITLE_PT, fontweight="bold", wrap=True, **AS_WRITTEN)
    right, left = side_labels
    for x, text, align in ((-half_width_cm, right, "left"), (half_width_cm, left, "right")):
        ax.text(x, bottom_cm, text, ha=align, va="bottom", fontsize=LABEL_PT, style="italic", **AS_WRITTEN)
    _label_columns(ax, columns, half_width_cm, line_cm, bottom_cm + (1 + LABEL_GAP_LINES) * line_cm)


def scale_bar(ax: Axes, length_cm: float, left_cm: float, y_cm: float) -> None:
    """A bar `length_cm` long with end ticks, labelled in cm."""
    tick_cm = 0.4
    ax.plot([left_cm, left_cm + length_cm], [y_cm, y_cm], color=INK, linewidth=4, solid_capstyle="butt")
    for x in (left_cm, left_cm + length_cm):
        ax.plot([x, x], [y_cm - tick_cm, y_cm + tick_cm], color=INK, linewidth=2)
    ax.text(left_cm + length_cm / 2, y_cm + tick_cm, _("{length} cm").format(length=f"{length_cm:g}"),
            ha="center", va="bottom", fontsize=LABEL_PT)


def _scale_cm_per_in(ax: Axes, width_cm: float, height_cm: float, columns_in: float) -> float:
    """How many cm of the drawing one inch of the figure will show, estimated before layout.

    The drawing keeps one scale in x and y, shares the axes' width with the label columns and the
    figure's height with the title.
    """
    figure = ax.get_figure(root=True)
    box, grid = ax.get_position(original=True), figure.subplotpars
    width_in = figure.get_figwidth() * box.width / (grid.right - grid.left) - columns_in
    height_in = figure.get_figheight() * box.height / (grid.top - grid.bottom) - TITLE_PT * 2.5 / 72
    return max(width_cm / max(width_in, 1.0), height_cm / max(height_in, 1.0))


def _lines(text: str) -> float:
    """The height of a label in lines of text, with the gap below it."""
    return text.count("\n") + 1 + LABEL_GAP_LINES


def _columns(labels: Sequence[Label], texts: Sequence[str]) -> dict[int, list[tuple[Label, str]]]:
    """The labels (with their wrapped texts) of each column: anchors left of the midline go to the left
    column (-1), anchors right of it to the right one (1), anchors on it to the shorter column."""
    columns: dict[int, list[tuple[Label, str]]] = {-1: [], 1: []}
    for label, text in sorted(zip(labels, texts), key=lambda pair: pair[0].anchor_cm[0] == 0):
        x = label.anchor_cm[0]
        side = (-1 if x < 0 else 1) if x != 0 else min(columns, key=lambda s: len(columns[s]))
        columns[side].append((label, text))
    return columns


def _label_columns(ax: Axes, columns: dict[int, list[tuple[Label, str]]], column_x_cm: float, line_cm: float,
                   lowest_cm: float) -> None:
    """Write the labels of each column beside the drawing (the left one ending at -column_x_cm, the right one
    starting at column_x_cm), each joined to its anchor by a leader line; labels in a column are pushed apart
    vertically so that none overlap, and stay above `lowest_cm` (the row of the patient's right and left)."""
    for side, column in columns.items():
        heights = [_lines(text) * line_cm for _label, text in column]
        ys = _spread([label.anchor_cm[1] for label, _text in column], heights, (lowest_cm, ax.get_ylim()[1]))
        for (label, text), y in zip(column, ys):
            ax.annotate(
                text, xy=label.anchor_cm, xytext=(side * column_x_cm, y), fontsize=LABEL_PT,
                ha="right" if side < 0 else "left", va="center", bbox=_TEXT_BOX, **AS_WRITTEN,
                arrowprops={"arrowstyle": "-", "color": INK, "linewidth": 1.2, "shrinkA": 2, "shrinkB": 0},
            )
            ax.plot(*label.anchor_cm, marker="o", markersize=6, color=INK, zorder=8)


def _spread(wanted: list[float], heights: list[float], limits: tuple[float, float]) -> list[float]:
    """Centres as close to `wanted` as possible, top to bottom, with no two boxes overlapping."""
    order = sorted(range(len(wanted)), key=lambda i: -wanted[i])
    placed: dict[int, float] = {}
    floor = limits[1]
    for i in order:
        y = min(wanted[i], floor - heights[i] / 2)
        placed[i] = y
        floor = y - heights[i] / 2
    overflow = limits[0] - floor
    if overflow > 0:  # the stack ran off the bottom: lift it
        placed = {i: y + overflow for i, y in placed.items()}
    return [placed[i] for i in range(len(wanted))]
