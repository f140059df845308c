"""The safety screen as a checklist, and the gate that keeps the hands-on sections locked until it is clear."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

import ipywidgets as w
import traitlets

from ..exercises.screening import CLEAR, INCOMPLETE, STOP, ScreenResult, screen
from ..i18n import _
from ..lesson.model import Lesson, ScreeningItem
from .controls import FeedbackRegion, RadioGroup
from .placeholder import N_, HasPlaceholder
from .text import facts_html, sources_html


def _status_html(mark: str, headline: str, body: str = "") -> str:
    """For a `FeedbackRegion`: the headline in bold after its mark (✔, ✘, …) if any, then the body."""
    lead = f"{mark} " if mark else ""
    return f"<b>{lead}{escape(headline)}</b> {body}"


def result_html(result: ScreenResult) -> str:
    """The screen's outcome in words: each "yes" with its reason and what to do instead."""
    if result.status == STOP:
        items = "".join(f"<li><b>{escape(item.question)}</b> {escape(item.reason)} <b>{escape(item.action)}</b> "
                        f"{sources_html(item.sources)}</li>" for item in result.stops)
        return _status_html("✘", _("Stop: do not go on with the hands-on steps for this patient."),
                            f"<ul>{items}</ul>")
    if result.status == INCOMPLETE:
        return _status_html("…", _("Not clear yet: {count} question(s) still unanswered. The hands-on "
                                   "sections stay locked.").format(count=len(result.unanswered)))
    return _status_html("✔", _("Clear: every answer is no. The hands-on sections below are unlocked."))


class SafetyScreen(HasPlaceholder, w.VBox):
    """One yes/no question per screening item; `status` is CLEAR only when every answer is no."""

    before_run = N_("Safety screen — run the notebook (Run ▸ Run All Cells) to answer it.")

    status = traitlets.Unicode(INCOMPLETE, help="CLEAR, STOP or INCOMPLETE, from exercises.screening")

    def __init__(self, lesson: Lesson):
        self.items = lesson.safety.screening
        self.answers = [self._answer_control(number, item) for number, item in enumerate(self.items, 1)]
        self.result = FeedbackRegion()
        intro = w.HTML("<p>" + escape(_("Ask every question before any hands-on step, for every patient. "
                                        "A single yes stops here.")) + "</p>")
        rows = [w.HBox([w.HTML(self._question_html(number, item), layout=w.Layout(flex="0 1 42em")), answer],
                       layout=w.Layout(flex_flow="row wrap", align_items="center"))
                for number, (item, answer) in enumerate(zip(self.items, self.answers), 1)]
        notes = w.HTML(facts_html(lesson.safety.notes))
        super().__init__([intro, *rows, self.result, notes])
        self.add_class("psoas-safety-screen")
        for answer in self.answers:
            answer.observe(self._update, "value")
        self._update()

    @staticmethod
    def _answer_control(number: int, item: ScreeningItem) -> RadioGroup:
        label = _("Question {number}").format(number=number) + ": " + item.question
        return RadioGroup([(_("Yes"), True), (_("No"), False)], label=label, horizontal=True)

    @staticmethod
    def _question_html(number: int, item: ScreeningItem) -> str:
        label = _("Question {number}.").format(number=number)
        return f"<p><b>{escape(label)}</b> {escape(item.question)} {sources_html(item.sources)}</p>"

    def answer(self, item_id: str, yes: bool | None) -> None:
        """Answer one question by id (True for yes), as the radio buttons do."""
        index = [item.id for item in self.items].index(item_id)
        self.answers[index].value = yes

    def _update(self, _change=None) -> None:
        result = screen(self.items, {item.id: a.value for item, a in zip(self.items, self.answers)})
        self.result.value = result_html(result)
        self.status = result.status

    def gate(self, *content: w.Widget | Callable[[], w.Widget]) -> Gate:
        """`content` behind a lock that opens only while this screen is clear.

        A function instead of a widget is called to build it when the screen is first clear: content that
        is costly to build (the quiz's interactive drawing) then costs nothing until it can be used.
        """
        return Gate(self, content)


class Gate(HasPlaceholder, w.VBox):
    """Hands-on content, hidden behind a visible lock message until the safety screen is clear."""

    before_run = N_("Locked section — run the notebook (Run ▸ Run All Cells), then clear the safety screen "
                    "above to open it.")

    def __init__(self, safety_screen: SafetyScreen, content: tuple[w.Widget | Callable[[], w.Widget], ...]):
        self.screen = safety_screen
        self.message = FeedbackRegion()
        self._pending = list(content)
        self.content = w.VBox()
        super().__init__([self.message, self.content])
        safety_screen.observe(self._update, "status")
        self._update()

    @property
    def locked(self) -> bool:
        return self.screen.status != CLEAR

    def _update(self, _change=None) -> None:
        self.content.layout.display = "none" if self.locked else None
        if self.screen.status == STOP:
            self.message.value = _status_html("", _("Locked: the safety screen found a reason not to "
                                                    "palpate. Do not go on with this patient."))
        elif self.locked:
            self.message.value = _status_html("", _("Locked: complete the safety screen above first."))
        else:
            self.message.value = ""
        # Built after the lock message is gone, so the page says "unlocked" while costly content is built.
        if self._pending and not self.locked:
            self.content.children = [part if isinstance(part, w.Widget) else part() for part in self._pending]
            self._pending = []
