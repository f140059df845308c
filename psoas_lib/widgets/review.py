"""The spaced review's view: how many questions are due today, each due question asked again, and where to practise
the ones asked in their own notebook."""

from __future__ import annotations

from html import escape

import ipywidgets as w

from ..exercises.feedback import Feedback
from ..exercises.recorder import ChoiceSession
from ..i18n import _
from ..lesson.model import Lesson
from ..review import Card, Clock, Review
from .choice import ChoiceQuestion
from .placeholder import N_, HasPlaceholder
from .text import live_region


def practised_elsewhere(card: Card) -> str:
    """Where a due question that is not asked here is practised."""
    where = {("palpation", "placement"): _("Placing the fingertips: practise it again in notebook 02."),
             ("palpation", "depth"): _("Sinking in: practise it again in notebook 02."),
             ("sequencing", "order"): _("Ordering the progression: practise it again in notebook 03.")}
    if card.exercise == "matching":
        return _("Matching the actions to the movements: practise it again in notebook 03.")
    return where.get((card.exercise, card.question),
                     _("{exercise}: {question}: practise it again in its notebook.").format(
                         exercise=card.exercise, question=card.question))


class _ReviewQuestion(ChoiceQuestion):
    """A due question asked afresh (its saved answer is not shown), graded and recorded by the review's session."""

    def __init__(self, session: ChoiceSession, panel: ReviewPanel):
        self.panel = panel
        super().__init__(session.question, session.exercise)  # no recorder here: nothing saved is shown
        self.session = session

    def answer(self, chosen: int | None) -> Feedback | None:
        result = super().answer(chosen)
        if result is not None:
            self.panel.count()
        return result


class ReviewPanel(HasPlaceholder, w.VBox):
    """Today's review from the student's store: the due questions, missed ones first."""

    before_run = N_("Spaced review — run the notebook (Run ▸ Run All Cells) to see what is due today.")

    def __init__(self, lesson: Lesson, progress, clock: Clock | None = None):
        self.review = Review(lesson, progress, clock)
        self.summary = w.HTML()
        self.again = w.Button(description=_("Show what is due now"), tooltip=_("Show what is due now"),
                              layout=w.Layout(width="auto", min_height="32px"))
        self.again.on_click(lambda _button: self.build())
        self.items = w.VBox()
        super().__init__([self.summary, self.items, w.HBox([self.again])])
        self.add_class("psoas-review")
        self.build()

    def build(self) -> None:
        """Ask every question due now."""
        parts = []
        for card in self.review.due():
            session = self.review.session(card)
            parts.append(_ReviewQuestion(session, self) if session else
                         w.HTML("<p>" + escape(practised_elsewhere(card)) + "</p>"))
        self.items.children = parts
        self.count()

    def count(self) -> None:
        """Say how many questions are due now (an answer right moves its question to a later day)."""
        due = len(self.review.due())
        text = (_("Nothing is due today: every question you have answered is scheduled for a later day.")
                if due == 0 else
                _("Due today: {count}. A question answered right comes back after a longer interval; one answered "
                  "wrong comes back today.").format(count=due))
        self.summary.value = live_region("<b>" + escape(text) + "</b>")
