"""Every `PSOAS_*` setting a notebook reads, in one place, each with its help (README, "Settings").

Read when used, not at import: a test or a hub's spawner may set a variable after psoas_lib is imported.
The hub's own variables (`PSOAS_HUB_*`) belong to the `psoas-lesson` commands that take them as options.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Setting:
    """One environment variable: its name and what it does."""

    variable: str
    help: str

    def value(self) -> str | None:
        """The variable's value, or None when it is unset or empty."""
        return os.environ.get(self.variable) or None

    def path(self) -> Path | None:
        configured = self.value()
        return Path(configured) if configured else None

    def given(self, value: str | Path | None) -> str | None:
        """`value` when a notebook cell gives one, else the variable's value."""
        return str(value) if value else self.value()

    def on(self) -> bool:
        return self.value() == "1"


LESSON = Setting("PSOAS_LESSON", "a lesson file every notebook (JupyterLab or Voila) uses instead of the bundled one")
PROGRESS_DIR = Setting("PSOAS_PROGRESS_DIR", "where each student's progress store goes (default ~/.psoas/progress)")
PRESENTATION = Setting("PSOAS_PRESENTATION", "1: start in presentation mode (large, high-contrast text)")
COLLECT_DIR = Setting("PSOAS_COLLECT_DIR", "where \"Hand in my progress\" writes (set by the hub; without it "
                                           "the button is not shown)")
CACHE_DIR = Setting("PSOAS_CACHE_DIR", "where the validated lesson and drawn figures are cached "
                                       "(default ~/.cache/psoas_lib)")

CLASS_DIR = Setting("PSOAS_CLASS_DIR", "the class dashboard's hand-in folder (default: the bundled example class)")
CLASS_ROSTER = Setting("PSOAS_CLASS_ROSTER", "the class dashboard's roster: a file of the class's names, one per "
                                             "line, to see who has not handed in")
CLASS_ACCOUNTS = Setting("PSOAS_CLASS_ACCOUNTS", "on the one-machine hub, the account prefix (psoas-) whose own "
                                                 "files alone the class dashboard counts")

SETTINGS = (LESSON, PROGRESS_DIR, PRESENTATION, COLLECT_DIR, CACHE_DIR, CLASS_DIR, CLASS_ROSTER, CLASS_ACCOUNTS)
