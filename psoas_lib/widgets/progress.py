"""A student's saved progress: the one place a notebook says what went wrong with saving (a damaged store kept
aside, a folder that is not writable, ...), a summary, "Reset my progress", and on a hub with a collection folder,
"Hand in my progress"."""

from __future__ import annotations

from html import escape
from pathlib import Path

import ipywidgets as w

from ..i18n import _
from ..progress import Progress, ProgressError, default_collect_directory
from .placeholder import N_, HasPlaceholder
from .text import live_region


def _status(text: str, bold: str = "") -> str:
    lead = f"<b>{escape(bold)}</b> " if bold else ""
    return live_region(f"{lead}{escape(text)}")


class ProgressPanel(HasPlaceholder, w.VBox):
    """Shows what is saved, resets it after the student confirms, and hands it in where a class collects it."""

    before_run = N_("Your saved progress — run the notebook (Run ▸ Run All Cells) to see it.")

    def __init__(self, progress: Progress, collection: Path | None = None):
        self.progress = progress
        self.collection = collection or default_collect_directory()
        progress.open()
        self.notice = w.HTML()
        self.problem = w.HTML()
        progress.on_problem(self._show_problem)
        self._show_problem(progress.problem)
        self.summary = w.HTML()
        self.refresh_button = w.Button(description=_("Show my saved progress"),
                                       tooltip=_("Show my saved progress"), layout=w.Layout(width="auto"))
        self.reset_button = w.Button(description=_("Reset my progress"), tooltip=_("Reset my progress"),
                                     layout=w.Layout(width="auto"))
        self.question = w.HTML()
        self.confirm_button = w.Button(description=_("Yes, forget my answers"), button_style="danger",
                                       tooltip=_("Yes, forget my answers"), layout=w.Layout(width="auto"))
        self.cancel_button = w.Button(description=_("No, keep them"), tooltip=_("No, keep them"),
                                      layout=w.Layout(width="auto"))
        self.confirmation = w.HBox([self.confirm_button, self.cancel_button], layout=w.Layout(display="none"))
        self.refresh_button.on_click(lambda _button: self.show_summary())
        self.reset_button.on_click(lambda _button: self.ask())
        self.confirm_button.on_click(lambda _button: self.reset())
        self.cancel_button.on_click(lambda _button: self.cancel())
        buttons = [self.refresh_button, self.reset_button]
        self.hand_in_button = w.Button(description=_("Hand in my progress"), tooltip=_("Hand in my progress"),
                                       layout=w.Layout(width="auto"))
        self.handed_in = w.HTML()
        self.hand_in_button.on_click(lambda _button: self.hand_in())
        if self.collection:
            buttons.append(self.hand_in_button)
        self.buttons = w.HBox(buttons)
        super().__init__([self.notice, self.problem, self.summary, self.buttons, self.handed_in,
                          self.question, self.confirmation])
        self.show_summary()

    def _show_problem(self, problem: str) -> None:
        """The store's current failure, said once here (each exercise then says "Not saved." beside its
        feedback), and its news (a damaged store kept aside)."""
        notice = self.progress.notice
        self.notice.value = _status(notice, "\u26a0 " + _("Note:")) if notice else ""
        self.problem.value = _status(problem + " " + _("You can go on: your answers are graded but not saved "
                                                       "until this is fixed."), "\u26a0 " + _("Not saved:")) \
            if problem else ""

    def show_summary(self) -> None:
        answers = self.progress.answers.values()
        self.summary.value = _status(_("Your answers are saved after each one. Saved so far: {answered} "
                                       "question(s), {correct} of them answered right.").format(
            answered=len(answers), correct=sum(answer.correct for answer in answers)))

    def hand_in(self) -> None:
        try:
            self.progress.hand_in(self.collection)
        except ProgressError as error:
            self.handed_in.value = _status(_("Could not hand in: {reason}").format(reason=error),
                                           "\u26a0 " + _("Note:"))
            return
        except OSError as error:
            self.handed_in.value = _status(_("Could not hand in ({reason}). Your answers are still saved here; "
                                             "tell your instructor.").format(reason=error.strerror or error),
                                           "\u26a0 " + _("Note:"))
            return
        self.show_summary()
        answers = len(self.progress.answers)
        self.handed_in.value = _status(_("Handed in: your instructor now has your {answered} saved answer(s). "
                                         "Hand in again later to update them.").format(answered=answers))

    def ask(self) -> None:
        self.question.value = _status(_("This forgets every saved answer of this lesson. Are you sure?"))
        self.confirmation.layout.display = None

    def cancel(self) -> None:
        self.question.value = _status(_("Nothing was reset: your answers are kept."))
        self._close_confirmation()

    def reset(self) -> None:
        if not self.progress.reset():
            self._close_confirmation()
            self.question.value = _status(_("Nothing was reset: your progress could not be changed (see above)."))
            return
        self._close_confirmation()
        self.question.value = _status(_("Your progress was reset. To start afresh, restart the kernel and run "
                                        "all cells (in Voila, reload the page)."))
        self.show_summary()

    def _close_confirmation(self) -> None:
        """Hide the yes/no buttons; the keyboard focus, which was on one of them, goes back to "Reset"."""
        self.confirmation.layout.display = "none"
        self.reset_button.focus()
