"""The anterior view of the abdomen: umbilicus, start zones, aorta and iliac arteries, psoas outlines.

Drawn from `lesson.figures.anterior` and `lesson.palpation.start_zone`, in cm with the umbilicus at (0, 0)
and x towards the patient's left, which is the viewer's right in a front view. Other views (the fingertip
placement of the palpation exercise) draw on top of this one by passing their own axes.
"""

from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Polygon, Rectangle

from ..lesson.model import Lesson, Outline
from . import style

SIZE_IN = (12, 9)
MARGIN_CM = 2.5  # between the drawing and the label columns
SCALE_BAR_CM = 5


def draw_anterior(lesson: Lesson, ax: Axes | None = None, show_start_zone: bool = True) -> Figure:
    """Draw the anterior view onto `ax` (a new figure when None) and return the figure.

    Everything stays inside `ax`, the labels in columns beside the drawing, so another view can draw
    on top of it in the same cm coordinates. The landmark quiz hides the start zone, its answer.
    """
    data = lesson.figures.anterior
    zone = lesson.palpation.start_zone
    figure, ax = style.figure_and_axes(ax, SIZE_IN)
    points = [p for shape in (*data.outlines, *data.vessels) for p in shape.points_cm]
    half_width_cm = max(zone.lateral_max_cm, *(abs(x) for x, _y in points)) + MARGIN_CM
    bottom_cm = min(y for _x, y in points) - 3
    top_cm = max(y for _x, y in points) + 1
    labels = [_draw_outline(ax, outline) for outline in data.outlines]
    for side in (-1, 1) if show_start_zone else ():
        ax.add_patch(Rectangle(
            (zone.lateral_min_cm if side > 0 else -zone.lateral_max_cm, -zone.level_tolerance_cm),
            zone.lateral_max_cm - zone.lateral_min_cm, 2 * zone.level_tolerance_cm,
            facecolor=(1, 1, 1, 0.55), edgecolor=style.INK, hatch=style.ZONE_HATCH, linestyle="--",
            linewidth=style.LINE_WIDTH, zorder=3,
        ))
        mid_cm = (zone.lateral_min_cm + zone.lateral_max_cm) / 2
        labels.append(style.Label(data.start_zone_label, (side * mid_cm, 0)))
    labels += [_draw_vessel(ax, vessel) for vessel in data.vessels]
    bifurcation = _bifurcation_cm(data.vessels)
    if bifurcation is not None:
        labels.append(style.Label(data.bifurcation_label, bifurcation))
    ax.plot(0, 0, marker="o", markersize=16, color=style.INK, markerfacecolor="white", markeredgewidth=3,
            zorder=6)
    ax.plot(0, 0, marker="+", markersize=10, color=style.INK, markeredgewidth=2, zorder=7)
    labels.append(style.Label(data.umbilicus_label, (0, 0)))

    style.frame(ax, data.title, half_width_cm, (bottom_cm, top_cm), labels, data.side_labels)
    style.scale_bar(ax, SCALE_BAR_CM, -SCALE_BAR_CM / 2, bottom_cm + 1)
    return figure


def _draw_outline(ax: Axes, outline: Outline) -> style.Label:
    ax.add_patch(Polygon(outline.points_cm, closed=True, facecolor=style.LIGHT_GREY, edgecolor=style.INK,
                         hatch=style.MUSCLE_HATCH, linewidth=style.LINE_WIDTH, zorder=2))
    return style.Label(outline.label, _inside_point(outline.points_cm))


def _draw_vessel(ax: Axes, vessel: Outline) -> style.Label:
    """An artery as a tube: a wide black line with a white core, so it reads without colour."""
    xs, ys = zip(*vessel.points_cm)
    ax.plot(xs, ys, color=style.INK, linewidth=11, solid_capstyle="round", zorder=4)
    ax.plot(xs, ys, color="white", linewidth=5, solid_capstyle="round", zorder=5)
    (x0, y0), (x1, y1) = vessel.points_cm[len(vessel.points_cm) // 2 - 1: len(vessel.points_cm) // 2 + 1]
    return style.Label(vessel.label, ((x0 + x1) / 2, (y0 + y1) / 2))


def _bifurcation_cm(vessels: list[Outline]) -> tuple[float, float] | None:
    """Where the vessels divide: the first end point that several vessels share, if any."""
    ends = [p for vessel in vessels for p in (vessel.points_cm[0], vessel.points_cm[-1])]
    return next((p for p in ends if ends.count(p) > 1), None)


def _inside_point(points_cm: list[tuple[float, float]]) -> tuple[float, float]:
    """A point inside a long outline, a quarter of the way down: the middle of its width there."""
    ys = [y for _x, y in points_cm]
    y = max(ys) - (max(ys) - min(ys)) / 4
    crossings = []
    for (x0, y0), (x1, y1) in zip(points_cm, points_cm[1:] + points_cm[:1]):
        if min(y0, y1) <= y <= max(y0, y1) and y0 != y1:
            crossings.append(x0 + (y - y0) * (x1 - x0) / (y1 - y0))
    return ((min(crossings) + max(crossings)) / 2, y)
