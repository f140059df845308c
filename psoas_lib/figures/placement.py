"""The palpation quiz's view: the anterior drawing with the student's two fingertips on top of it."""

from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from ..lesson.model import Lesson
from . import style
from .anterior import SIZE_IN, draw_anterior

# The 3rd and 4th fingertips side by side: two black dots, a shape unlike the umbilicus's ring.
FINGERTIP_GAP_CM = 1.2


def draw_placement(lesson: Lesson, x_cm: float, y_cm: float, dpi: float | None = None) -> tuple[Figure, Line2D]:
    """The anterior view, start zone hidden, with the fingertips at (x_cm, y_cm); move them later with
    `move_fingertips`.

    `dpi` is fixed when the figure is made: an interactive canvas scales the figure's first dpi by the screen's
    pixel ratio (2 on a high-density screen or at 200% zoom), so a dpi changed afterwards would be lost there.
    """
    figure, ax = style.figure_and_axes(None, SIZE_IN, dpi)
    draw_anterior(lesson, ax, show_start_zone=False)
    return figure, draw_fingertips(ax, x_cm, y_cm)


def draw_fingertips(ax: Axes, x_cm: float, y_cm: float) -> Line2D:
    """Two black dots side by side, above everything else drawn (the umbilicus and labels included)."""
    (marker,) = ax.plot([], [], linestyle="none", marker="o", markersize=15, color=style.INK,
                        markeredgecolor="white", markeredgewidth=2, zorder=10)
    move_fingertips(marker, x_cm, y_cm)
    return marker


def move_fingertips(marker: Line2D, x_cm: float, y_cm: float) -> None:
    half_gap_cm = FINGERTIP_GAP_CM / 2
    marker.set_data([x_cm - half_gap_cm, x_cm + half_gap_cm], [y_cm, y_cm])


def draw_section(lesson: Lesson, x_cm: float, depth_fraction: float, dpi: float | None = None) -> tuple[Figure, Line2D]:
    """The transverse section with the fingertips `x_cm` from the midline, `depth_fraction` of the way along the
    fingertips' path (0 at the skin, 1 where they can go no further); move them later with `sink_fingertips`."""
    from .transverse import SIZE_IN as SECTION_IN, draw_transverse

    figure, ax = style.figure_and_axes(None, SECTION_IN, dpi)
    draw_transverse(lesson, ax)
    marker = draw_fingertips(ax, 0, 0)
    sink_fingertips(lesson, marker, x_cm, depth_fraction)
    return figure, marker


def sink_fingertips(lesson: Lesson, marker: Line2D, x_cm: float, depth_fraction: float) -> None:
    path = lesson.figures.transverse.finger_path
    top_cm, bottom_cm = path.from_cm[1], path.to_cm[1]
    move_fingertips(marker, x_cm, top_cm - min(max(depth_fraction, 0.0), 1.0) * (top_cm - bottom_cm))
