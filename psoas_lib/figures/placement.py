"""The palpation quiz's view: the anterior drawing with the student's two fingertips on top of it."""

from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from ..lesson.model import Lesson
from . import style
from .anterior import draw_anterior

# The 3rd and 4th fingertips side by side: two black dots, a shape unlike the umbilicus's ring.
FINGERTIP_GAP_CM = 1.2


def draw_placement(lesson: Lesson, x_cm: float, y_cm: float) -> tuple[Figure, Line2D]:
    """The anterior view, start zone hidden, with the fingertips at (x_cm, y_cm); move them later with
    `move_fingertips`."""
    figure = draw_anterior(lesson, show_start_zone=False)
    return figure, draw_fingertips(figure.axes[0], x_cm, y_cm)


def draw_fingertips(ax: Axes, x_cm: float, y_cm: float) -> Line2D:
    """Two black dots side by side, above everything else drawn (the umbilicus and labels included)."""
    (marker,) = ax.plot([], [], linestyle="none", marker="o", markersize=15, color=style.INK,
                        markeredgecolor="white", markeredgewidth=2, zorder=10)
    move_fingertips(marker, x_cm, y_cm)
    return marker


def move_fingertips(marker: Line2D, x_cm: float, y_cm: float) -> None:
    half_gap_cm = FINGERTIP_GAP_CM / 2
    marker.set_data([x_cm - half_gap_cm, x_cm + half_gap_cm], [y_cm, y_cm])
