"""Short lessons: a file with `extends:` names the lesson it starts from (`bundled`, or a path relative to
itself) and says only what differs, so corrections to that lesson still reach the class.

- A key given replaces the base's value; a mapping given changes only the keys it names.
- A list of items with ids (cases, questions, facts, ...) is changed item by item: an item names its `id` and
  the fields that change; `remove: true` removes it; `new: true` adds a whole new item at the end. An id the
  base does not have is an error unless the item is new.
- Any other list (sources, options, coordinates) is replaced whole.
- `reorder:` maps a list's field path to ids in their new order; ids it does not name follow in their old order.

Every value taken from the short file keeps its position there, so problems point at its own lines.
"""

from __future__ import annotations

from collections.abc import Callable

from ..i18n import _
from .problems import Location, Positions, Problem, field_path

EXTENDS, REORDER, REMOVE, NEW = "extends", "reorder", "remove", "new"


def _has_ids(items: object) -> bool:
    return isinstance(items, list) and bool(items) and all(isinstance(i, dict) and "id" in i for i in items)


def extend(path: str, base: dict, short: dict, positions: Positions) -> tuple[dict, Positions, list[Problem]]:
    """The base lesson tree with the short file's changes, the merged positions, and the problems found."""
    problems: list[Problem] = []
    merged_positions: Positions = {(): positions[()]}

    def problem(loc: Location, message: str) -> None:
        line, column = positions[loc]
        problems.append(Problem(path, line, column, field_path(loc), message))

    changes = {key: value for key, value in short.items() if key not in (EXTENDS, REORDER)}
    merged = _merge_mapping(base, changes, (), (), positions, merged_positions, problem)
    reorder = short.get(REORDER, {})
    if not isinstance(reorder, dict):
        problem((REORDER,), _("must map a list's field path (e.g. quizzes.landmarks) to ids in their new order"))
    else:
        for where, ids in reorder.items():
            _reorder(merged, where, ids, (REORDER, where), positions, merged_positions, problem)
    return merged, merged_positions, problems


def _copy_positions(positions: Positions, source: Location, target: Location, out: Positions) -> None:
    for loc, where in positions.items():
        if loc[: len(source)] == source:
            out[(*target, *loc[len(source):])] = where


def _merge_mapping(base: dict, changes: dict, short_loc: Location, loc: Location, positions: Positions,
                   out: Positions, problem: Callable[[Location, str], None]) -> dict:
    merged = dict(base)
    for key, value in changes.items():
        here, there = (*short_loc, key), (*loc, key)
        out[there] = positions[here]
        old = base.get(key)
        if isinstance(old, dict) and isinstance(value, dict):
            merged[key] = _merge_mapping(old, value, here, there, positions, out, problem)
        elif _has_ids(old) and isinstance(value, list):
            merged[key] = _merge_items(old, value, here, there, positions, out, problem)
        else:
            merged[key] = value
            _copy_positions(positions, here, there, out)
    return merged


def _merge_items(base: list, changes: list, short_loc: Location, loc: Location, positions: Positions,
                 out: Positions, problem: Callable[[Location, str], None]) -> list:
    items = list(base)
    origin: dict[int, Location] = {}  # index in `items` -> where that item was given in the short file
    for number, change in enumerate(changes):
        here = (*short_loc, number)
        if not isinstance(change, dict) or "id" not in change:
            problem(here, _("in a lesson that extends another, an item of this list names its id"))
            continue
        ids = [item.get("id") for item in items]
        item_id = change["id"]
        if change.get(NEW) is True:
            if item_id in ids:
                problem((*here, "id"), _("'{id}' is already an item of this list: leave out new: true to change it")
                        .format(id=item_id))
                continue
            items.append({key: value for key, value in change.items() if key != NEW})
            origin[len(items) - 1] = here
        elif item_id not in ids:
            problem((*here, "id"), _("no item with id '{id}' in the lesson this one extends (add new: true to "
                                     "add it)").format(id=item_id))
        elif change.get(REMOVE) is True:
            index = ids.index(item_id)
            del items[index]
            origin = {(i - (i > index)): where for i, where in origin.items() if i != index}
        else:
            index = ids.index(item_id)
            fields = {key: value for key, value in change.items() if key not in (REMOVE, NEW)}
            items[index] = _merge_mapping(items[index], fields, here, (*loc, index), positions, {}, problem)
            origin[index] = here
    for index, here in origin.items():
        _copy_positions(positions, here, (*loc, index), out)
    return items


def _reorder(tree: dict, where: object, ids: object, here: Location, positions: Positions, out: Positions,
             problem: Callable[[Location, str], None]) -> None:
    parent: object = tree
    for part in str(where).split("."):
        parent = parent.get(part) if isinstance(parent, dict) else None
    if not _has_ids(parent):
        problem(here, _("'{where}' is not a list of items with ids in this lesson").format(where=where))
        return
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        problem(here, _("give the ids in their new order, e.g. [pulse, start-point]"))
        return
    known = [item["id"] for item in parent]
    for number, item_id in enumerate(ids):
        if item_id not in known:
            problem((*here, number), _("no item with id '{id}' in {where}").format(id=item_id, where=where))
    loc = tuple(str(where).split("."))
    before = {item["id"]: index for index, item in enumerate(parent)}
    named = [item_id for item_id in dict.fromkeys(ids) if item_id in before]
    order = [*named, *(item_id for item_id in known if item_id not in named)]
    parent[:] = [parent[before[item_id]] for item_id in order]
    moved = {key: out.pop(key) for key in [k for k in out if k[: len(loc)] == loc and len(k) > len(loc)]}
    new_index = {before[item_id]: index for index, item_id in enumerate(order)}
    for key, position in moved.items():
        out[(*loc, new_index[key[len(loc)]], *key[len(loc) + 1:])] = position
