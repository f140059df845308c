"""A seeded, bounded mutation fuzzer over the bundled lesson: whatever the mutant, `psoas-lesson validate` exits 0
or 1 with no traceback, prints one line per problem, and every mutant it accepts builds every exercise, widget
and figure of the three notebooks through the calls their cells make."""

import copy
import io
import math
import re
from contextlib import redirect_stdout

import pytest
import yaml
from hypothesis import HealthCheck, Phase, event, given, settings
from hypothesis import strategies as st

from psoas_lib.cli import main
from psoas_lib.exercises.cases import case_questions
from psoas_lib.exercises.choice import grade_choice
from psoas_lib.exercises.sequencing import grade_order, shuffled
from psoas_lib.figures.anterior import draw_anterior
from psoas_lib.figures.transverse import draw_transverse
from psoas_lib.i18n import use_language
from psoas_lib.lesson import bundled_lesson_path, load_lesson
from psoas_lib.notebook import notice_html
from psoas_lib.progress import Progress
from psoas_lib.widgets.cases import CaseExplorer, CaseSelfCheck
from psoas_lib.widgets.choice import ChoiceQuestion
from psoas_lib.widgets.figure import png_bytes
from psoas_lib.widgets.matching import MatchingExercise
from psoas_lib.widgets.palpation import PalpationQuiz
from psoas_lib.widgets.progress import ProgressPanel
from psoas_lib.widgets.screening import SafetyScreen
from psoas_lib.widgets.sequencing import SequencingExercise
from psoas_lib.widgets.technique import walkthrough
from psoas_lib.widgets.text import facts_html, references_html
from psoas_lib.widgets.timer import SessionTimerView

MUTANTS = 300


class Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """Writes a value used twice out twice, as an instructor would, instead of as an anchor and an alias."""

    def ignore_aliases(self, data):
        return True

BUNDLED = yaml.safe_load(bundled_lesson_path().read_text(encoding="utf-8"))


def locations(node, loc=()):
    """Every key and item path of the tree."""
    yield loc
    children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, child in children:
        yield from locations(child, (*loc, key))


LOCATIONS = list(locations(BUNDLED))[1:]


def at(tree, loc):
    for part in loc:
        tree = tree[part]
    return tree


HOSTILE_VALUES = [0, -1, 1e308, -1e308, math.inf, -math.inf, math.nan, 10 ** 30, True, None, "", " ", "yes",
                  r"$\frac{$", "$x^2$", "<script>alert(1)</script>", "a" * 6000, "é" * 40, "\u202e", [], {},
                  [[0, 0]], [[0, 0], [0, 0]], [1e9, 1e9], "post", "oscillations"]
values = st.one_of(st.sampled_from(HOSTILE_VALUES), st.integers(), st.floats(), st.text(max_size=20),
                   st.sampled_from([at(BUNDLED, loc) for loc in LOCATIONS[:400]]))


@st.composite
def mutants(draw):
    """The bundled lesson's text after one to three changes to its tree, and maybe a change to the text."""
    tree = copy.deepcopy(BUNDLED)
    for _ in range(draw(st.integers(1, 3))):
        loc = draw(st.sampled_from(LOCATIONS))
        try:
            parent = at(tree, loc[:-1])
            key = loc[-1]
            parent[key]
        except (KeyError, IndexError, TypeError):
            continue
        operation = draw(st.sampled_from(["replace", "delete", "duplicate", "swap", "unknown"]))
        if operation == "replace":
            parent[key] = draw(values)
        elif operation == "delete":
            del parent[key]
        elif operation == "duplicate" and isinstance(parent, list):
            parent.insert(key, parent[key])
        elif operation == "swap" and isinstance(parent, list) and len(parent) > 1:
            other = draw(st.integers(0, len(parent) - 1))
            parent[key], parent[other] = parent[other], parent[key]
        elif operation == "unknown" and isinstance(parent, dict):
            parent[draw(st.text(min_size=1, max_size=10))] = draw(values)
    text = yaml.dump(tree, Dumper=Dumper, allow_unicode=draw(st.booleans()), sort_keys=False, width=100)
    if draw(st.integers(0, 3)) == 0:  # and sometimes the text itself: a character, or a line, in or out
        lines = text.splitlines(keepends=True)
        index = draw(st.integers(0, len(lines) - 1))
        change = draw(st.sampled_from(["character", "drop", "repeat", "cut"]))
        if change == "character":
            column = draw(st.integers(0, len(lines[index])))
            lines[index] = lines[index][:column] + draw(st.characters()) + lines[index][column:]
        elif change == "drop":
            del lines[index]
        elif change == "repeat":
            lines.insert(index, lines[index])
        else:
            lines = lines[:index]
        text = "".join(lines)
    return text


