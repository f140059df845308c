"""Before a notebook is run, does each widget's saved output say what it is and how to start it, in the
lesson's language, instead of a Python repr?"""

import importlib
import inspect
import pkgutil

import ipywidgets as w
import pytest

import psoas_lib.widgets
from psoas_lib import i18n
from psoas_lib.widgets.placeholder import HasPlaceholder
from psoas_lib.widgets.presentation import PresentationSwitch
from psoas_lib.widgets.screening import SafetyScreen

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def public_widget_classes() -> list[type]:
    """Every widget class of psoas_lib.widgets a notebook can show (not the modules' private helpers)."""
    found = set()
    for module_info in pkgutil.iter_modules(psoas_lib.widgets.__path__):
        module = importlib.import_module(f"psoas_lib.widgets.{module_info.name}")
        found |= {cls for name, cls in inspect.getmembers(module, inspect.isclass)
                  if issubclass(cls, w.DOMWidget) and cls.__module__ == module.__name__ and not name.startswith("_")}
    return sorted(found, key=lambda cls: cls.__name__)


@pytest.mark.parametrize("cls", public_widget_classes(), ids=lambda cls: cls.__name__)
def test_every_widget_class_says_how_to_start_it(cls):
    assert issubclass(cls, HasPlaceholder)
    assert "(Run ▸ Run All Cells)" in cls.before_run
    assert cls.before_run.endswith(".") and "\n" not in cls.before_run


def test_the_saved_text_is_the_sentence_and_the_widget_view_stays(lesson):
    bundle = SafetyScreen(lesson)._repr_mimebundle_()
    assert bundle["text/plain"] == "Safety screen — run the notebook (Run ▸ Run All Cells) to answer it."
    assert bundle[WIDGET_VIEW]["model_id"]


def test_the_sentence_is_in_the_lesson_language():
    switch = PresentationSwitch()
    try:
        i18n.use_language("de")
        german = switch._repr_mimebundle_()["text/plain"]
    finally:
        i18n.use_language("en")
    assert german.startswith("Schalter für den Präsentationsmodus — führen Sie das Notebook aus")
    assert switch._repr_mimebundle_()["text/plain"].startswith("Presentation mode switch — ")
