"""Every clinical statement of a lesson, with its sources: what `psoas-lesson facts` lists for a reviewer.

A statement is any lesson object that names its sources (`Sourced`); its texts are its own text fields and
those of its unsourced parts (a question's options), each with the field path it has in the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from .checks import Location
from .model import Lesson, Sourced

# Fields that name or classify rather than state anything.
NOT_STATEMENTS = frozenset({"id", "sources", "movement", "kind", "tissue", "language", "schema_version"})


@dataclass(frozen=True)
class Statement:
    location: Location
    sources: tuple[str, ...]
    texts: tuple[tuple[Location, str], ...]  # (location of the text, the text)


def statements(lesson: Lesson) -> list[Statement]:
    """The lesson's sourced statements in file order (the order of the schema's fields and lists)."""
    return list(_statements(lesson, ()))


def _statements(node: object, loc: Location) -> Iterator[Statement]:
    if isinstance(node, Sourced):
        yield Statement(loc, tuple(node.sources), tuple(_texts(node, loc)))
    children = (((name, getattr(node, name)) for name in type(node).model_fields) if isinstance(node, BaseModel)
                else enumerate(node) if isinstance(node, (list, tuple)) else ())
    for key, child in children:
        if isinstance(child, (BaseModel, list, tuple)):
            yield from _statements(child, (*loc, key))


def _texts(node: object, loc: Location) -> Iterator[tuple[Location, str]]:
    """The texts of `node` itself and of its parts that do not name sources of their own."""
    if isinstance(node, str):
        yield loc, node
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            child = getattr(node, name)
            if name not in NOT_STATEMENTS and not isinstance(child, Sourced):
                yield from _texts(child, (*loc, name))
    elif isinstance(node, (list, tuple)):
        for index, item in enumerate(node):
            if not isinstance(item, Sourced):
                yield from _texts(item, (*loc, index))
