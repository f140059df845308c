"""Does the case explorer tell each case's story, and does the self-check grade, explain, score and save?"""

from html import escape

from psoas_lib.exercises.cases import EXERCISE
from psoas_lib.progress import Progress
from psoas_lib.widgets.cases import CaseExplorer, CaseSelfCheck


def choose(view, text):
    """Pick the option with this text and press the check button, as a student would."""
    view.options.value = [option.text for option in view.question.options].index(text)
    view.check.click()


def test_the_explorer_lists_every_case_and_tells_the_chosen_ones_story(lesson):
    explorer = CaseExplorer(lesson.indications)
    assert [label for label, _id in explorer.picker.options] == [case.title for case in lesson.indications]
    assert explorer.picker.label == "Case"  # the group's accessible name
    femoral = next(case for case in lesson.indications if case.id == "femoral-nerve")
    explorer.picker.value = femoral.id
    story = explorer.story.value
    assert all(escape(text) in story for text in (femoral.title, femoral.mechanism, femoral.why_release_helps))
    assert "[post; ellis2006; lfcn-gray; gomez2023; elsevier-femoral-cutaneous]" in story and 'aria-live="polite"' in story


def test_the_explorer_escapes_lesson_text(lesson):
    case = lesson.indications[0].model_copy(update={"mechanism": "<img src=x onerror=alert(1)>"})
    story = CaseExplorer([case, *lesson.indications[1:]]).story.value
    assert "<img" not in story and "&lt;img" in story


def test_answers_are_explained_scored_and_saved(lesson, tmp_path):
    progress = Progress(lesson.id, student="ana", directory=tmp_path)
    check = CaseSelfCheck(lesson.indications, progress)
    assert "0 of 6 cases right (0 answered)" in check.score.value
    runner, stenosis = check.questions[0], check.questions[1]
    choose(runner, lesson.indications[1].mechanism_in_brief)  # the stenosis mechanism, for the runner
    assert "Not quite." in runner.feedback.value and lesson.indications[1].title in runner.feedback.value
    choose(stenosis, lesson.indications[1].mechanism_in_brief)
    assert "Correct." in stenosis.feedback.value
    assert "1 of 6 cases right (2 answered)" in check.score.value and 'aria-live="polite"' in check.score.value
    saved = progress.get(EXERCISE, "stenosis")
    assert saved.correct and saved.answer == lesson.indications[1].mechanism_in_brief


def test_a_reopened_self_check_restores_answers_and_score(lesson, tmp_path):
    first = CaseSelfCheck(lesson.indications, Progress(lesson.id, student="ana", directory=tmp_path))
    choose(first.questions[4], lesson.indications[4].mechanism_in_brief)
    again = CaseSelfCheck(lesson.indications, Progress(lesson.id, student="ana", directory=tmp_path))
    assert again.questions[4].options.value is not None and "Correct." in again.questions[4].feedback.value
    assert "1 of 6 cases right (1 answered)" in again.score.value


def test_checking_without_a_choice_asks_for_one_and_scores_nothing(lesson):
    check = CaseSelfCheck(lesson.indications)
    check.questions[0].check.click()
    assert "Choose an answer first." in check.questions[0].feedback.value
    assert "(0 answered)" in check.score.value
