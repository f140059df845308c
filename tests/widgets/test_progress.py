"""Does the progress panel show what is saved, say once what went wrong, and reset only after confirmation? Do the
exercises say "Not saved." when their answer was not?"""

from psoas_lib.exercises.palpation import LandmarkQuiz
from psoas_lib.progress import Progress
from psoas_lib.widgets.choice import ChoiceQuestion
from psoas_lib.widgets.matching import MatchingExercise
from psoas_lib.widgets.progress import ProgressPanel
from psoas_lib.widgets.sequencing import SequencingExercise


def test_reset_asks_first_and_cancel_keeps_the_answers(tmp_path):
    progress = Progress("psoas-release", student="ana", directory=tmp_path)
    progress.record("landmarks", "pulse", "Move more lateral", True)
    panel = ProgressPanel(progress)
    assert "Saved so far: 1 question(s), 1 of them answered right." in panel.summary.value
    panel.reset_button.click()
    assert "Are you sure?" in panel.question.value and panel.confirmation.layout.display is None
    panel.cancel_button.click()
    assert progress.get("landmarks", "pulse") is not None and panel.confirmation.layout.display == "none"


def test_confirmed_reset_forgets_the_saved_answers_on_disk(tmp_path):
    progress = Progress("psoas-release", student="ana", directory=tmp_path)
    progress.record("landmarks", "pulse", "Move more lateral", True)
    panel = ProgressPanel(progress)
    panel.reset_button.click()
    panel.confirm_button.click()
    assert Progress("psoas-release", student="ana", directory=tmp_path).answers == {}
    assert "Saved so far: 0 question(s)" in panel.summary.value
    assert "restart the kernel" in panel.question.value


def test_a_damaged_file_is_announced(tmp_path):
    (tmp_path / "psoas-progress--ana.sqlite3").write_text("{not a database", encoding="utf-8")
    panel = ProgressPanel(Progress("psoas-release", student="ana", directory=tmp_path))
    assert "could not be read" in panel.notice.value and 'role="status"' in panel.notice.value


def test_the_summary_counts_answers_given_after_the_panel_was_shown(tmp_path):
    progress = Progress("psoas-release", student="ana", directory=tmp_path)
    panel = ProgressPanel(progress)
    progress.record("palpation", "placement", "6.0,0.0", True)
    progress.record("palpation", "depth", "fast", False)
    panel.refresh_button.click()
    assert "Saved so far: 2 question(s), 1 of them answered right." in panel.summary.value


def test_when_the_confirmation_closes_the_keyboard_focus_goes_back_to_reset(tmp_path, monkeypatch):
    panel = ProgressPanel(Progress("psoas-release", student="ana", directory=tmp_path))
    focused = []
    monkeypatch.setattr(panel.reset_button, "focus", lambda: focused.append("Reset my progress"))
    panel.reset_button.click()
    panel.cancel_button.click()
    panel.reset_button.click()
    panel.confirm_button.click()
    assert focused == ["Reset my progress", "Reset my progress"]


def test_hand_in_is_offered_only_where_the_class_collects(tmp_path, monkeypatch):
    monkeypatch.delenv("PSOAS_COLLECT_DIR", raising=False)
    progress = Progress("psoas-release", student="ana", directory=tmp_path)
    without = ProgressPanel(progress)
    assert without.hand_in_button not in without.buttons.children
    monkeypatch.setenv("PSOAS_COLLECT_DIR", str(tmp_path / "collect"))
    with_collection = ProgressPanel(progress)
    assert with_collection.hand_in_button in with_collection.buttons.children


def test_hand_in_copies_the_answers_and_says_how_many(tmp_path):
    (tmp_path / "collect").mkdir()
    progress = Progress("psoas-release", student="ana", directory=tmp_path / "home")
    panel = ProgressPanel(progress, collection=tmp_path / "collect")
    progress.record("palpation", "depth", "slow", True)
    panel.hand_in_button.click()
    assert (tmp_path / "collect/psoas-release--ana.hand-in.json").exists()
    assert "Handed in: your instructor now has your 1 saved answer(s)." in panel.handed_in.value
    assert "Saved so far: 1 question(s)" in panel.summary.value


