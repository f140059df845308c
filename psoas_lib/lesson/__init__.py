"""The lesson: its schema (`model`), cross-checks (`checks`) and the file loader (`loader`)."""

from .loader import LessonError, Problem, bundled_lesson_path, load_lesson
from .model import Lesson

__all__ = ["Lesson", "LessonError", "Problem", "bundled_lesson_path", "load_lesson"]
