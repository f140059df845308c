"""The lesson: its schema (`model`), cross-checks (`checks`) and the file loader (`loader`, with the steps it
takes in `source`, `yamltree`, `migrations` and `problems`)."""

from .loader import bundled_lesson_path, load_lesson
from .model import Lesson
from .problems import LessonError, Problem

__all__ = ["Lesson", "LessonError", "Problem", "bundled_lesson_path", "load_lesson"]
