"""The instructor's class dashboard: a thin view over `psoas_lib.dashboard`, one section per notebook cell, all
read again by one "Read the hand-ins again" button.

Each section's text form (what a saved notebook shows before it is run, and what strict nbval compares) says
how to start it and then gives its content in words, so a saved dashboard still says what it showed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone
from html import escape
from pathlib import Path

import ipywidgets as w

from .. import settings
from ..dashboard import (EXAMPLE_HAND_INS, EXAMPLE_ROSTER, NOTEBOOK_EXERCISES, ClassResults, class_folder,
                         class_results, first_try_description, hand_in_description, read_roster, shown_time)
from ..i18n import _
from ..lesson.model import Lesson
from .figure import figure_html
from .placeholder import N_, HasPlaceholder
from .text import live_region

Clock = Callable[[], datetime]


def table_html(caption: str, header: list[str], rows: list[list[str]]) -> str:
    """An HTML table with a caption and column headers; every cell escaped."""
    head = "".join(f'<th scope="col" style="text-align:left; padding:0.3em 1em 0.3em 0">{escape(h)}</th>'
                   for h in header)
    cell_style = "padding:0.3em 1em 0.3em 0; border-top:1px solid #999"
    body = "".join("<tr>" + "".join(f'<td style="{cell_style}">{escape(str(cell))}</td>' for cell in row) + "</tr>"
                   for row in rows)
    return (f'<table class="psoas-table" style="border-collapse:collapse; font-size:1.1em">'
            f'<caption style="text-align:left; font-weight:bold; padding:0.5em 0">{escape(caption)}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


def table_text(caption: str, header: list[str], rows: list[list[str]]) -> str:
    return "\n".join([caption, " | ".join(header), *(" | ".join(str(cell) for cell in row) for row in rows)])


class SavedContent(HasPlaceholder):
    """Mix into a dashboard widget before the ipywidgets base: its text form (what a saved notebook shows before it
    is run, and what strict nbval compares) is the sentence saying how to start it, then its content in words."""

    text = ""

    def _repr_mimebundle_(self, **kwargs) -> dict:
        bundle = super()._repr_mimebundle_(**kwargs)
        bundle["text/plain"] = f"{bundle['text/plain']}\n{self.text}"
        return bundle


class Section(SavedContent, w.HTML):
    """One part of the dashboard, as HTML."""

    before_run = N_("Class results — run the notebook (Run ▸ Run All Cells) to read the hand-ins; below, what "
                    "they showed when last read.")

    def __init__(self):
        super().__init__(layout=w.Layout(width="100%", margin="0"))

    def show(self, html: str, text: str) -> None:
        self.text = text
        self.value = html


class Header(SavedContent, w.VBox):
    """Which folder is read, what was counted, and the button that reads it again."""

    before_run = N_("Class dashboard — run the notebook (Run ▸ Run All Cells) to read the hand-ins; below, what "
                    "was read last time.")

    def __init__(self, button: w.Button):
        self.status = w.HTML()
        self.news = w.HTML()
        super().__init__([self.status, w.HBox([button]), self.news])


class ClassDashboard:
    """The class's results from the hand-ins in `folder` (default: $PSOAS_CLASS_DIR, else the bundled example
    class), with `roster` (a file of names; default $PSOAS_CLASS_ROSTER) to see who is missing; `hub_accounts`
    ("psoas-" on the one-machine hub; default $PSOAS_CLASS_ACCOUNTS) counts a file only if the student's own
    account wrote it."""

    def __init__(self, lesson: Lesson, folder: str | Path | None = None, roster: str | Path | None = None,
                 hub_accounts: str | None = None, clock: Clock | None = None):
        self.lesson = lesson
        self.folder = class_folder(folder)
        self.roster = settings.CLASS_ROSTER.given(roster) or (EXAMPLE_ROSTER if self.folder == EXAMPLE_HAND_INS else None)
        self.hub_accounts = settings.CLASS_ACCOUNTS.given(hub_accounts)
        self._clock = clock or (lambda: datetime.now(timezone.utc))
        self.refresh_button = w.Button(description=_("Read the hand-ins again"),
                                       tooltip=_("Read the hand-ins again"),
                                       layout=w.Layout(width="auto", min_height="2.5em"))
        self.refresh_button.on_click(lambda _button: self.refresh(again=True))
        self.header = Header(self.refresh_button)
        self.hand_ins, self.first_try, self.wrong_answers, self.skipped = Section(), Section(), Section(), Section()
        self.results: ClassResults | None = None
        self.refresh()

    def refresh(self, again: bool = False) -> None:
        """Read the folder (and the roster) and show every section anew."""
        problem = ""
        try:
            names = read_roster(self.roster)
        except (OSError, UnicodeDecodeError) as error:
            names = []
            problem = _("The roster {path} could not be read ({reason}); everyone who handed in is shown.").format(
                path=self.roster, reason=getattr(error, "strerror", None) or error)
        results = self.results = class_results(self.folder, self.lesson, names, self.hub_accounts)
        self._show_header(results, problem, again)
        self._show_hand_ins(results)
        self._show_first_try(results)
        self._show_wrong_answers(results)
        self._show_skipped(results)

    def _show_header(self, results: ClassResults, problem: str, again: bool) -> None:
        where = (_("the example class bundled with psoas_lib (set CLASS_FOLDER to read your class)")
                 if self.folder == EXAMPLE_HAND_INS else str(self.folder))
        status = _("Reading {where}: {counted} hand-in(s) counted, {skipped} file(s) not counted.").format(
            where=where, counted=len(results.handed_in), skipped=len(results.skipped))
        news = _("Read again at {time}.").format(time=f"{self._clock():%H:%M:%S} UTC") if again else ""
        self.header.text = " ".join(part for part in (status, problem) if part)
        self.header.status.value = f"<p style='font-size:1.1em'>{escape(status)}</p>" + (
            f"<p><b>{escape(problem)}</b></p>" if problem else "")
        self.header.news.value = live_region(escape(news))

    def _show_hand_ins(self, results: ClassResults) -> None:
        from ..figures.class_results import hand_in_chart

        description = hand_in_description(results)
        header = [_("student"), _("handed in"),
                  *(_("notebook {name}").format(name=name) for name in NOTEBOOK_EXERCISES)]
        rows = [[s.student + ("" if s.on_roster or not self.roster else " " + _("(not on the roster)")),
                 shown_time(s.handed_in) if s.counted else _("not handed in"),
                 *(_("{answered} of {total} questions").format(answered=s.answered[name],
                                                               total=results.notebook_questions[name])
                   for name in NOTEBOOK_EXERCISES)] for s in results.students]
        caption = _("Who has handed in, and how far each got through the notebooks")
        chart = figure_html(hand_in_chart(results), _("Hand-ins over time"), description)
        self.hand_ins.show(chart + table_html(caption, header, rows),
                           "\n".join([description, table_text(caption, header, rows)]))

    def _show_first_try(self, results: ClassResults) -> None:
        from ..figures.class_results import first_try_chart, first_try_title

        description = first_try_description(results)
        header = [_("question"), _("answered"), _("right at the first try"), _("attempts (median)")]
        rows = [[q.title, q.answered, f"{q.first_try} ({q.first_try_share:.0%})", f"{q.median_attempts:g}"]
                for q in results.questions]
        caption = _("Each question, hardest first")
        chart = figure_html(first_try_chart(results), first_try_title(results), description)
        self.first_try.show(chart + table_html(caption, header, rows),
                            "\n".join([description, table_text(caption, header, rows)]))

    def _show_wrong_answers(self, results: ClassResults) -> None:
        header = [_("question"), _("wrong answer"), _("students who gave it")]
        rows = [[q.title, wrong.text, wrong.students] for q in results.questions for wrong in q.wrong]
        caption = _("The most common wrong answers, hardest question first")
        if not rows:
            text = _("No wrong answers were handed in.")
            self.wrong_answers.show(f"<p>{escape(text)}</p>", text)
            return
        self.wrong_answers.show(table_html(caption, header, rows), table_text(caption, header, rows))

    def _show_skipped(self, results: ClassResults) -> None:
        if not results.skipped:
            text = _("Every file in the folder was counted.")
            self.skipped.show(f"<p>{escape(text)}</p>", text)
            return
        header = [_("file"), _("why it was not counted")]
        rows = [list(item) for item in results.skipped]
        caption = _("Files not counted")
        self.skipped.show(table_html(caption, header, rows), table_text(caption, header, rows))
