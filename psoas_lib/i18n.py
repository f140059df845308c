"""Interface text (buttons, feedback frames, timer labels) through gettext catalogues.

Lesson content is translated by the instructor in the lesson file; only the widgets' own words come
from here. Call `use_language(lesson.language)` once, then wrap every interface string in `_()`.
"""

from __future__ import annotations

import gettext as _gettext
from pathlib import Path

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "psoas_lib"

_translation: _gettext.NullTranslations = _gettext.NullTranslations()


def use_language(language: str) -> None:
    """Select the catalogue for `language` (e.g. "de"); English text is used where none exists."""
    global _translation
    _translation = _gettext.translation(DOMAIN, LOCALE_DIR, languages=[language], fallback=True)


def _(message: str) -> str:
    """The interface string `message` in the selected language."""
    return _translation.gettext(message)
