"""Import cost: `import psoas_lib` in a fresh process against `import ipywidgets, matplotlib`. For
information, also what a notebook's first cell imports (`psoas_lib.notebook`)."""

from __future__ import annotations

from .common import Result, paired, timed_in_fresh_process

BASELINE = "import ipywidgets, matplotlib"


def run(repeat: int) -> list[Result]:
    def baseline():
        return 1000 * timed_in_fresh_process("", BASELINE)

    package = paired(repeat, Result("import", "import psoas_lib", BASELINE, "ms", max_ratio=1.2),
                     lambda: 1000 * timed_in_fresh_process("", "import psoas_lib"), baseline)
    first_cell = paired(repeat, Result("import", "from psoas_lib.notebook import start", BASELINE, "ms"),
                        lambda: 1000 * timed_in_fresh_process("", "from psoas_lib.notebook import start"),
                        baseline)
    return [package, first_cell]
