"""The `psoas-lesson` command: start a lesson of your own, check it, and collect class results."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from .lesson import LessonError, bundled_lesson_path, load_lesson
from .report import collect, summary_text, write_csvs


def _validate(args: argparse.Namespace) -> int:
    status = 0
    for path in args.paths:
        try:
            load_lesson(path)
        except LessonError as error:
            print(error)
            status = 1
        else:
            print(f"{path}: ok")
    return status


def _new(args: argparse.Namespace) -> int:
    target = Path(args.directory) / bundled_lesson_path().name
    if target.exists() and not args.force:
        print(f"{target} already exists: edit it, or add --force to replace it with a fresh copy")
        return 1
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(bundled_lesson_path(), target)
    print(f"wrote {target}\n"
          f"edit it, then check it with:  psoas-lesson validate {target}\n"
          f"and use it with:              PSOAS_LESSON={target} jupyter lab notebooks/")
    return 0


def _report(args: argparse.Namespace) -> int:
    directory = Path(args.directory)
    if not directory.is_dir():
        print(f"{directory}: no such folder")
        return 1
    report = collect(directory)
    results, summary = write_csvs(report, Path(args.output) if args.output else directory)
    print(summary_text(report))
    print(f"wrote {results} and {summary}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="psoas-lesson", description="Work with psoas-release lesson files.")
    commands = parser.add_subparsers(dest="command", required=True)

    validate = commands.add_parser("validate", help="check lesson files; print PATH: ok or every error")
    validate.add_argument("paths", nargs="+", metavar="PATH")
    validate.set_defaults(run=_validate)

    new = commands.add_parser("new", help="write an editable copy of the bundled lesson into DIR")
    new.add_argument("directory", metavar="DIR")
    new.add_argument("--force", action="store_true", help="replace an existing lesson file in DIR")
    new.set_defaults(run=_new)

    report = commands.add_parser("report", help="summarise the students' progress files in DIR")
    report.add_argument("directory", metavar="DIR")
    report.add_argument("--output", metavar="OUTDIR", help="where to write the CSV files (default: DIR)")
    report.set_defaults(run=_report)

    args = parser.parse_args(argv)
    return args.run(args)
