"""Is a lesson whose interface language has no catalogue told so, with the languages there are?"""

import shutil

import pytest

from psoas_lib import i18n
from psoas_lib.lesson import LessonError, load_lesson


def test_a_language_without_a_catalogue_names_the_available_ones(lesson_text, write_lesson):
    text = lesson_text.replace("language: en\n", "language: fr\n")
    path = write_lesson(text)
    with pytest.raises(LessonError) as caught:
        load_lesson(path)
    [problem] = caught.value.problems
    line = text.splitlines().index("language: fr") + 1
    assert str(problem) == (
        f"{path}:{line}:1: language: no interface catalogue for 'fr', so buttons and messages would stay "
        "English; available: de, en (to add a language, see \"Translations\" in the project README)")


@pytest.mark.parametrize("language", ["en", "de", "de_CH"])
def test_a_shipped_language_or_its_regional_variant_is_accepted(lesson_text, write_lesson, language):
    assert load_lesson(write_lesson(lesson_text.replace("language: en\n", f"language: {language}\n"))).language \
        == language


def test_adding_a_catalogue_makes_the_language_valid(lesson_text, write_lesson, tmp_path, monkeypatch):
    locale = tmp_path / "locale"
    shutil.copytree(i18n.LOCALE_DIR, locale)
    shutil.copytree(locale / "de", locale / "fr")
    monkeypatch.setattr(i18n, "LOCALE_DIR", locale)
    assert load_lesson(write_lesson(lesson_text.replace("language: en\n", "language: fr\n"))).language == "fr"
