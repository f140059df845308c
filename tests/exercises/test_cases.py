"""Is the case self-check built from the lesson's indications, and is every answer graded and explained?"""

from psoas_lib.exercises.cases import case_question, case_questions, mechanism_choices
from psoas_lib.exercises.choice import grade_choice
from psoas_lib.lesson import load_lesson

NEW_CASE = """\
  - id: hip-flexion-contracture
    title: Hip flexion contracture
    presentation: >-
      A patient cannot lie flat with the hip extended.
    mechanism: >-
      A short psoas keeps the hip flexed.
    mechanism_in_brief: A short psoas keeps the hip flexed
    why_release_helps: >-
      Releasing it may let the hip extend.
    sources: [post]
"""


def option_index(question, text):
    return [option.text for option in question.options].index(text)


def test_there_is_one_question_per_case_in_the_lessons_order(lesson):
    questions = case_questions(lesson.indications)
    assert [q.id for q in questions] == [case.id for case in lesson.indications]
    assert all(case.title in q.prompt and case.presentation in q.prompt
               for q, case in zip(questions, lesson.indications))


def test_the_right_answer_is_the_cases_own_mechanism(lesson):
    for case in lesson.indications:
        question = case_question(case, lesson.indications)
        feedback = grade_choice(question, option_index(question, case.mechanism_in_brief))
        assert feedback.correct
        assert case.mechanism in feedback.message and case.why_release_helps in feedback.message


def test_a_wrong_answer_names_the_case_it_belongs_to_and_gives_the_right_mechanism(lesson):
    by_id = {case.id: case for case in lesson.indications}
    runner, stenosis = by_id["runner-si"], by_id["stenosis"]
    question = case_question(runner, lesson.indications)
    feedback = grade_choice(question, option_index(question, stenosis.mechanism_in_brief))
    assert not feedback.correct
    assert stenosis.title in feedback.message and runner.mechanism in feedback.message


def test_every_option_of_every_question_has_an_explanation_and_exactly_one_is_right(lesson):
    for question in case_questions(lesson.indications):
        results = [grade_choice(question, i) for i in range(len(question.options))]
        assert sum(r.correct for r in results) == 1
        assert all(r.message.strip() for r in results)
        assert len({r.message for r in results}) == len(results)


def test_options_are_sorted_so_their_order_gives_nothing_away(lesson):
    choices = mechanism_choices(lesson.indications)
    assert list(choices) == sorted(choices) and len(choices) == len(lesson.indications)
    for question in case_questions(lesson.indications):
        assert tuple(option.text for option in question.options) == choices
    right_positions = {[o.correct for o in q.options].index(True) for q in case_questions(lesson.indications)}
    assert len(right_positions) > 1


def test_a_case_added_to_a_lesson_copy_is_asked_and_offered(lesson_text, write_lesson):
    marker = "\n# Shown before any hands-on step."
    assert lesson_text.count(marker) == 1
    copy = load_lesson(write_lesson(lesson_text.replace(marker, NEW_CASE + marker)))
    questions = case_questions(copy.indications)
    assert questions[-1].id == "hip-flexion-contracture"
    assert all("A short psoas keeps the hip flexed" in [o.text for o in q.options] for q in questions)
    assert grade_choice(questions[-1], option_index(questions[-1], "A short psoas keeps the hip flexed")).correct


def test_cases_sharing_a_mechanism_share_one_option_that_is_right_for_both(lesson):
    shared = "The post gives no mechanism"
    cases = [case.model_copy(update={"mechanism_in_brief": shared}) if case.id in {"posterior-ilium",
             "spondylolisthesis"} else case for case in lesson.indications]
    assert len(mechanism_choices(cases)) == len(cases) - 1
    for case in cases:
        if case.mechanism_in_brief == shared:
            question = case_question(case, cases)
            assert grade_choice(question, option_index(question, shared)).correct
