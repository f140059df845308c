"""Lesson formats: which one a file is written in, and bringing an older one up to `SCHEMA_VERSION`.

A file names its format in `schema_version`, read before anything else: a file for a newer psoas_lib gets
one message saying so, not a list of unknown fields. An older file is migrated in memory, one format at a
time, by the steps in `STEPS` (format N to N + 1); a step that renames or moves a key moves its position too,
so errors still point at the instructor's own lines. `psoas-lesson upgrade` runs the same steps on the
round-trip tree, which keeps the file's comments.

Changes that need no new format (an optional field with a default, an old name still accepted) are
preferred; a new format is for changes that old files cannot simply be read under.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Callable, MutableMapping
from pathlib import Path

from ..i18n import _

from .model import SCHEMA_VERSION
from .problems import LessonError, Location, Positions, Problem, file_problem, located, shown
from .source import decode, read_bytes
from .yamltree import parse

# Format N -> a function bringing a tree of format N to format N + 1 (in place, moving positions).
Step = Callable[[MutableMapping, Positions], None]
FIRST_VERSION = 1
INCH_CM = 2.54


def _format_1_to_2(tree: MutableMapping, positions: Positions) -> None:
    """Format 2 is the clinical second reading: the start zone in cm, a rule for the release itself, the
    landmarks, a warning-sign question, and figures drawn from referenced anatomy.

    A format-1 file gets, where it has none of its own, the bundled lesson's safety rule during the release,
    its landmarks and its warning-sign question (in the bundled lesson's words: `psoas-lesson upgrade` writes
    them into the file, to be translated there), and the bundled lesson's figures, which replace the
    format-1 drawings (their vessels were drawn where no reference puts them, with no sources), with the
    references they cite. Inches become
    cm rounded to the half centimetre, as the post gives them: 2-3 inches is 5-7.5 cm. A short lesson (one that
    `extends:` another) gets only that conversion: the lesson it extends supplies the rest.
    """
    from .extends import EXTENDS
    from .loader import bundled_lesson_path, load_lesson

    palpation = tree.get("palpation")
    zone = palpation.get("start_zone") if isinstance(palpation, MutableMapping) else None
    for edge in ("lateral_min", "lateral_max"):
        if isinstance(zone, MutableMapping) and f"{edge}_in" in zone:
            rename_key(tree, positions, ("palpation", "start_zone"), f"{edge}_in", f"{edge}_cm")
            inches = zone[f"{edge}_cm"]
            if isinstance(inches, (int, float)) and not isinstance(inches, bool):
                zone[f"{edge}_cm"] = round(inches * INCH_CM * 2) / 2
    if EXTENDS in tree:
        return
    bundled = load_lesson(bundled_lesson_path()).model_dump(mode="json")
    for section, field in (("safety", "during_release"), ("technique", "landmarks")):
        if isinstance(tree.get(section), MutableMapping) and field not in tree[section]:
            tree[section][field] = bundled[section][field]
    if isinstance(palpation, MutableMapping):
        questions = palpation.get("confirmation")
        if isinstance(questions, list) and not any(
                isinstance(q, MutableMapping) and q.get("warning_sign") for q in questions):
            questions.extend(q for q in bundled["palpation"]["confirmation"] if q["warning_sign"])
    figures = tree.get("figures")
    if isinstance(figures, MutableMapping) and isinstance(figures.get("anterior"), MutableMapping) \
            and "sources" not in figures["anterior"]:
        tree["figures"] = bundled["figures"]
    references = tree.get("references")
    if isinstance(references, list):  # what the added texts cite
        known = {entry.get("id") for entry in references if isinstance(entry, MutableMapping)}
        references.extend(entry for entry in bundled["references"] if entry["id"] not in known)


STEPS: dict[int, Step] = {1: _format_1_to_2}


def check_version(path: Path | str, tree: MutableMapping, positions: Positions) -> Problem | None:
    """What is wrong with the file's `schema_version`, or None if this code reads (or migrates) its format
    (a missing one is left to the schema, which reports it as a missing field)."""
    if "schema_version" not in tree:
        return None
    version = tree["schema_version"]
    if not isinstance(version, int) or isinstance(version, bool) or version < FIRST_VERSION:
        message = _("must be a format number from {first} to {last} (got {value})").format(
            first=FIRST_VERSION, last=SCHEMA_VERSION, value=shown(version))
    elif version > SCHEMA_VERSION:
        message = _("written for a newer psoas_lib (format {version}, this one reads up to {last}): update "
                    "psoas_lib").format(version=version, last=SCHEMA_VERSION)
    else:
        return None
    return located(path, positions, ("schema_version",), message)


def migrate(tree: MutableMapping, positions: Positions) -> bool:
    """Bring `tree` (of a format `check_version` accepted) to `SCHEMA_VERSION`; True if anything changed."""
    version = tree.get("schema_version")
    if not isinstance(version, int) or version >= SCHEMA_VERSION:
        return False
    for step in range(version, SCHEMA_VERSION):
        STEPS[step](tree, positions)
        tree["schema_version"] = step + 1
    return True


def rename_key(tree: MutableMapping, positions: Positions, loc: Location, old: str, new: str) -> None:
    """Rename key `old` of the mapping at `loc` to `new`, in its place (with its comments, in a round-trip
    tree), and move the positions of everything under it."""
    mapping = tree
    for part in loc:
        mapping = mapping[part]
    if not isinstance(mapping, MutableMapping) or old not in mapping:
        return
    if hasattr(mapping, "insert"):  # ruamel's CommentedMap: keep the key's place and its comments
        index = list(mapping).index(old)
        mapping.insert(index, new, mapping.pop(old))
        if old in mapping.ca.items:
            mapping.ca.items[new] = mapping.ca.items.pop(old)
    else:
        items = [(new if key == old else key, value) for key, value in mapping.items()]
        mapping.clear()
        mapping.update(items)
    before, after = (*loc, old), (*loc, new)
    for where in [where for where in positions if where[: len(before)] == before]:
        positions[(*after, *where[len(before):])] = positions.pop(where)


def upgrade_file(path: Path) -> str:
    """Rewrite the lesson file at `path` in the current format, keeping its comments and layout; returns what
    was done. Raises `LessonError` if the file cannot be read or names no format this code reads."""
    text = decode(path, read_bytes(path)[0])
    tree, positions = parse(str(path), text)
    if not isinstance(tree, dict) or "schema_version" not in tree:
        raise file_problem(path, _("names no format (schema_version:), so it cannot be upgraded"))
    problem = check_version(path, tree, positions)
    if problem is not None:
        raise LessonError([problem])
    if tree["schema_version"] == SCHEMA_VERSION:
        return _("{path}: already in format {version}, nothing to do").format(path=path, version=SCHEMA_VERSION)
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.width = 4096  # keep the instructor's own line breaks and layout
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    document = yaml.load(text)
    migrate(document, {})
    out = io.StringIO()
    yaml.dump(document, out)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(out.getvalue())
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise file_problem(path, _("cannot be rewritten ({reason})").format(reason=error.strerror)) from None
    return _("{path}: upgraded from format {old} to {new}").format(path=path, old=tree["schema_version"],
                                                                    new=SCHEMA_VERSION)
