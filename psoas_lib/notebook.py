"""What the first cell of every notebook calls: pick the lesson, set the language, show the notice."""

from __future__ import annotations

from html import escape
from pathlib import Path

from IPython.display import HTML, display

from . import settings
from .i18n import _, use_language
from .lesson import Lesson, LessonError, load_lesson
from .widgets.presentation import PresentationSwitch



class LessonNotUsable(Exception):
    """Raised by `start` on a broken lesson file; IPython shows only its message, not a traceback."""

    def _render_traceback_(self) -> list[str]:
        return [str(self)]


def chosen_lesson_path(path: str | Path | None = None) -> Path | None:
    """The lesson a notebook uses: `path` if given, else $PSOAS_LESSON, else None (the bundled one)."""
    if path:
        return Path(path)
    return settings.LESSON.path()


def start(path: str | Path | None = None) -> Lesson:
    """Load the chosen lesson, select its interface language, show the teaching-material notice and the
    presentation-mode switch (on from the start when $PSOAS_PRESENTATION is 1)."""
    try:
        lesson = load_lesson(chosen_lesson_path(path))
    except LessonError as error:
        raise LessonNotUsable(
            _("The lesson file cannot be used. Fix these problems and run this cell again:") + "\n" + str(error)
        ) from None
    use_language(lesson.language)
    display(HTML(notice_html(lesson)))
    display(PresentationSwitch(on=settings.PRESENTATION.on()))
    return lesson


def notice_html(lesson: Lesson) -> str:
    heading = _("Teaching material, not medical advice.")
    return (f'<div role="note" class="psoas-notice" style="border:2px solid; padding:0.5em 1em">'
            f"<b>{escape(heading)}</b> {escape(lesson.notice)}</div>")
