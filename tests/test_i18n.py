"""Is every interface string translated in every shipped catalogue, placeholders intact, and is the
template (psoas_lib/locale/psoas_lib.pot) in step with the source?"""

import ast
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from psoas_lib import i18n

PACKAGE = Path(i18n.__file__).parent
ROOT = PACKAGE.parent
TEMPLATE = i18n.LOCALE_DIR / f"{i18n.DOMAIN}.pot"


def source_messages() -> dict[str, set[str]]:
    """Every `_()` and `N_()` string pybabel finds with the project's babel.cfg, and the files it is in."""
    with (ROOT / "babel.cfg").open() as config:
        method_map, options_map = parse_mapping_cfg(config)
    found: dict[str, set[str]] = {}
    for file, _line, message, _comments, _context in extract_from_dir(
            str(ROOT), method_map, options_map, keywords={"_": None, "N_": None}):
        found.setdefault(message, set()).add(file)
    return found


def interface_strings() -> set[str]:
    return set(source_messages())


def catalogue(language: str):
    with i18n.catalogue_path(language).open("rb") as po:
        return read_po(po)


def placeholders(text: str) -> set[str]:
    """The `{name}` and `{name:spec}` fields of a message, which a translation must keep exactly."""
    return set(re.findall(r"\{[a-z_]+(?::[^}]*)?\}", text))


def translated_calls() -> list[tuple[str, str | None]]:
    """("file:line", message) for every `_()` and `N_()` call in the package; message is None unless the call
    has one literal string argument."""
    calls = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "N_"):
                literal = (len(node.args) == 1 and isinstance(node.args[0], ast.Constant)
                           and isinstance(node.args[0].value, str))
                calls.append((f"{path.relative_to(ROOT)}:{node.lineno}", node.args[0].value if literal else None))
    return calls


def test_english_and_a_second_language_ship():
    assert {"en", "de"} <= set(i18n.available_languages())


@pytest.mark.parametrize("language", ["en", "de"])
def test_every_interface_string_is_translated(language):
    messages = {m.id: m for m in catalogue(language) if m.id}
    missing = sorted(s for s in interface_strings() if s not in messages or not messages[s].string)
    assert not missing, f"untranslated in {language}: {missing}"
    assert not [m.id for m in messages.values() if m.fuzzy]
    for message in messages.values():
        assert placeholders(message.string) == placeholders(message.id), message.id


def test_placeholders_with_a_format_spec_are_compared_too():
    assert placeholders("{across_cm:.1f} cm {side}") == {"{across_cm:.1f}", "{side}"}
    assert placeholders("{across_cm:.2f} cm {side}") != placeholders("{across_cm:.1f} cm {side}")


@pytest.mark.parametrize("language", ["en", "de"])
def test_no_stale_entries_linger(language):
    stale = {m.id for m in catalogue(language) if m.id} - interface_strings()
    assert not stale


def test_the_english_catalogue_says_each_message_as_written():
    assert not [m.id for m in catalogue("en") if m.id and m.string != m.id]


def test_the_template_is_up_to_date_with_the_source():
    with TEMPLATE.open("rb") as pot:
        template = {m.id: {file for file, _line in m.locations} for m in read_po(pot) if m.id}
    assert template == source_messages(), (
        "psoas_lib/locale/psoas_lib.pot is out of step with the _() strings of the source: run "
        "scripts/update-translations, then translate the new entries it reports.")


def test_pybabel_finds_every_translated_string():
    """A `_()` call inside an f-string, or on anything but one literal string, works at run time but pybabel
    (on Python 3.11) never sees it, so its text never reaches a catalogue."""
    extracted = interface_strings()
    missed = [f"{where}: {message!r}" for where, message in translated_calls() if message not in extracted]
    assert not missed, ("pybabel cannot extract these _() calls; give each one literal string, outside any "
                        "f-string:\n" + "\n".join(missed))


def test_choosing_a_language_changes_the_interface_text():
    try:
        i18n.use_language("de")
        assert i18n._("Check answer") == "Antwort prüfen"
        i18n.use_language("de_AT")
        assert i18n._("Check answer") == "Antwort prüfen"
        i18n.use_language("xx")
        assert i18n._("Check answer") == "Check answer"
    finally:
        i18n.use_language("en")