def build_everything(lesson, folder, bundled):
    """What the three notebooks' cells build from a lesson, run as plain Python (figures only when they differ
    from the `bundled` lesson's, which the figure tests draw)."""
    use_language(lesson.language)
    try:
        progress = Progress(lesson.id, student="fuzz", directory=folder)
        notice_html(lesson)
        ProgressPanel(progress)
        shown = [*lesson.overview, *lesson.anatomy.attachments, *lesson.anatomy.nerve_supply,
                 *lesson.anatomy.function, *lesson.anatomy.neighbours, *lesson.indications, *lesson.corrections]
        for facts in (lesson.overview, lesson.anatomy.attachments, lesson.anatomy.nerve_supply,
                      lesson.anatomy.function, lesson.anatomy.neighbours, lesson.corrections):
            facts_html(facts)
        references_html(lesson, {source for item in shown for source in item.sources})
        references_html(lesson)
        CaseExplorer(lesson.indications)
        CaseSelfCheck(lesson.indications, progress)
        for question in [*case_questions(lesson.indications), *lesson.quizzes.landmarks]:
            for index in range(len(question.options)):
                grade_choice(question, index)
        screen = SafetyScreen(lesson)
        gates = [screen.gate(walkthrough(lesson)), screen.gate(lambda: PalpationQuiz(lesson, progress)),
                 screen.gate(*(ChoiceQuestion(q, "landmarks", progress) for q in lesson.quizzes.landmarks))]
        for item in lesson.safety.screening:
            screen.answer(item.id, False)
        assert not any(gate.locked for gate in gates)
        SequencingExercise(lesson.progression, progress)
        grade_order(lesson.progression, shuffled(lesson.progression.order, 4))
        MatchingExercise(lesson.progression, progress)
        facts_html([lesson.progression.last_step_note])
        SessionTimerView(lesson)
        facts_html([lesson.dose, *lesson.home_programme])
        drawn_from = (lesson.figures, lesson.palpation.start_zone)
        if drawn_from != (bundled.figures, bundled.palpation.start_zone):  # all the figures draw from
            png_bytes(draw_anterior(lesson))
            png_bytes(draw_transverse(lesson))
    finally:
        use_language("en")


PROBLEM_LINE = r"{path}:\d+:\d+: \S[^\n]*: \S[^\n]*"
ID_LISTS = [loc for loc in LOCATIONS if isinstance(at(BUNDLED, loc), list) and at(BUNDLED, loc)
            and all(isinstance(item, dict) and "id" in item for item in at(BUNDLED, loc))]


@st.composite
def short_lessons(draw):
    """A short lesson extending the bundled one: changed values, items changed, removed, added or reordered
    by id (ids that exist and ids that do not), as an instructor might write it."""
    short: dict = {"schema_version": 1, "extends": "bundled"}
    for _ in range(draw(st.integers(1, 4))):
        loc = draw(st.sampled_from(ID_LISTS))
        items = at(BUNDLED, loc)
        item = copy.deepcopy(draw(st.sampled_from(items)))
        target = short
        for part in loc[:-1]:
            target = target.setdefault(part, {})
            if not isinstance(target, dict):
                break
        else:
            change = draw(st.sampled_from(["field", "remove", "new", "unknown id", "reorder"]))
            if change == "reorder":
                ids = draw(st.permutations([i["id"] for i in items]))
                short.setdefault("reorder", {})[".".join(map(str, loc))] = list(ids[: draw(st.integers(0, len(ids)))])
                continue
            entry = {"id": item["id"] if change != "unknown id" else draw(st.text(min_size=1, max_size=8))}
            if change == "field":
                field = draw(st.sampled_from(sorted(item)))
                entry[field] = draw(values)
            elif change == "remove":
                entry["remove"] = True
            elif change == "new":
                entry = {**item, "id": item["id"] + "-new", "new": True}
            target.setdefault(loc[-1], []).append(entry)
    return yaml.dump(short, Dumper=Dumper, allow_unicode=True, sort_keys=False)


def validate_and_use(path, folder, bundled):
    """`psoas-lesson validate PATH`: exit 0 and the lesson builds every notebook, or exit 1 and one line per
    problem."""
    out = io.StringIO()
    with redirect_stdout(out):
        status = main(["validate", str(path)])
    lines = out.getvalue().splitlines()
    assert status in (0, 1)
    event("accepted" if status == 0 else "refused")  # shown by --hypothesis-show-statistics
    if status == 1:
        assert lines and all(re.fullmatch(PROBLEM_LINE.format(path=re.escape(str(path))), line) for line in lines)
    else:
        assert lines == [f"{path}: ok"]
        build_everything(load_lesson(path), folder, bundled)


@pytest.mark.filterwarnings("ignore::UserWarning")  # matplotlib's warnings about glyphs missing from its font
# Seeded (derandomize), no time limit per mutant, no shrinking: a failure prints the blob that reproduces it.
@settings(max_examples=MUTANTS, deadline=None, derandomize=True, database=None, print_blob=True,
          phases=[Phase.explicit, Phase.generate],
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.function_scoped_fixture])
@given(text=mutants())
def test_a_mutant_is_refused_in_one_line_problems_or_runs_every_notebook(text, tmp_path, lesson):
    path = tmp_path / "mutant.yaml"
    path.write_text(text, encoding="utf-8")
    validate_and_use(path, tmp_path / "progress", lesson)


@pytest.mark.filterwarnings("ignore::UserWarning")
@settings(max_examples=MUTANTS // 4, deadline=None, derandomize=True, database=None, print_blob=True,
          phases=[Phase.explicit, Phase.generate],
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=short_lessons())
def test_a_short_lesson_is_refused_in_one_line_problems_or_runs_every_notebook(text, tmp_path, lesson):
    path = tmp_path / "short.yaml"
    path.write_text(text, encoding="utf-8")
    validate_and_use(path, tmp_path / "progress", lesson)
