"""Does any widget show interface text that is not translated?

Every widget of the package is built and driven through its main states (wrong and right answers, moved
fingertips, a running timer on a fake clock, a screening "yes" ...), and every text it shows is read back:
descriptions, tooltips, option labels, placeholders, the text and accessible names of its HTML, and the
texts of its drawings. Two checks:

- with the German example lesson (`language: de`), no English interface message whose German differs
  is shown: a string built before the language was chosen, or left out of the catalogue, would be;
- with a marking catalogue that wraps every message in ⟦ ⟧, every word shown comes from `_()` or from the
  lesson: a hard-coded English word would be left over.
"""

import gettext
import re
from html.parser import HTMLParser
from pathlib import Path

import ipywidgets as w
import pytest
from babel.messages.pofile import read_po
from matplotlib.backend_bases import MouseEvent
from matplotlib.figure import Figure
from matplotlib.text import Text

from psoas_lib import i18n
from psoas_lib.figures.anterior import draw_anterior
from psoas_lib.figures.transverse import draw_transverse
from psoas_lib.lesson import load_lesson
from psoas_lib.notebook import notice_html
from psoas_lib.progress import Progress
from psoas_lib.widgets.cases import CaseExplorer, CaseSelfCheck
from psoas_lib.widgets.choice import ChoiceQuestion
from psoas_lib.widgets.controls import FeedbackRegion, OrderingList, RadioGroup
from psoas_lib.widgets.figure import FigureView
from psoas_lib.widgets.matching import MatchingExercise
from psoas_lib.widgets.palpation import PalpationQuiz
from psoas_lib.widgets.presentation import PresentationSwitch
from psoas_lib.widgets.progress import ProgressPanel
from psoas_lib.widgets.review import ReviewPanel
from psoas_lib.widgets.screening import SafetyScreen
from psoas_lib.widgets.sequencing import SequencingExercise
from psoas_lib.widgets.sinking import SinkingStep
from psoas_lib.widgets.technique import walkthrough
from psoas_lib.widgets.timer import SessionTimerView

GERMAN_LESSON = Path(__file__).resolve().parents[2] / "docs" / "examples" / "psoas_release.de.yaml"
SHOWN_ATTRIBUTES = ("description", "tooltip", "placeholder")
ANNOUNCED_HTML_ATTRIBUTES = {"aria-label", "alt", "title", "placeholder"}


