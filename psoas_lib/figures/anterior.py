"""The anterior view of the abdomen: surface landmarks, umbilicus, start zones, aorta and iliac arteries, psoas.

Drawn from `lesson.figures.anterior` and from `lesson.palpation` (the start zone and the arteries the quiz
grades, so that what is drawn is what is graded), in cm with the umbilicus at (0, 0)
and x towards the patient's left, which is the viewer's right in a front view. Other views (the fingertip
placement of the palpation exercise) draw on top of this one by passing their own axes.
"""

from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Polygon, Rectangle

from ..lesson.model import Artery, Lesson, Outline
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
    arteries = lesson.palpation.arteries
    figure, ax = style.figure_and_axes(ax, SIZE_IN)
    points = [p for shape in (*data.outlines, *arteries) for p in _points(shape)]
    half_width_cm = max(zone.lateral_max_cm, *(abs(x) for x, _y in points)) + MARGIN_CM
    bottom_cm = min(y for _x, y in points) - 3
    top_cm = max(y for _x, y in points) + 1
    labels = style.once([_draw_outline(ax, outline) for outline in data.outlines])
    for side in (-1, 1) if show_start_zone else ():
        ax.add_patch(Rectangle(
            (zone.lateral_min_cm if side > 0 else -zone.lateral_max_cm, -zone.level_tolerance_cm),
            zone.lateral_max_cm - zone.lateral_min_cm, 2 * zone.level_tolerance_cm,
            facecolor=(1, 1, 1, 0.55), edgecolor=style.INK, hatch=style.ZONE_HATCH, linestyle="--",
            linewidth=style.LINE_WIDTH, zorder=3,
        ))
        mid_cm = (zone.lateral_min_cm + zone.lateral_max_cm) / 2
        labels.append(style.Label(data.start_zone_label, (side * mid_cm, 0)))
    labels += [_draw_artery(ax, artery) for artery in arteries]
    bifurcation = _bifurcation_cm(arteries)
    if bifurcation is not None:
        labels.append(style.Label(data.bifurcation_label, bifurcation))
    ax.plot(0, 0, marker="o", markersize=16, color=style.INK, markerfacecolor="white", markeredgewidth=3,
            zorder=6)
    ax.plot(0, 0, marker="+", markersize=10, color=style.INK, markeredgewidth=2, zorder=7)
    labels.append(style.Label(data.umbilicus_label, (0, 0)))

    style.frame(ax, data.title, half_width_cm, (bottom_cm, top_cm), labels, data.side_labels)
    style.scale_bar(ax, SCALE_BAR_CM, -SCALE_BAR_CM / 2, bottom_cm + 1)
    return figure


def _points(shape: Outline | Artery) -> list[tuple[float, float]]:
    return shape.path_cm if isinstance(shape, Artery) else shape.points_cm


def _draw_outline(ax: Axes, outline: Outline) -> style.Label:
    """A structure drawn by its kind, so that none needs colour to be told apart (see `Outline`)."""
    points = outline.points_cm
    if outline.kind == "muscle":
        ax.add_patch(Polygon(points, closed=True, facecolor=style.LIGHT_GREY, edgecolor=style.INK,
                             hatch=style.MUSCLE_HATCH, linewidth=style.LINE_WIDTH, zorder=2))
        return style.Label(outline.label, _inside_point(points))
    xs, ys = zip(*points)
    if outline.kind == "bony-point":
        ax.plot(xs, ys, marker="^", markersize=14, color=style.INK, markerfacecolor="white",
                markeredgewidth=2.5, linestyle="none", zorder=6)
    elif outline.kind == "vein":
        ax.plot(xs, ys, color=style.INK, linewidth=11, solid_capstyle="round", zorder=4)
        ax.plot(xs, ys, color=style.MID_GREY, linewidth=6, solid_capstyle="round", zorder=4)
    else:
        line = {"bone": {"linewidth": 5, "linestyle": "-"}, "ligament": {"linewidth": 2.5, "linestyle": "--"},
                "border": {"linewidth": 2, "linestyle": ":"}}[outline.kind]
        ax.plot(xs, ys, color=style.INK, solid_capstyle="round", zorder=3, **line)
    return style.Label(outline.label, _middle(points))


def _draw_artery(ax: Axes, artery: Artery) -> style.Label:
    """An artery as a tube: a wide black line with a white core, so it reads without colour."""
    xs, ys = zip(*artery.path_cm)
    ax.plot(xs, ys, color=style.INK, linewidth=11, solid_capstyle="round", zorder=4)
    ax.plot(xs, ys, color="white", linewidth=5, solid_capstyle="round", zorder=5)
    return style.Label(artery.name, _middle(artery.path_cm))


def _middle(points_cm: list[tuple[float, float]]) -> tuple[float, float]:
    """The middle of a polyline's middle segment (the point itself for a single point)."""
    if len(points_cm) == 1:
        return points_cm[0]
    (x0, y0), (x1, y1) = points_cm[len(points_cm) // 2 - 1: len(points_cm) // 2 + 1]
    return (x0 + x1) / 2, (y0 + y1) / 2


def _bifurcation_cm(arteries: list[Artery]) -> tuple[float, float] | None:
    """Where the aorta divides: the first end point that several arteries share, if any."""
    ends = [p for artery in arteries for p in (artery.path_cm[0], artery.path_cm[-1])]
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
