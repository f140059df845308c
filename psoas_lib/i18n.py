"""Interface text (buttons, feedback frames, timer labels) through gettext catalogues.

Lesson content is translated by the instructor in the lesson file; only the widgets' own words come
from here. Call `use_language(lesson.language)` once, then wrap every interface string in `_()` (text
written down before a language is chosen: `N_()`, then `marked()` where it is shown).
Catalogues are the `.po` files under `locale/`, compiled in memory by Babel when a language is chosen,
so there is no binary `.mo` file to keep in step.
"""

from __future__ import annotations

import gettext
import io
from pathlib import Path

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "psoas_lib"

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = ""  # what use_language was last given ("" before any call: the English text)


def catalogue_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def available_languages() -> list[str]:
    return sorted(path.parent.parent.name for path in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def catalogue_language(language: str) -> str | None:
    """The shipped catalogue `language` uses ("de", "de_CH" falls back to "de"), or None if there is none."""
    return next((c for c in (language, language.split("_")[0]) if catalogue_path(c).exists()), None)


def translations(language: str) -> gettext.NullTranslations:
    """The catalogue for `language` (see `catalogue_language`); English text where there is none."""
    candidate = catalogue_language(language)
    if candidate is None:
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with catalogue_path(candidate).open("rb") as po:
        catalog = read_po(po, locale=candidate)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def use_language(language: str) -> None:
    """Select the interface language for every widget built from now on."""
    global _translation, _language
    _translation = translations(language)
    _language = language


def current_language() -> str:
    """The language last given to `use_language` ("" if none was)."""
    return _language


def _(message: str) -> str:
    """The interface string `message` in the selected language."""
    return _translation.gettext(message)


def N_(message: str) -> str:
    """Marks `message` for the catalogues without translating it: for text written down before a language is
    chosen (a class attribute); `marked()` translates it when it is shown."""
    return message


def marked(message: str) -> str:
    """A message marked with `N_()` elsewhere, in the selected language (`_()` is for literal text, which
    pybabel reads at the call)."""
    return _translation.gettext(message)
