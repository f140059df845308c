"""Can an instructor change the lesson without Python, and do the notebooks follow?

One customised copy of the bundled lesson changes wording, quiz questions, cases, figure labels, the
timer and the screening items; the three notebooks are run on it in a real kernel (no browser), and
what they show is read from their outputs and widget state.
"""

import io
import json
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from ruamel.yaml import YAML

from psoas_lib.lesson import bundled_lesson_path, load_lesson

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def customise(data):
    """Apply an instructor's edits to the parsed bundled lesson."""
    data["overview"][0]["text"] = "CUSTOM-WORDING of the first overview fact."
    data["technique"]["position"]["text"] = "CUSTOM-POSITION: the patient lies supine, knees bent."
    cases = data["indications"]
    data["indications"] = [cases[1], cases[0]]  # two cases kept, in another order
    data["indications"][0]["title"] = "CUSTOM-CASE older walker with stenosis"
    questions = data["quizzes"]["landmarks"]
    new_question = {**questions[0], "id": "custom-question", "prompt": "CUSTOM-QUESTION: where do you start?"}
    data["quizzes"]["landmarks"] = [questions[2], new_question, questions[1]]  # reordered, two removed
    data["palpation"]["arteries"][0]["name"] = "CUSTOM-LABEL aorta"
    data["dose"]["window"] = {"min_minutes": 3, "max_minutes": 4}
    for step in data["dose"]["suggested_split"]["steps"]:
        step["seconds"] = 40
    screening = data["safety"]["screening"]
    data["safety"]["screening"] = [screening[0], {**screening[2], "id": "custom-screen",
                                                  "question": "CUSTOM-SCREEN: has the patient a fever?"}]
    return data


@pytest.fixture(scope="module")
def custom_lesson(tmp_path_factory) -> Path:
    yaml = YAML(typ="rt")
    data = customise(yaml.load(bundled_lesson_path().read_text(encoding="utf-8")))
    path = tmp_path_factory.mktemp("lesson") / "custom.yaml"
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    load_lesson(path)  # the customised file is valid
    return path


@pytest.fixture(scope="module")
def shown(custom_lesson, tmp_path_factory):
    """Everything the three notebooks show with the customised lesson: outputs and widget state, as text."""
    scratch = tmp_path_factory.mktemp("run")
    texts = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PSOAS_LESSON", str(custom_lesson))
        patch.setenv("PSOAS_PROGRESS_DIR", str(scratch / "progress"))
        for path in sorted(NOTEBOOKS.glob("*.ipynb")):
            notebook = nbformat.read(path, as_version=4)
            NotebookClient(notebook, timeout=120, kernel_name="python3", store_widget_state=True,
                           resources={"metadata": {"path": str(scratch)}}).execute()
            texts[path.stem] = json.dumps([c.get("outputs", []) for c in notebook.cells]) + json.dumps(
                notebook.metadata.get("widgets", {}))
    return texts


def test_wording_of_texts_follows_the_file(shown):
    assert "CUSTOM-WORDING of the first overview fact." in shown["01_anatomy"]
    assert "CUSTOM-POSITION: the patient lies supine, knees bent." in shown["02_technique"]


def test_the_case_list_follows_the_file(shown, lesson):
    assert "CUSTOM-CASE older walker with stenosis" in shown["01_anatomy"]
    for removed in lesson.indications[2:]:
        assert removed.title not in shown["01_anatomy"]


def test_quiz_questions_can_be_added_removed_and_reordered(shown, lesson):
    text = shown["02_technique"]
    kept_first, added, kept_last = lesson.quizzes.landmarks[2].prompt, "CUSTOM-QUESTION: where do you start?", \
        lesson.quizzes.landmarks[1].prompt
    assert text.index(kept_first) < text.index(added) < text.index(kept_last)
    for removed in (lesson.quizzes.landmarks[0], *lesson.quizzes.landmarks[3:]):
        assert removed.prompt not in text


def test_screening_items_follow_the_file(shown, lesson):
    text = shown["02_technique"]
    assert "CUSTOM-SCREEN: has the patient a fever?" in text
    assert lesson.safety.screening[1].question not in text


def test_the_timer_window_and_split_follow_the_file(shown):
    text = shown["03_progressions"]
    assert "04:00" in text and "00:40" in text
    assert "07:00" not in text


def test_figure_labels_follow_the_file(custom_lesson):
    from psoas_lib.figures.anterior import draw_anterior

    labels = [t.get_text() for t in draw_anterior(load_lesson(custom_lesson)).axes[0].texts]
    assert "CUSTOM-LABEL aorta" in labels and "abdominal aorta" not in labels
