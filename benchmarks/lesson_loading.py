"""How long does validating a lesson take, and how fast is an alias bomb refused, relative to a plain parse?

Run: .venv/bin/python benchmarks/lesson_loading.py  — prints ratios measured in this one run.
"""

import io
import tempfile
import timeit
from pathlib import Path

from ruamel.yaml import YAML

from psoas_lib.lesson import LessonError, bundled_lesson_path, load_lesson

REPEAT = 20


def best(fn) -> float:
    return min(timeit.repeat(fn, number=1, repeat=REPEAT))


def main() -> None:
    text = bundled_lesson_path().read_text(encoding="utf-8")
    bomb_lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    bomb_lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    with tempfile.TemporaryDirectory() as scratch:
        bomb = Path(scratch) / "bomb.yaml"
        bomb.write_text("\n".join(bomb_lines) + "\n")

        def refuse_bomb():
            try:
                load_lesson(bomb)
            except LessonError:
                pass

        plain = best(lambda: YAML(typ="safe").load(io.StringIO(text)))
        full = best(load_lesson)
        refused = best(refuse_bomb)
    print(f"plain safe parse of the bundled lesson: 1.00 (baseline, {plain * 1000:.1f} ms here)")
    print(f"load_lesson (round-trip parse + schema + checks): {full / plain:.2f}x the baseline")
    print(f"refusing a 10-level alias bomb: {refused / plain:.3f}x the baseline")


if __name__ == "__main__":
    main()
