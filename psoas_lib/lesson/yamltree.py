"""YAML text to plain dicts, lists and scalars, with the position of every key and item.

The tree is built from the parser's events, with libyaml's C parser where PyYAML has it (its pure-Python
parser otherwise), in one loop that holds no recursion. Nothing but plain data is ever built: anchors, aliases,
tags and merge keys (`<<:`) are refused where they appear, as are duplicate keys, keys that are not plain
text, more than one document, and nesting deeper or values more numerous than any lesson needs (so that
any file is answered within a second or two). Plain scalars are read as YAML 1.2's
core schema reads them (`yes` and `no` stay text, as do dates).
"""

from __future__ import annotations

import math
import re

import yaml

from ..i18n import N_, _, marked

from .problems import LessonError, Location, Positions, Problem, file_problem, one_line

MAX_DEPTH = 20  # the bundled lesson nests 7 levels deep
MAX_NODES = 20_000  # keys, items and values; the bundled lesson has about 1900, and each costs time to check
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_NULL = re.compile(r"~|null|Null|NULL|")
_TRUE, _FALSE = re.compile(r"true|True|TRUE"), re.compile(r"false|False|FALSE")
_INT = re.compile(r"[-+]?[0-9][0-9_]*|0o[0-7_]+|0x[0-9a-fA-F_]+|0b[01_]+")
_FLOAT = re.compile(r"[-+]?(?:[0-9][0-9_]*\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[0-9][0-9_]*[eE][-+]?[0-9]+"
                    r"|\.[0-9_]+(?:[eE][-+]?[0-9]+)?)")
_INFINITY, _NAN = re.compile(r"[-+]?\.(?:inf|Inf|INF)"), re.compile(r"\.(?:nan|NaN|NAN)")
_REFUSED_ALIAS = N_("YAML anchors and aliases (&name, *name) are not allowed in a lesson file: write the text out")
_REFUSED_MERGE = N_("YAML merge keys (<<:) are not allowed in a lesson file: write the keys out")


def scalar(value: str, plain: bool) -> object:
    """A scalar's value: quoted and block scalars are text; plain ones may be null, a boolean or a number."""
    if not plain:
        return value
    if _NULL.fullmatch(value):
        return None
    if _TRUE.fullmatch(value) or _FALSE.fullmatch(value):
        return value[0] in "tT"
    try:
        if _INT.fullmatch(value):
            return int(value.replace("_", ""), 0) if value[:2] in ("0o", "0x", "0b") else int(value.replace("_", ""))
        if _FLOAT.fullmatch(value):
            return float(value.replace("_", ""))
    except ValueError:  # more digits than Python converts: left as text, which the schema then refuses
        return value
    if _INFINITY.fullmatch(value):
        return -math.inf if value[0] == "-" else math.inf
    if _NAN.fullmatch(value):
        return math.nan
    return value


class _Container:
    """A mapping or sequence being filled, with where it is in the lesson."""

    __slots__ = ("value", "loc", "key", "key_mark")

    def __init__(self, value: dict | list, loc: Location):
        self.value, self.loc, self.key, self.key_mark = value, loc, None, None


def parse(path: str, text: str) -> tuple[object, Positions]:
    """The document's plain tree and the 1-based position of every key and item (the document itself at 1:1);
    raises `LessonError` with every refused construct, or with the parser's error and its position."""
    problems: list[Problem] = []
    positions: Positions = {(): (1, 1)}
    loader = Loader(text)
    try:
        root = _build(path, loader, positions, problems)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        message = " ".join(filter(None, [error.context, error.problem]))
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problems.append(Problem(path, line, column, "(file)", _("invalid YAML: {problem}").format(problem=one_line(message))))
    except yaml.YAMLError as error:
        problems.append(Problem(path, 1, 1, "(file)", _("invalid YAML: {problem}").format(problem=one_line(str(error)))))
    finally:
        loader.dispose()
    if problems:
        raise LessonError(problems)
    return root, positions


def _build(path: str, loader, positions: Positions, problems: list[Problem]) -> object:
    stack: list[_Container] = []
    root: object = None
    documents = nodes = 0
    while loader.check_event():
        event = loader.get_event()
        mark = event.start_mark
        where = (mark.line + 1, mark.column + 1)
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise file_problem(path, _("a lesson file holds one YAML document: remove the second '---' and what "
                                           "follows, or make it a file of its own"), *where)
            continue
        if not isinstance(event, (yaml.NodeEvent, yaml.CollectionEndEvent)):
            continue
        nodes += isinstance(event, yaml.NodeEvent)
        if nodes > MAX_NODES:
            raise LessonError([Problem(path, *where, "(yaml)", _("the file holds more than {limit} keys, items and "
                                                                 "values; a lesson needs far fewer").format(limit=MAX_NODES))])
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            problems.append(Problem(path, *where, "(yaml)", marked(_REFUSED_ALIAS)))
            continue
        if getattr(event, "tag", None) is not None:
            problems.append(Problem(path, *where, "(yaml)",
                                    _("YAML tags ({tag}) are not allowed in a lesson file").format(tag=one_line(event.tag))))
            continue
        if problems:  # refused constructs are listed; nothing more is built from such a file
            if isinstance(event, yaml.CollectionStartEvent):
                stack.append(_Container([], ()))
            elif isinstance(event, yaml.CollectionEndEvent) and stack:
                stack.pop()
            continue
        if isinstance(event, yaml.CollectionEndEvent):
            done = stack.pop()
            if not stack:
                root = done.value
            continue
        parent = stack[-1] if stack else None
        if parent is not None and isinstance(parent.value, dict) and parent.key is None:
            _take_key(path, event, parent, where, positions)
            continue
        if parent is None:
            loc: Location = ()
        elif isinstance(parent.value, dict):
            loc = (*parent.loc, parent.key)
        else:
            loc = (*parent.loc, len(parent.value))
            positions[loc] = where
        if isinstance(event, yaml.ScalarEvent):
            value: object = scalar(event.value, event.implicit[0])
        else:
            if len(stack) >= MAX_DEPTH:
                message = _("the file nests lists and mappings more than {limit} levels deep; a lesson needs far "
                            "fewer").format(limit=MAX_DEPTH)
                raise LessonError([Problem(path, *where, "(yaml)", message)])
            value = {} if isinstance(event, yaml.MappingStartEvent) else []
            stack.append(_Container(value, loc))
        if parent is None:
            root = value
        elif isinstance(parent.value, dict):
            parent.value[parent.key] = value
            parent.key = None
        else:
            parent.value.append(value)
    return root


def _take_key(path: str, event, parent: _Container, where: tuple[int, int], positions: Positions) -> None:
    if not isinstance(event, yaml.ScalarEvent):
        raise LessonError([Problem(path, *where, "(yaml)", _("a key must be a plain name, not a list or mapping"))])
    if event.implicit[0] and event.value == "<<":
        raise LessonError([Problem(path, *where, "(yaml)", marked(_REFUSED_MERGE))])
    key = event.value
    loc = (*parent.loc, key)
    if key in parent.value:
        first = positions[loc][0]
        raise LessonError([Problem(path, *where, "(file)",
                                   _("invalid YAML: duplicate key '{key}' (first written on line {line})").format(key=key, line=first))])
    positions[loc] = where
    parent.key = key
