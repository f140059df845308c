"""The matching exercise: for each movement, a drop-down for the therapist's action and one for the patient's."""

from __future__ import annotations

from html import escape

import ipywidgets as w

from ..exercises.matching import ROLES, MatchingGrade, MatchingSession, Role, choices
from ..exercises.recorder import Recorder
from ..i18n import _
from ..lesson.model import Movement, Progression
from .choice import feedback_html
from .controls import FeedbackRegion
from .placeholder import N_, HasPlaceholder
from .text import sources_html

UNANSWERED = ""

# A drop-down shows its answer on one line. Where the page is narrower than about 1100 CSS pixels (a window
# zoomed in, a small screen) the longest answers no longer fit and are cut off, so each chosen answer is
# also written out in full under its drop-down; presentation mode, with its large text, always shows it.
CHOSEN_CSS = """<style>
.psoas-chosen { display: none; margin: 0 0 0.3em 1em; }
@media (max-width: 1100px) { .psoas-chosen { display: block; } }
</style>"""


def explanations_html(grade: MatchingGrade, progression: Progression) -> str:
    """The right action for every pair that was not matched, with the movement's sources."""
    sources = {movement.id: movement.sources for movement in progression.movements}
    items = "".join(f"<li>{escape(feedback.message)} {sources_html(sources[movement])}</li>"
                    for (movement, _role), feedback in grade.results if not feedback.correct)
    return f"<ul>{items}</ul>" if items else ""


def chosen_html(action: str) -> str:
    """The chosen action in full, for the eye only: a screen reader reads it from the drop-down itself."""
    return f'<div class="psoas-chosen" aria-hidden="true">\u2192 {escape(action)}</div>' if action else ""


def _label(movement: Movement, role: Role) -> str:
    template = _("{movement}: the therapist") if role == "therapist" else _("{movement}: the patient")
    return template.format(movement=movement.name)


class MatchingExercise(HasPlaceholder, w.VBox):
    """Drop-downs labelled with movement and role; "Check matches" grades all through the session, which saves."""

    before_run = N_("Matching exercise — run the notebook (Run ▸ Run All Cells) to answer it.")

    def __init__(self, progression: Progression, recorder: Recorder | None = None):
        self.progression = progression
        self.session = MatchingSession(progression, recorder)
        options = {role: [(_("(choose an action)"), UNANSWERED), *((text, text) for text in choices(progression, role))]
                   for role in ROLES}
        self.dropdowns = {
            (movement.id, role): w.Dropdown(options=options[role], value=UNANSWERED, description=_label(movement, role),
                                            style={"description_width": "initial"}, layout=w.Layout(width="auto"))
            for movement in progression.movements for role in ROLES
        }
        self.chosen = {key: w.HTML() for key in self.dropdowns}
        for key, dropdown in self.dropdowns.items():
            dropdown.observe(lambda change, key=key: self._show_chosen(key, change["new"]), "value")
        self.check = w.Button(description=_("Check matches"))
        self.check.on_click(lambda _button: self.answer())
        self.feedback = FeedbackRegion()
        self.details = w.HTML()
        instructions = w.HTML("<p>" + escape(_(
            "For each movement, choose what the therapist does and what the patient does. Some movements "
            "share the same therapist action."
        )) + "</p>" + CHOSEN_CSS)
        groups = [w.VBox([view for role in ROLES for view in (self.dropdowns[(movement.id, role)],
                                                              self.chosen[(movement.id, role)])],
                         layout=w.Layout(margin="0 0 0.8em 0")) for movement in progression.movements]
        super().__init__([instructions, *groups, self.check, self.feedback, self.details])
        self._restore()

    def _restore(self) -> None:
        for key, action in self.session.saved_answers().items():
            self.dropdowns[key].value = action

    def _show_chosen(self, key: tuple[str, Role], action: str) -> None:
        self.chosen[key].value = chosen_html(action)

    def answers(self) -> dict[tuple[str, Role], str | None]:
        return {key: dropdown.value or None for key, dropdown in self.dropdowns.items()}

    def answer(self) -> MatchingGrade:
        """Grade every pair, explain the wrong ones, and save the pairs that were answered."""
        grade, feedback = self.session.answer(self.answers())
        self.feedback.value = feedback_html(feedback)
        self.details.value = explanations_html(grade, self.progression)
        return grade
