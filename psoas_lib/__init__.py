"""Psoas-release teaching notebooks: the validated lesson, its exercises, figures and widgets.

`Lesson`, `LessonError` and `load_lesson` are imported on first use, so that `import psoas_lib` (and any
submodule that does not need the lesson schema) does not pay for pydantic and the YAML parser.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .lesson import Lesson, LessonError, load_lesson

__all__ = ["Lesson", "LessonError", "load_lesson"]


def __getattr__(name: str) -> object:
    if name in __all__:
        from . import lesson

        return getattr(lesson, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
