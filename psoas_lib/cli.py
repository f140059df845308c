"""The `psoas-lesson` command: check a lesson file (and, later, start one and collect results)."""

from __future__ import annotations

import argparse

from .lesson import LessonError, load_lesson


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="psoas-lesson", description="Work with psoas-release lesson files.")
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check lesson files; print PATH: ok or every error")
    validate.add_argument("paths", nargs="+", metavar="PATH")
    validate.set_defaults(run=_validate)
    args = parser.parse_args(argv)
    return args.run(args)
