"""Checks that span the whole lesson: unique ids, references that must point at something, and an interface
language that has a catalogue.

Each check yields `(location, message)`, where location is the path of keys and indices into the
lesson file, the same shape pydantic uses, so the loader turns both into `PATH:LINE:COL` errors.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from ..i18n import _, available_languages, catalogue_language
from .model import Lesson
from .problems import Location

Problem = tuple[Location, str]


def check_lesson(lesson: Lesson) -> list[Problem]:
    """Every cross-reference problem of a lesson that already passed the schema."""
    return [*_duplicate_ids(lesson), *_unknown_sources(lesson), *_unknown_movements(lesson),
            *_repeated_choices(lesson), *_flat_outlines(lesson), *_unknown_language(lesson)]


def _walk(node: object, loc: Location = ()) -> Iterator[tuple[Location, object]]:
    yield loc, node
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from _walk(getattr(node, name), (*loc, name))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _walk(item, (*loc, index))


def _duplicate_ids(lesson: Lesson) -> Iterator[Problem]:
    for loc, node in _walk(lesson):
        if not isinstance(node, list):
            continue
        seen: set[str] = set()
        for index, item in enumerate(node):
            item_id = getattr(item, "id", None)
            if item_id is None:
                continue
            if item_id in seen:
                yield (*loc, index, "id"), _("duplicate id '{id}' in this list").format(id=item_id)
            seen.add(item_id)


def _repeated(texts: list[str]) -> Iterator[tuple[int, str]]:
    seen: set[str] = set()
    for index, text in enumerate(texts):
        if text in seen:
            yield index, text
        seen.add(text)


def _repeated_choices(lesson: Lesson) -> Iterator[Problem]:
    """Texts a student chooses between must differ: each case's mechanism in brief (the case self-check's
    options) and the options of each question (an answer is saved by its text)."""
    briefs = [case.mechanism_in_brief for case in lesson.indications]
    for index, text in _repeated(briefs):
        yield (("indications", index, "mechanism_in_brief"),
               _("'{text}' is also the mechanism in brief of another case: the self-check needs each to differ")
               .format(text=text))
    questions = [(("quizzes", "landmarks"), lesson.quizzes.landmarks),
                 (("palpation", "confirmation"), lesson.palpation.confirmation)]
    for loc, listed in questions:
        for number, question in enumerate(listed):
            for index, text in _repeated([option.text for option in question.options]):
                yield (*loc, number, "options", index, "text"), _("'{text}' is already another option's text").format(text=text)


def _flat_outlines(lesson: Lesson) -> Iterator[Problem]:
    """A muscle's outline is drawn as an area, so its points cannot all be at one height (lines may be)."""
    for index, outline in enumerate(lesson.figures.anterior.outlines):
        if outline.kind == "muscle" and len({y for _x, y in outline.points_cm}) < 2:
            yield (("figures", "anterior", "outlines", index, "points_cm"),
                   _("a muscle's outline must not have all its points at the same height: it is drawn as an area"))


def _unknown_sources(lesson: Lesson) -> Iterator[Problem]:
    known = {ref.id for ref in lesson.references}
    for loc, node in _walk(lesson):
        if loc[-1:] == ("sources",):
            for index, source in enumerate(node):
                if source not in known:
                    yield (*loc, index), _("unknown source '{source}': add it to references first").format(source=source)


def _unknown_movements(lesson: Lesson) -> Iterator[Problem]:
    progression = lesson.progression
    known = {move.id for move in progression.movements}
    named: list[tuple[Location, str]] = [
        *((("progression", "order", i), move) for i, move in enumerate(progression.order)),
        *((("progression", "reasons", i, "movement"), r.movement) for i, r in enumerate(progression.reasons)),
        *(
            (("dose", "suggested_split", "steps", i, "movement"), step.movement)
            for i, step in enumerate(lesson.dose.suggested_split.steps)
        ),
    ]
    for loc, move in named:
        if move not in known:
            yield loc, _("'{move}' names no movement in progression.movements").format(move=move)
    seen: set[str] = set()
    for index, move in enumerate(progression.order):
        if move in seen:
            yield ("progression", "order", index), _("'{move}' appears twice in the order").format(move=move)
        seen.add(move)
    for move in sorted(known - seen):
        yield ("progression", "order"), _("movement '{move}' is missing from the order").format(move=move)


def _unknown_language(lesson: Lesson) -> Iterator[Problem]:
    if catalogue_language(lesson.language) is None:
        yield ("language",), _("no interface catalogue for '{language}', so buttons and messages would stay "
                               "English; available: {available} (to add a language, see \"Translations\" in the "
                               "project README)").format(language=lesson.language,
                                                         available=", ".join(available_languages()))
