"""The `psoas-lesson` command: start a lesson of your own, check it, list its sourced statements, and collect
class results."""

from __future__ import annotations

import argparse
import shutil
import subprocess
from pathlib import Path

from .hub.links import NOTEBOOKS, VIEWS, hub_link
from .lesson import LessonError, bundled_lesson_path, load_lesson
from .lesson.facts import statements
from .lesson.loader import field_path, positions
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


def _facts(args: argparse.Namespace) -> int:
    path = Path(args.path) if args.path else bundled_lesson_path()
    try:
        lesson, where = load_lesson(path), positions(path)
    except LessonError as error:
        print(error)
        return 1
    found = statements(lesson)
    for statement in found:
        line, column = where[statement.location]
        print(f"{path}:{line}:{column}: {field_path(statement.location)} [{'; '.join(statement.sources)}]")
        for location, text in statement.texts:
            print(f"    {field_path(location[len(statement.location):])}: {' '.join(text.split())}")
    print(f"{len(found)} statements, each with its sources")
    return 0


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
    report = collect(directory, args.hub_accounts)
    results, summary = write_csvs(report, Path(args.output) if args.output else directory)
    print(summary_text(report))
    print(f"wrote {results} and {summary}")
    return 0


def _checkout_remote() -> str | None:
    """The `origin` address of the git checkout this package runs from, if it is one."""
    try:
        result = subprocess.run(["git", "-C", str(Path(__file__).parent), "remote", "get-url", "origin"],
                                capture_output=True, text=True, check=False)
    except OSError:
        return None
    return result.stdout.strip() or None


def _hub_link(args: argparse.Namespace) -> int:
    repo = args.repo or _checkout_remote()
    if not repo:
        print("no --repo given and this is not a git checkout with an origin: "
              "add --repo https://github.com/YOU/psoas-release")
        return 1
    notebooks = [args.notebook] if args.notebook else NOTEBOOKS
    try:
        links = [(name, hub_link(args.hub, repo, name, args.view, args.branch, args.folder)) for name in notebooks]
    except ValueError as error:
        print(error)
        return 1
    for name, link in links:
        print(f"{name}: {link}" if len(links) > 1 else link)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="psoas-lesson", description="Work with psoas-release lesson files.")
    commands = parser.add_subparsers(dest="command", required=True)

    validate = commands.add_parser("validate", help="check lesson files; print PATH: ok or every error")
    validate.add_argument("paths", nargs="+", metavar="PATH")
    validate.set_defaults(run=_validate)

    facts = commands.add_parser("facts", help="list every clinical statement of a lesson with its sources and "
                                              "its place in the file (default: the bundled lesson)")
    facts.add_argument("path", nargs="?", metavar="PATH")
    facts.set_defaults(run=_facts)

    new = commands.add_parser("new", help="write an editable copy of the bundled lesson into DIR")
    new.add_argument("directory", metavar="DIR")
    new.add_argument("--force", action="store_true", help="replace an existing lesson file in DIR")
    new.set_defaults(run=_new)

    report = commands.add_parser("report", help="summarise the students' progress files in DIR")
    report.add_argument("directory", metavar="DIR")
    report.add_argument("--output", metavar="OUTDIR", help="where to write the CSV files (default: DIR)")
    report.add_argument("--hub-accounts", metavar="PREFIX",
                        help="on the one-machine hub (PREFIX psoas-): count a file only if the student's own "
                             "account handed it in")
    report.set_defaults(run=_report)

    link = commands.add_parser("hub-link", help="print nbgitpuller links that give each student a copy on a hub")
    link.add_argument("--hub", required=True, metavar="URL", help="the hub's address, e.g. https://hub.example.edu")
    link.add_argument("--repo", metavar="URL", help="the git repository to pull (default: this checkout's origin)")
    link.add_argument("--branch", default="main")
    link.add_argument("--notebook", choices=NOTEBOOKS, help="one notebook (default: a link for each)")
    link.add_argument("--view", choices=sorted(VIEWS), default="voila",
                      help="voila: the page without code (default); lab: JupyterLab")
    link.add_argument("--folder", help="the folder in each student's home (default: the repository's name)")
    link.set_defaults(run=_hub_link)

    args = parser.parse_args(argv)
    return args.run(args)
