"""Is the German example lesson a valid, complete translation of the bundled one, in step with it?

"In step" means the same ids, sources, order, numbers, coordinates and right answers: the lessons
are compared with every text replaced by a marker, so a change to the bundled lesson's structure
(a new question, another source, a moved coordinate) fails here until the translation follows.
"""

from pathlib import Path
from typing import Literal, get_args, get_origin

from pydantic import BaseModel

from psoas_lib.cli import main
from psoas_lib.lesson import load_lesson
from psoas_lib.lesson.model import Id

GERMAN = Path(__file__).resolve().parents[1] / "docs" / "examples" / "psoas_release.de.yaml"
ID_RULE = Id.__metadata__[0]
TEXT = "<text>"


def _names_ids_or_choices(annotation) -> bool:
    if get_origin(annotation) is Literal or ID_RULE in getattr(annotation, "__metadata__", ()):
        return True
    return any(_names_ids_or_choices(arg) for arg in get_args(annotation))


def _structural(model: type[BaseModel], name: str) -> bool:
    """Ids, lists of ids (sources, order) and fixed choices (a shape's kind, tissue): never translated."""
    field = model.model_fields[name]
    return ID_RULE in field.metadata or _names_ids_or_choices(field.annotation)


def skeleton(node):
    """The lesson with every translatable text replaced by TEXT; ids, numbers and booleans kept."""
    if isinstance(node, BaseModel):
        return {name: getattr(node, name) if _structural(type(node), name) else skeleton(getattr(node, name))
                for name in type(node).model_fields}
    if isinstance(node, (list, tuple)):
        return [skeleton(item) for item in node]
    return TEXT if isinstance(node, str) else node


def texts(node, path=()):
    """(path, text) for every translatable text of the lesson."""
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            if not _structural(type(node), name):
                yield from texts(getattr(node, name), (*path, name))
    elif isinstance(node, (list, tuple)):
        for index, item in enumerate(node):
            yield from texts(item, (*path, index))
    elif isinstance(node, str):
        yield path, node


def test_the_german_example_lesson_validates(capsys):
    assert main(["validate", str(GERMAN)]) == 0
    assert capsys.readouterr().out == f"{GERMAN}: ok\n"


def test_the_german_example_selects_the_german_interface():
    assert load_lesson(GERMAN).language == "de"


def test_the_german_example_has_the_bundled_lessons_ids_sources_and_numbers(lesson):
    german = skeleton(load_lesson(GERMAN))
    english = skeleton(lesson)
    assert german == english


def test_the_skeleton_keeps_what_a_translation_must_not_change(lesson):
    """The comparison above can fail: a moved coordinate or another right answer shows in the skeleton."""
    zone = lesson.palpation.start_zone.model_copy(update={"lateral_max_cm": 10.0})
    moved = lesson.model_copy(update={"palpation": lesson.palpation.model_copy(update={"start_zone": zone})})
    assert skeleton(moved) != skeleton(lesson)
    retitled = lesson.model_copy(update={"title": "Anything"})
    assert skeleton(retitled) == skeleton(lesson)


def test_every_lesson_text_is_translated(lesson):
    """No English text left over, except the citations, whose titles stay in the original language."""
    german = dict(texts(load_lesson(GERMAN)))
    same = [path for path, text in texts(lesson) if german[path] == text and path[0] != "references"]
    assert not same
