"""The transverse section at about L3-L4 (the umbilicus's level), seen from the feet, with the fingertips' path.

Drawn from `lesson.figures.transverse`, in cm with the body's centre at (0, 0), x towards the patient's
left (the viewer's right, as in clinical imaging) and y towards the front of the body.
"""

from __future__ import annotations

import math

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Ellipse, Polygon

from ..lesson.model import Lesson, Shape
from . import style

SIZE_IN = (12, 9)
MARGIN_CM = 1.5  # between the drawing and the label columns
SCALE_BAR_CM = 5
SKIN_LABEL_ANGLE_DEG = 150  # where on an enclosing outline (skin, fat) its leader line points
# How each tissue is drawn: fill, hatch, edge width and style. Fills, hatches and edges differ so that
# tissues differ without colour.
TISSUES = {
    "skin": {"facecolor": "white", "hatch": None, "linewidth": 4},
    "fat": {"facecolor": "0.96", "hatch": None, "linewidth": 1},
    "fascia": {"facecolor": "white", "hatch": None, "linewidth": 1.5, "linestyle": "--"},
    "muscle": {"facecolor": style.LIGHT_GREY, "hatch": style.MUSCLE_HATCH, "linewidth": style.LINE_WIDTH},
    "bowel": {"facecolor": "white", "hatch": None, "linewidth": 2},
    "colon": {"facecolor": "white", "hatch": style.VISCERA_HATCH, "linewidth": 3},
    "artery": {"facecolor": "white", "hatch": None, "linewidth": 5},
    "vein": {"facecolor": style.MID_GREY, "hatch": None, "linewidth": 2},
    "bone": {"facecolor": style.MID_GREY, "hatch": style.BONE_HATCH, "linewidth": style.LINE_WIDTH},
    "kidney": {"facecolor": style.MID_GREY, "hatch": "\\\\", "linewidth": 2},
}


def draw_transverse(lesson: Lesson, ax: Axes | None = None) -> Figure:
    """Draw the transverse section onto `ax` (a new figure when None) and return the figure."""
    data = lesson.figures.transverse
    figure, ax = style.figure_and_axes(ax, SIZE_IN)
    corners = [corner for shape in data.shapes for corner in _extent(shape)]
    half_width_cm = max(abs(x) for x, _y in corners) + MARGIN_CM
    bottom_cm = min(y for _x, y in corners) - 5
    top_cm = max(data.finger_path.from_cm[1], *(y for _x, y in corners)) + 2
    labels = []
    for zorder, shape in enumerate(data.shapes, start=1):
        ax.add_patch(_patch(shape, zorder))
        labels.append(style.Label(shape.label, _anchor_cm(shape, data.shapes)))
    path = data.finger_path
    ax.annotate("", xy=path.to_cm, xytext=path.from_cm, zorder=len(data.shapes) + 1, arrowprops={
        "arrowstyle": "-|>,head_length=1.2,head_width=0.6", "color": style.INK, "linewidth": 4,
        "linestyle": "--", "shrinkA": 0, "shrinkB": 0,
    })
    labels.append(style.Label(path.label, path.from_cm))

    style.frame(ax, data.title, half_width_cm, (bottom_cm, top_cm), style.once(labels), data.side_labels)
    style.scale_bar(ax, SCALE_BAR_CM, -SCALE_BAR_CM / 2, bottom_cm + 1)
    return figure


def _patch(shape: Shape, zorder: int) -> Ellipse | Polygon:
    drawn = {"edgecolor": style.INK, "zorder": zorder, **TISSUES[shape.tissue]}
    if shape.kind == "ellipse":
        return Ellipse(shape.center_cm, *shape.size_cm, **drawn)
    return Polygon(shape.points_cm, closed=True, **drawn)


def _extent(shape: Shape) -> list[tuple[float, float]]:
    """The corners of the box around a shape."""
    if shape.kind == "polygon":
        return list(shape.points_cm)
    (x, y), (width, height) = shape.center_cm, shape.size_cm
    return [(x - width / 2, y - height / 2), (x + width / 2, y + height / 2)]


def _anchor_cm(shape: Shape, shapes: list[Shape]) -> tuple[float, float]:
    """Where a shape's leader line points: a polygon's outer edge halfway along, an ellipse's centre, or a
    point on its outline when other shapes lie inside it (the skin, the fat)."""
    if shape.kind == "polygon":
        return shape.points_cm[len(shape.points_cm) // 4]
    inside = [other for other in shapes if other is not shape and other.kind == "ellipse"]
    if not any(_contains(shape, other.center_cm) for other in inside):
        return shape.center_cm
    angle = math.radians(SKIN_LABEL_ANGLE_DEG)
    (x, y), (width, height) = shape.center_cm, shape.size_cm
    return x + width / 2 * math.cos(angle), y + height / 2 * math.sin(angle)


def _contains(shape: Shape, point_cm: tuple[float, float]) -> bool:
    (x, y), (width, height) = shape.center_cm, shape.size_cm
    return ((point_cm[0] - x) / (width / 2)) ** 2 + ((point_cm[1] - y) / (height / 2)) ** 2 < 1
