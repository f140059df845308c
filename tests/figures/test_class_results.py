"""Do the dashboard's charts draw what their descriptions say: the hardest questions first with their counts as
text, and the hand-ins rising to the number handed in, in greys only?"""

from datetime import datetime, timezone

import matplotlib.colors

from psoas_lib.dashboard import ClassResults, QuestionResult, StudentStatus
from psoas_lib.figures.class_results import CHART_QUESTIONS, first_try_chart, first_try_title, hand_in_chart


def results(questions=3, handed=2, missing=1):
    qs = [QuestionResult("psoas-release", f"landmarks/q{n}", f"Question {n}", 4, min(n, 4), 1, ())
          for n in range(questions)]
    students = [StudentStatus(f"s{n}", True, datetime(2026, 12, 1, 9, 10 * n, tzinfo=timezone.utc), True, {})
                for n in range(handed)]
    students += [StudentStatus(f"m{n}", False, None, True, {}) for n in range(missing)]
    return ClassResults(students, qs, {}, [])


def test_each_question_is_a_bar_of_its_first_try_share_with_its_count_beside_it(texts):
    figure = first_try_chart(results())
    (axes,) = figure.axes
    assert [bar.get_width() for bar in axes.patches] == [0, 25, 50]
    assert [label.get_text() for label in axes.get_yticklabels()] == ["Question 0", "Question 1", "Question 2"]
    assert texts(figure) == ["Right at the first try, per question", "0 of 4", "1 of 4", "2 of 4"]


def test_a_long_list_is_cut_to_the_hardest_and_the_title_says_so(texts):
    many = results(questions=CHART_QUESTIONS + 3)
    (axes,) = first_try_chart(many).axes
    assert len(axes.patches) == CHART_QUESTIONS
    assert first_try_title(many) == (
        f"Right at the first try: the {CHART_QUESTIONS} hardest of {CHART_QUESTIONS + 3} questions")
    assert axes.get_title() == first_try_title(many)


def test_the_hand_in_chart_rises_to_the_number_handed_in_below_the_class_line():
    (axes,) = hand_in_chart(results(handed=3, missing=2)).axes
    steps, class_line = axes.lines
    assert list(steps.get_ydata()) == [1, 2, 3]
    assert list(steps.get_xdata()) == [datetime(2026, 12, 1, 9, m, tzinfo=timezone.utc) for m in (0, 10, 20)]
    assert set(class_line.get_ydata()) == {5}
    assert all(float(tick).is_integer() for tick in axes.get_yticks())  # no half students


def test_the_charts_use_greys_only(colours):
    for figure in (first_try_chart(results()), hand_in_chart(results())):
        hexes = [matplotlib.colors.to_hex(c) for c in colours(figure)]
        assert all(h[1:3] == h[3:5] == h[5:7] for h in hexes), hexes
