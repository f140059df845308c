"""The session timer view: the clock as text, the suggested step, Start/Pause/Resume/Reset, then reassessment.

While the timer runs, an asyncio task on the kernel's event loop refreshes the widget traits (the path that
works in JupyterLab and Voila; printing from a thread does not, under ipykernel 7). The ticking clock is
not a live region (role="timer"); only changes of phase, step or window are announced, in a status region.
"""

from __future__ import annotations

import asyncio
import time
from html import escape

import ipywidgets as w

from ..i18n import _
from ..lesson.model import Lesson
from ..timer import Clock, SessionTimer, TimerState, clock_text
from .placeholder import N_, HasPlaceholder
from .text import fact_html, live_region, sources_html

TICK_SECONDS = 0.25


class SessionTimerView(HasPlaceholder, w.VBox):
    """A live session clock for the lesson's time window, with the lesson's suggested split and checklist."""

    before_run = N_("Session timer — run the notebook (Run ▸ Run All Cells) to use it.")

    def __init__(self, lesson: Lesson, clock: Clock = time.monotonic, tick_seconds: float = TICK_SECONDS):
        self.timer = SessionTimer.from_dose(lesson.dose, clock)
        self.tick_seconds = tick_seconds
        self.split_label = lesson.dose.suggested_split.label
        self.names = {movement.id: movement.name for movement in lesson.progression.movements}
        self._ticker: asyncio.Task | None = None
        self.clock = w.HTML()
        self.status = w.HTML()
        self.split = w.HTML()
        self.start_button = w.Button(description=_("Start"))
        self.pause_button = w.Button(description=_("Pause"))
        self.resume_button = w.Button(description=_("Resume"))
        self.reset_button = w.Button(description=_("Reset"))
        for button, action, focus in [(self.start_button, self.timer.start, self.pause_button),
                                      (self.pause_button, self.timer.pause, self.resume_button),
                                      (self.resume_button, self.timer.resume, self.pause_button),
                                      (self.reset_button, self.timer.reset, self.start_button)]:
            button.on_click(lambda _button, action=action, focus=focus: self._press(action, focus))
        buttons = w.HBox([self.start_button, self.pause_button, self.resume_button, self.reset_button])
        super().__init__([w.HTML(f"<p>{fact_html(lesson.dose)}</p>"), self.clock, buttons, self.status,
                          self.split, w.HTML(checklist_html(lesson))])
        self.refresh()

    def _press(self, action, focus: w.Button) -> None:
        action()
        self.refresh()
        focus.focus()  # the pressed button is now disabled: keep the keyboard user's place
        if self.timer.phase == "running":
            self._tick_in_background()
        elif self._ticker is not None:
            self._ticker.cancel()
            self._ticker = None

    def _tick_in_background(self) -> None:
        if self._ticker is not None:
            self._ticker.cancel()
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return  # plain Python, no kernel: the view refreshes when a button is pressed
        self._ticker = loop.create_task(self._tick())

    async def _tick(self) -> None:
        while self.timer.phase == "running":
            self.refresh()
            await asyncio.sleep(self.tick_seconds)
        self.refresh()

    def refresh(self) -> None:
        """Show the timer's current state (traits only change, and so only sync, when their text does)."""
        state = self.timer.state()
        self.clock.value = self._clock_html(state)
        self.status.value = live_region(escape(self._status_text(state)), "psoas-timer-status")
        self.split.value = self._split_html(state)
        self.start_button.disabled = state.phase != "ready"
        self.pause_button.disabled = state.phase != "running"
        self.resume_button.disabled = state.phase != "paused"
        self.reset_button.disabled = state.phase == "ready"

    def _window(self) -> dict[str, str]:
        return {"minimum": clock_text(self.timer.minimum_seconds), "maximum": clock_text(self.timer.maximum_seconds)}

    def _step_text(self, state: TimerState) -> str:
        if state.step is None:
            return _("The suggested split is over.")
        return _("Suggested step {number} of {count}: {step}, {left} left").format(
            number=state.step + 1, count=len(self.timer.split),
            step=self.names[self.timer.split[state.step].movement],
            left=clock_text(state.step_remaining_seconds, round_up=True))

    def _clock_html(self, state: TimerState) -> str:
        elapsed = _("Elapsed {elapsed}").format(elapsed=clock_text(state.elapsed_seconds))
        remaining = _("Remaining {remaining} (until the maximum, {maximum})").format(
            remaining=clock_text(state.remaining_seconds, round_up=True), **self._window())
        if state.maximum_reached:
            window = _("Maximum reached ({maximum}).").format(**self._window())
        elif state.minimum_reached:
            window = _("In the window ({minimum} to {maximum}), or stop when you feel a change.").format(
                **self._window())
        else:
            window = _("The window ({minimum} to {maximum}) begins in {left}; stop earlier if you feel a change.").format(
                left=clock_text(state.until_minimum_seconds, round_up=True), **self._window())
        return (f'<div role="timer" class="psoas-timer"><p style="font-size:1.5em; margin:0.2em 0">'
                f"<b>{escape(elapsed)}</b> · {escape(remaining)}</p>"
                f"<p>{escape(window)} {escape(self._step_text(state))}</p></div>")

    def _status_text(self, state: TimerState) -> str:
        if state.phase == "ready":
            return _("Ready. Press Start when the release begins.")
        if state.phase == "finished":
            return _("Maximum reached ({maximum}): stop the release and reassess with the checklist below.").format(
                **self._window())
        if state.phase == "paused":
            phase = _("Paused at {elapsed}. Press Resume to go on.").format(elapsed=clock_text(state.elapsed_seconds))
        elif state.step is None:
            phase = _("Running. The suggested split is over; the window runs on to its maximum.")
        else:
            phase = _("Running. Suggested step {number} of {count}: {step}.").format(
                number=state.step + 1, count=len(self.timer.split),
                step=self.names[self.timer.split[state.step].movement])
        if state.minimum_reached:
            phase += " " + _("In the window: {minimum} to {maximum}, or until you feel a change.").format(
                **self._window())
        return phase

    def _split_html(self, state: TimerState) -> str:
        items, now = [], _("now")
        for index, step in enumerate(self.timer.split):
            text = _("{step}: {duration} (from {start} to {end})").format(
                step=self.names[step.movement], duration=clock_text(step.end_seconds - step.start_seconds),
                start=clock_text(step.start_seconds), end=clock_text(step.end_seconds))
            items.append(f"<li><b>{escape(text)} ◀ {escape(now)}</b></li>" if index == state.step
                         else f"<li>{escape(text)}</li>")
        note = _("The clinical source gives only the total time; instructors can change this split in the lesson "
                 "file, under dose.suggested_split.")
        return (f"<p><b>{escape(self.split_label)}</b>. {escape(note)}</p>"
                f'<ol class="psoas-split">{"".join(items)}</ol>')


def checklist_html(lesson: Lesson) -> str:
    """The reassessment after the release as a checklist of plain HTML checkboxes.

    Plain `<label><input type="checkbox">` rather than ipywidgets' Checkbox, whose labels are cut off
    with "..." on one line: every word of an item (such as the Thomas-test caution) must stay visible.
    The ticks are for the session at hand and are not saved.
    """
    reassessment, heading = lesson.reassessment, _("Then reassess")
    items = "".join(f'<li><label><input type="checkbox"> {fact_html(item)}</label></li>'
                    for item in reassessment.items)
    return (f"<h4>{escape(heading)}</h4>"
            f"<p>{escape(reassessment.text)} {sources_html(reassessment.sources)}</p>"
            f'<ul class="psoas-checklist" style="list-style:none; padding-left:0">{items}</ul>')
