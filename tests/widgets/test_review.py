"""Does the review page ask again what a student missed, say how many are due, and name where to practise the rest?"""

from datetime import datetime, timedelta, timezone

from psoas_lib.progress import Progress
from psoas_lib.widgets.review import ReviewPanel, _ReviewQuestion


class Clock:
    def __init__(self):
        self.now = datetime(2026, 12, 1, 9, 0, tzinfo=timezone.utc)

    def __call__(self):
        return self.now


def test_missed_questions_are_asked_afresh_and_a_right_answer_schedules_them_later(lesson, tmp_path):
    clock = Clock()
    progress = Progress(lesson.id, student="ana", directory=tmp_path, clock=clock)
    question = lesson.quizzes.landmarks[0]
    wrong = next(i for i, o in enumerate(question.options) if not o.correct)
    progress.record("landmarks", question.id, question.options[wrong].text, False)
    progress.record("sequencing", "order", "a > b", False)
    panel = ReviewPanel(lesson, progress, clock)
    assert "Due today: 2." in panel.summary.value and 'aria-live="polite"' in panel.summary.value
    asked, elsewhere = panel.items.children
    assert isinstance(asked, _ReviewQuestion) and asked.options.value is None  # not the saved wrong answer
    assert "Not quite" not in asked.feedback.value and "notebook 03" in elsewhere.value

    clock.now += timedelta(minutes=5)
    asked.options.value = next(i for i, o in enumerate(question.options) if o.correct)
    asked.check.click()
    assert "Correct." in asked.feedback.value and "Due today: 1." in panel.summary.value
    assert progress.get("landmarks", question.id).correct  # recorded in the student's own store
    panel.again.click()
    assert len(panel.items.children) == 1


def test_nothing_due_is_said(lesson, tmp_path):
    panel = ReviewPanel(lesson, Progress(lesson.id, student="ana", directory=tmp_path), Clock())
    assert "Nothing is due today" in panel.summary.value and panel.items.children == ()
    assert panel.again.description and panel.again.layout.min_height == "32px"