class _HTMLText(HTMLParser):
    """The words an HTML value shows or announces: its text and accessible names, not its CSS."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        self._hidden += tag in ("style", "script")
        self.parts += [value for name, value in attrs if name in ANNOUNCED_HTML_ATTRIBUTES and value]

    def handle_endtag(self, tag):
        self._hidden -= tag in ("style", "script")

    def handle_data(self, data):
        if not self._hidden:
            self.parts.append(data)


def html_texts(value: str) -> list[str]:
    parser = _HTMLText()
    parser.feed(value)
    parser.close()
    return parser.parts


def figure_texts(figure: Figure) -> list[str]:
    return [text.get_text() for text in figure.findobj(Text) if text.get_text()]


def shown_texts(node) -> list[str]:
    """Every text `node` (a widget tree, or a drawing) shows, whitespace made single spaces."""
    found: list[str] = []
    if isinstance(node, Figure):
        found += figure_texts(node)
    elif isinstance(getattr(node, "figure", None), Figure):  # an ipympl canvas
        found += figure_texts(node.figure)
    if isinstance(node, w.Widget):
        found += [getattr(node, name) for name in SHOWN_ATTRIBUTES if isinstance(getattr(node, name, None), str)]
        found += list(getattr(node, "_options_labels", ()))
        if isinstance(node, (w.HTML, w.HTMLMath, w.Label, FeedbackRegion)):
            found += html_texts(node.value)
        if isinstance(node, RadioGroup):
            found += [node.label, *node.labels]
        if isinstance(node, OrderingList):
            found += [node.label, node.up_text, node.down_text, *node.up_names, *node.down_names]
        for child in getattr(node, "children", ()):
            found += shown_texts(child)
    return [" ".join(text.split()) for text in found if text.strip()]


class FakeClock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def answer(question: ChoiceQuestion, correct: bool) -> None:
    question.options.value = next(i for i, option in enumerate(question.question.options) if option.correct == correct)
    question.check.click()


def click_beside_the_drawing(quiz: PalpationQuiz) -> None:
    quiz.canvas.draw()
    quiz.canvas.callbacks.process("button_press_event",
                                  MouseEvent("button_press_event", quiz.canvas, 2, 2, button=1))


def tour(lesson, directory: Path):
    """Build every widget and drive it through its main states, yielding (state, widget) at each."""
    progress = Progress(lesson.id, student="ana", directory=directory / "progress")

    yield "notice", w.HTML(notice_html(lesson))
    switch = PresentationSwitch()
    yield "presentation mode off", switch
    switch.toggle.value = True
    yield "presentation mode on", switch

    screen = SafetyScreen(lesson)
    page = w.VBox([screen, screen.gate(walkthrough(lesson))])
    yield "screen unanswered", page
    screen.answer(lesson.safety.screening[0].id, True)
    yield "screen with a yes", page
    for item in lesson.safety.screening:
        screen.answer(item.id, False)
    yield "screen clear", page

    palpation = lesson.palpation
    zone_x_cm = (palpation.start_zone.lateral_min_cm + palpation.start_zone.lateral_max_cm) / 2
    (aorta_x_cm, aorta_top_cm), (_x, aorta_bottom_cm) = palpation.arteries[0].path_cm[:2]
    sink_clock = FakeClock()
    quiz = PalpationQuiz(lesson, progress, clock=sink_clock)
    yield "quiz start", quiz
    for key in ("left", "up", "right", "down", "right"):
        quiz.moves[key].click()
    yield "fingertips moved", quiz
    click_beside_the_drawing(quiz)
    yield "click beside the drawing", quiz
    for x_cm, y_cm in [(aorta_x_cm, (aorta_top_cm + aorta_bottom_cm) / 2), (-2, -5), (0.1, 0), (-zone_x_cm, 6),
                       (zone_x_cm, -6), (12, 0), (-zone_x_cm, 0)]:
        quiz.place(x_cm, y_cm)
        yield f"placed at {x_cm}, {y_cm}", quiz
    click_beside_the_drawing(quiz)
    yield "click after placing", quiz
    step = quiz.sinking
    step.flex_button.click()
    yield "hip flexion before sinking", quiz
    step.sink_button.click()
    step.sink_button.click()
    yield "sunk in fast", quiz
    while not step.sink_button.disabled:
        sink_clock.now += step.simulation.min_interval_seconds
        step.sink_button.click()
        yield f"sunk to {step.simulation.depth_cm:g} cm", quiz
    step.flex_button.click()
    yield "sunk in slowly and confirmed", quiz
    step.sink_button.click()
    yield "pressed after the attempt", quiz
    for question in quiz.questions:
        question.check.click()
        yield f"{question.question.id} unanswered", quiz
        answer(question, correct=False)
        yield f"{question.question.id} wrong", quiz
        answer(question, correct=True)
        yield f"{question.question.id} right", quiz
    quiz.restart_button.click()
    yield "quiz restarted", quiz

    sinking = SinkingStep(lesson, lambda _speed: None, FakeClock())
    sinking.enable(True)
    for patient, position in zip(lesson.palpation.sinking.patients, [(6.0, 0.0), (3.0, 0.0), (5.0, 0.0)]):
        sinking.start(position)
        sinking.patient.value = patient.id
        yield f"patient {patient.id}", sinking
        sinking.sink_button.click()
        yield f"patient {patient.id} sunk in", sinking

    landmark = ChoiceQuestion(lesson.quizzes.landmarks[0], "landmarks", progress)
    landmark.check.click()
    yield "landmark unanswered", landmark
    answer(landmark, correct=False)
    yield "landmark wrong", landmark
    answer(landmark, correct=True)
    yield "landmark right", landmark

    explorer = CaseExplorer(lesson.indications)
    for case in lesson.indications:
        explorer.picker.value = case.id
        yield f"case {case.id}", explorer
    self_check = CaseSelfCheck(lesson.indications, progress)
    yield "self-check", self_check
    answer(self_check.questions[0], correct=False)
    answer(self_check.questions[1], correct=True)
    yield "self-check answered", self_check

    sequencing = SequencingExercise(lesson.progression, progress)
    yield "sequence shuffled", sequencing
    sequencing.steps.press(0, -1)
    yield "first step moved up", sequencing
    sequencing.steps.press(len(sequencing.order) - 1, +1)
    yield "last step moved down", sequencing
    sequencing.steps.press(0, +1)
    yield "a step moved down", sequencing
    sequencing.check.click()
    yield "sequence checked", sequencing
    sequencing.start_again.click()
    yield "sequence shuffled again", sequencing
    for target, step in enumerate(lesson.progression.order):
        for index in range(sequencing.order.index(step), target, -1):
            sequencing.steps.press(index, -1)
    sequencing.check.click()
    yield "sequence in order", sequencing

    matching = MatchingExercise(lesson.progression, progress)
    matching.check.click()
    yield "matching unanswered", matching
    dropdowns = list(matching.dropdowns.values())
    for dropdown in dropdowns:
        dropdown.value = dropdown.options[-1][1]
    matching.check.click()
    yield "matching partly wrong", matching
    for (movement_id, role), dropdown in matching.dropdowns.items():
        movement = lesson.movement(movement_id)
        dropdown.value = movement.therapist if role == "therapist" else movement.patient
    matching.check.click()
    yield "matching right", matching

    clock = FakeClock()
    timer = SessionTimerView(lesson, clock)
    yield "timer ready", timer
    timer.start_button.click()
    for seconds in (75, lesson.dose.window.min_minutes * 60 + 1, lesson.dose.suggested_split.total_seconds + 1):
        clock.now = seconds
        timer.refresh()
        yield f"timer running at {seconds} s", timer
    timer.pause_button.click()
    yield "timer paused", timer
    timer.resume_button.click()
    clock.now = lesson.dose.window.max_minutes * 60 + 60
    timer.refresh()
    yield "timer finished", timer
    timer.reset_button.click()
    yield "timer reset", timer

    review = ReviewPanel(lesson, progress)
    yield "review due", review
    for item in review.items.children:
        if isinstance(item, ChoiceQuestion):
            answer(item, correct=True)
    yield "review answered", review

    panel = ProgressPanel(progress)
    yield "progress summary", panel
    panel.reset_button.click()
    yield "progress reset asked", panel
    panel.cancel_button.click()
    yield "progress reset cancelled", panel
    panel.reset_button.click()
    panel.confirm_button.click()
    yield "progress reset", panel

    yield "anterior figure", FigureView(draw_anterior(lesson), lesson.figures.anterior.title,
                                        lesson.figures.anterior.description)
    yield "anterior drawing", draw_anterior(lesson)
    yield "transverse drawing", draw_transverse(lesson)


def damaged_progress_panel(lesson, directory: Path) -> ProgressPanel:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / f"{lesson.id}--ana.json").write_text("{not json", encoding="utf-8")
    return ProgressPanel(Progress(lesson.id, student="ana", directory=directory))


@pytest.fixture
def german_lesson():
    """The German example lesson, with the interface in German; English again afterwards."""
    lesson = load_lesson(GERMAN_LESSON)
    i18n.use_language(lesson.language)
    yield lesson
    i18n.use_language("en")


def english_messages_translated_differently() -> dict[str, re.Pattern]:
    """A pattern for every English message whose German is not the same text (placeholders match anything)."""
    with i18n.catalogue_path("de").open("rb") as po:
        catalogue = read_po(po)
    patterns = {}
    for message in catalogue:
        if message.id and message.string and message.string != message.id:
            parts = re.split(r"\{[a-z_]+(?::[^}]*)?\}", message.id)
            patterns[message.id] = re.compile(r"(?<!\w)" + ".+?".join(map(re.escape, parts)) + r"(?!\w)")
    return patterns


def test_the_tour_shows_every_kind_of_text(german_lesson, tmp_path):
    """The check below can fail: the tour does reach the interface texts it looks for."""
    shown = " | ".join(text for _state, widget in tour(german_lesson, tmp_path) for text in shown_texts(widget))
    for german in ["Antwort prüfen", "Nach oben: ", "Fingerkuppen: ", "Vergangen 01:15", "Stopp: ", "Zuordnung prüfen",
                   "Damit werden alle gespeicherten Antworten", "✔ Quiz abgeschlossen", "jetzt", "Beschreibung",
                   "Der Präsentationsmodus ist an.", "Lehrmaterial, keine medizinische Beratung."]:
        assert german in shown
    assert english_messages_translated_differently()["Move up: {step}"].search("Move up: Heel slide")


def test_no_widget_shows_english_interface_text_in_a_german_lesson(german_lesson, tmp_path):
    patterns = english_messages_translated_differently()
    found = []
    for state, widget in tour(german_lesson, tmp_path):
        for text in shown_texts(widget):
            found += [f"{state}: {message!r} in {text!r}" for message, pattern in patterns.items()
                      if pattern.search(text)]
    assert not found, "\n".join(found)


def test_a_damaged_progress_file_is_announced_in_german(german_lesson, tmp_path):
    notice = " ".join(shown_texts(damaged_progress_panel(german_lesson, tmp_path)))
    assert "Hinweis:" in notice and "konnte nicht gelesen werden" in notice


def test_the_reason_a_progress_file_is_unreadable_is_german_too(german_lesson, tmp_path):
    notice = " ".join(shown_texts(damaged_progress_panel(german_lesson, tmp_path)))
    assert "not valid JSON" not in notice


class _Marking(gettext.NullTranslations):
    """A catalogue that marks every interface message, so text from anywhere else stands out."""

    def gettext(self, message):
        return f"⟦{message}⟧"


def lesson_strings(node) -> set[str]:
    if isinstance(node, dict):
        return set().union(*map(lesson_strings, node.values()))
    if isinstance(node, (list, tuple)):
        return set().union(set(), *map(lesson_strings, node))
    return {" ".join(node.split())} if isinstance(node, str) else set()


def unmarked_words(text: str, lesson_texts: list[str]) -> list[str]:
    """The words of `text` left once the marked messages and the lesson's own texts are taken out."""
    while True:
        unwrapped = re.sub(r"⟦[^⟦⟧]*⟧", " ", text)
        if unwrapped == text:
            break
        text = unwrapped
    for lesson_text in lesson_texts:
        if lesson_text in text:  # re's cache holds 512 patterns: compile only the texts that occur
            text = re.sub(r"(?<!\w)" + re.escape(lesson_text) + r"(?!\w)", " ", text)
    return re.findall(r"[^\W\d_]+", text)


def test_every_word_a_widget_shows_comes_from_the_catalogue_or_the_lesson(lesson, tmp_path, monkeypatch):
    monkeypatch.setattr(i18n, "_translation", _Marking())
    lesson_texts = sorted(lesson_strings(lesson.model_dump()), key=len, reverse=True)
    found = []
    states = [*tour(lesson, tmp_path), ("damaged progress file", damaged_progress_panel(lesson, tmp_path / "damaged"))]
    for state, widget in states:
        for text in shown_texts(widget):
            words = unmarked_words(text, lesson_texts)
            if words:
                found.append(f"{state}: {words} in {text!r}")
    assert not found, "\n".join(found)


def test_a_hard_coded_word_would_be_found(lesson):
    assert unmarked_words("⟦Check answer⟧ Submit", []) == ["Submit"]
    assert unmarked_words("⟦Press ⟦“Move up”⟧.⟧ [post]", ["post"]) == []
