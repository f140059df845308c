"""Does the multiple-choice view grade through grade_choice, announce feedback and save the answer?"""

from psoas_lib.exercises.choice import display_order, grade_choice
from psoas_lib.progress import Progress
from psoas_lib.widgets.choice import ChoiceQuestion
from psoas_lib.widgets.controls import FeedbackRegion


def test_every_option_has_its_own_explanation(lesson):
    question = lesson.quizzes.landmarks[1]
    results = [grade_choice(question, i) for i in range(len(question.options))]
    assert [r.correct for r in results] == [o.correct for o in question.options]
    assert len({r.message for r in results}) == len(results)


def test_choosing_nothing_asks_for_a_choice(lesson):
    view = ChoiceQuestion(lesson.quizzes.landmarks[0], "landmarks")
    assert view.answer(None) is None
    assert "Choose an answer first." in view.feedback.value


def test_a_wrong_answer_is_explained_in_words_and_saved(lesson, tmp_path):
    progress = Progress(lesson.id, student="ana", directory=tmp_path)
    question = next(q for q in lesson.quizzes.landmarks if q.id == "pulse")
    view = ChoiceQuestion(question, "landmarks", progress)
    medial = [o.text for o in question.options].index("Move more medial")
    view.options.value = medial
    view.check.click()
    assert "Not quite." in view.feedback.value and isinstance(view.feedback, FeedbackRegion)
    assert "moving medial brings you closer" in view.feedback.value
    restored = ChoiceQuestion(question, "landmarks", Progress(lesson.id, student="ana", directory=tmp_path))
    assert restored.options.value == medial


def test_lesson_text_is_escaped(lesson):
    question = lesson.quizzes.landmarks[0].model_copy(update={"prompt": "<script>alert(1)</script>"})
    view = ChoiceQuestion(question, "landmarks")
    assert "<script>" not in view.prompt.value and "&lt;script&gt;" in view.prompt.value


def test_the_right_answer_is_not_always_shown_in_the_same_place(lesson):
    questions = [*lesson.quizzes.landmarks, *lesson.palpation.confirmation]
    places = set()
    for question in questions:
        shown = [index for _text, index in ChoiceQuestion(question, "landmarks").options.options]
        assert sorted(shown) == list(range(len(question.options)))
        assert shown == display_order(question)  # the same order every time
        places.add(next(place for place, index in enumerate(shown) if question.options[index].correct))
    assert len(places) > 1
