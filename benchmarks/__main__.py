"""Run the benchmarks and print their results as Markdown for benchmarks/RESULTS.md.

    .venv/bin/python -m benchmarks                  # all nine measures, 5 repetitions each (about 8 minutes)
    .venv/bin/python -m benchmarks -r 1 imports     # some measures only, fewer repetitions

Everything runs with HOME, Jupyter's, IPython's, matplotlib's and the progress folders in a temporary folder.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time

from .common import isolated_environment, machine, markdown_table

MEASURES = ["lesson_loading", "imports", "notebook_execution", "first_kernel", "kernel_memory", "voila_interactive",
            "click_feedback", "progress_store", "server_start"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("measures", nargs="*", choices=[[], *MEASURES], default=[],
                        help="which measures to run (default: all)")
    parser.add_argument("-r", "--repeat", type=int, default=5, help="repetitions of each measure (default 5)")
    args = parser.parse_args(argv)
    chosen = [name for name in MEASURES if name in args.measures] or MEASURES
    results = []
    with isolated_environment():
        print("\n".join(f"- {line}" for line in machine()))
        print(f"- repetitions: {args.repeat} (pairs of subject and baseline; ratio = subject / baseline)\n",
              flush=True)
        for name in chosen:
            start = time.monotonic()
            measured = importlib.import_module(f"benchmarks.{name}").run(args.repeat)
            print(f"{name}: {time.monotonic() - start:.0f} s", file=sys.stderr, flush=True)
            results += measured
    print(markdown_table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
