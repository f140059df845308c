"""Psoas-release teaching notebooks: the validated lesson, its exercises, figures and widgets."""

from .lesson import Lesson, LessonError, load_lesson

__all__ = ["Lesson", "LessonError", "load_lesson"]
