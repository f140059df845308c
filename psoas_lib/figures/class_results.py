"""The class dashboard's charts: each question's share right at the first try, and the hand-ins over time.

Bars carry their numbers as text (never colour alone); every text is drawn as written. The words for each chart
are in `dashboard.py` (`first_try_description`, `hand_in_description`).
"""

from __future__ import annotations

import textwrap

from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from ..dashboard import ClassResults
from ..i18n import _
from . import style

WIDTH_IN = 12
ROW_IN = 0.7
LABEL_WRAP_CHARS = 42  # a question's label: two lines at most
CHART_QUESTIONS = 12   # the hardest ones; the table below the chart lists every question


def first_try_chart(results: ClassResults) -> Figure:
    """A horizontal bar for each of the hardest questions, hardest at the top: the share right at the first try,
    with 'n of m' beside it."""
    questions = results.questions[:CHART_QUESTIONS]
    figure = Figure(figsize=(WIDTH_IN, 1.5 + ROW_IN * max(1, len(questions))), layout="constrained")
    axes = figure.add_subplot()
    rows = range(len(questions))
    axes.barh(rows, [q.first_try_share * 100 for q in questions], color=style.LIGHT_GREY, edgecolor=style.INK,
              hatch=style.MUSCLE_HATCH, linewidth=1.5)
    for row, q in zip(rows, questions):
        axes.text(min(q.first_try_share * 100, 100) + 1, row, _("{right} of {answered}").format(
            right=q.first_try, answered=q.answered), va="center", fontsize=style.LABEL_PT - 3, **style.AS_WRITTEN)
    labels = [textwrap.fill(textwrap.shorten(q.title, 2 * LABEL_WRAP_CHARS - 4), LABEL_WRAP_CHARS) for q in questions]
    axes.set_yticks(list(rows), labels, fontsize=style.LABEL_PT - 4, **style.AS_WRITTEN)
    axes.invert_yaxis()  # hardest first, at the top
    axes.set_xlim(0, 115)
    axes.set_xticks([0, 25, 50, 75, 100], ["0%", "25%", "50%", "75%", "100%"], fontsize=style.LABEL_PT - 4)
    axes.set_xlabel(_("students right at their first try"), fontsize=style.LABEL_PT - 3, **style.AS_WRITTEN)
    axes.set_title(first_try_title(results), fontsize=style.TITLE_PT - 4, **style.AS_WRITTEN)
    return figure


def first_try_title(results: ClassResults) -> str:
    """The first-try chart's title (and its image's alt text): it says when only the hardest questions are shown."""
    if len(results.questions) > CHART_QUESTIONS:
        return _("Right at the first try: the {shown} hardest of {total} questions").format(
            shown=CHART_QUESTIONS, total=len(results.questions))
    return _("Right at the first try, per question")


def hand_in_chart(results: ClassResults) -> Figure:
    """The number of students handed in, rising over the time of the hand-ins; the class's size as a line."""
    moments = sorted(s.handed_in for s in results.handed_in if s.handed_in)
    figure = Figure(figsize=(WIDTH_IN, 4.5), layout="constrained")
    axes = figure.add_subplot()
    if moments:
        axes.step(moments, range(1, len(moments) + 1), where="post", color=style.INK, linewidth=style.LINE_WIDTH,
                  marker="o")
    axes.axhline(len(results.students), color=style.MID_GREY, linestyle="--", linewidth=2)
    axes.text(0.01, len(results.students), _("class: {total}").format(total=len(results.students)),
              transform=axes.get_yaxis_transform(), va="bottom", fontsize=style.LABEL_PT - 3, **style.AS_WRITTEN)
    axes.set_ylim(0, len(results.students) + 1)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))  # students come whole
    axes.set_ylabel(_("students handed in"), fontsize=style.LABEL_PT - 3, **style.AS_WRITTEN)
    axes.set_xlabel(_("time (UTC)"), fontsize=style.LABEL_PT - 3, **style.AS_WRITTEN)
    axes.set_title(_("Hand-ins over time"), fontsize=style.TITLE_PT - 4, **style.AS_WRITTEN)
    axes.tick_params(labelsize=style.LABEL_PT - 5)
    return figure