def test_a_failed_hand_in_says_so_and_keeps_the_answers(tmp_path):
    progress = Progress("psoas-release", student="ana", directory=tmp_path / "home")
    progress.record("palpation", "depth", "slow", True)
    panel = ProgressPanel(progress, collection=tmp_path / "no such folder")
    panel.hand_in_button.click()
    assert "Could not hand in" in panel.handed_in.value and "still saved here" in panel.handed_in.value
    assert Progress("psoas-release", student="ana", directory=tmp_path / "home").get("palpation", "depth")


# -- a failure to save is said once in the panel, and "Not saved." beside each exercise's feedback -----------

def broken_progress(tmp_path):
    (tmp_path / "progress").write_text("a file where the progress folder should be")
    return Progress("psoas-release", student="ana", directory=tmp_path / "progress")


def test_a_failure_to_save_is_said_once_and_no_exercise_claims_its_answer_saved(lesson, tmp_path):
    progress = broken_progress(tmp_path)
    panel = ProgressPanel(progress)
    assert "is not a folder" in panel.problem.value and "You can go on" in panel.problem.value
    said = panel.problem.value
    question = next(q for q in lesson.quizzes.landmarks if q.id == "pulse")
    choice = ChoiceQuestion(question, "landmarks", progress)
    choice.options.value = [o.correct for o in question.options].index(True)
    choice.check.click()
    assert "Correct." in choice.feedback.value and "Not saved." in choice.feedback.value
    sequencing = SequencingExercise(lesson.progression, progress)
    sequencing.check.click()
    assert "Not saved." in sequencing.feedback.value
    matching = MatchingExercise(lesson.progression, progress)
    next(iter(matching.dropdowns.values())).value = next(iter(matching.dropdowns.values())).options[1][1]
    matching.check.click()
    assert "Not saved." in matching.feedback.value
    quiz = LandmarkQuiz(lesson.palpation, progress)
    assert quiz.place(6.0, 0.0).saved is False
    assert panel.problem.value == said  # one message, not one per answer


def test_an_answer_that_was_saved_says_nothing_more(lesson, tmp_path):
    progress = Progress("psoas-release", student="ana", directory=tmp_path)
    panel = ProgressPanel(progress)
    choice = ChoiceQuestion(lesson.quizzes.landmarks[0], "landmarks", progress)
    choice.options.value = 0
    choice.check.click()
    assert "Not saved." not in choice.feedback.value and panel.problem.value == ""


def test_reset_and_hand_in_say_when_the_progress_cannot_be_used(tmp_path):
    progress = broken_progress(tmp_path)
    panel = ProgressPanel(progress, collection=tmp_path)
    panel.reset_button.click()
    panel.confirm_button.click()
    assert "Nothing was reset" in panel.question.value
    panel.hand_in_button.click()
    assert "Could not hand in: The progress folder" in panel.handed_in.value


def test_an_answer_to_a_changed_question_is_not_shown_as_the_answer(lesson, tmp_path):
    question = next(q for q in lesson.quizzes.landmarks if q.id == "pulse")
    progress = Progress("psoas-release", student="ana", directory=tmp_path)
    first = ChoiceQuestion(question, "landmarks", progress)
    first.options.value = [o.correct for o in question.options].index(True)
    first.check.click()
    changed = question.model_copy(update={"prompt": question.prompt + " (now asked differently)"})
    again = ChoiceQuestion(changed, "landmarks", progress)
    assert again.options.value is None
    assert "The question changed since you answered it" in again.feedback.value
    assert "Correct." not in again.feedback.value
    assert [a["question"] for a in progress.history()] == ["pulse"]  # kept in the history


def test_a_store_damaged_while_the_notebook_is_open_is_announced_when_it_is_kept_aside(tmp_path):
    progress = Progress("psoas-release", student="ana", directory=tmp_path)
    panel = ProgressPanel(progress)
    progress.record("landmarks", "pulse", "x", True)
    assert panel.notice.value == ""
    progress.path.write_bytes(b"overwritten by something else" * 50)
    assert progress.record("landmarks", "pulse", "y", True) is not None
    assert "could not be read" in panel.notice.value and ".damaged-" in panel.notice.value
    assert panel.problem.value == ""
