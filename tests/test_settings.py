"""Is every PSOAS_* setting in one place, described, documented in the README and read when used?"""

import re
from pathlib import Path

from psoas_lib import settings

README = Path(__file__).resolve().parents[1] / "README.md"


def test_every_setting_has_help_and_the_readme_lists_exactly_them():
    documented = set(re.findall(r"^\| `(PSOAS_[A-Z_]+)=", README.read_text(encoding="utf-8"), re.M))
    assert documented == {setting.variable for setting in settings.SETTINGS}
    assert all(len(setting.help) > 20 for setting in settings.SETTINGS)


def test_a_setting_is_read_when_used_and_empty_means_unset(monkeypatch, tmp_path):
    monkeypatch.setenv("PSOAS_PROGRESS_DIR", str(tmp_path))
    assert settings.PROGRESS_DIR.path() == tmp_path
    monkeypatch.setenv("PSOAS_PROGRESS_DIR", "")
    assert settings.PROGRESS_DIR.path() is None
    monkeypatch.setenv("PSOAS_PRESENTATION", "1")
    assert settings.PRESENTATION.on()
    monkeypatch.setenv("PSOAS_PRESENTATION", "yes")
    assert not settings.PRESENTATION.on()


def test_no_other_module_reads_a_psoas_variable_itself():
    package = Path(settings.__file__).parent
    readers = [path.relative_to(package).as_posix() for path in package.rglob("*.py")
               if path.name != "settings.py" and "hub" not in path.parts
               and re.search(r"environ(\.get)?[\[(]\s*[\"']PSOAS_(?!HUB_)", path.read_text(encoding="utf-8"))]
    assert readers == []
