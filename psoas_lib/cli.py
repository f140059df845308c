"""The `psoas-lesson` command: start a lesson of your own, check it, list its sourced statements, collect class
results, run a class roster."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import yaml

from .hub.links import NOTEBOOKS, VIEWS, hub_link
from .i18n import use_language
from .lesson import Lesson, LessonError, bundled_lesson_path, load_lesson
from .lesson.facts import statements
from .lesson.loader import positions
from .lesson.migrations import upgrade_file
from .lesson.problems import field_path
from .report import collect, printable, summary_text, write_csvs


def _validate(args: argparse.Namespace) -> int:
    if args.language:
        use_language(args.language)
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


def _upgrade(args: argparse.Namespace) -> int:
    status = 0
    for path in args.paths:
        try:
            print(upgrade_file(Path(path)))
        except LessonError as error:
            print(error)
            status = 1
    return status


SCHEMA_FILE = "lesson.schema.json"
SHORT_LESSON = Path(__file__).parent / "lesson" / "short_lesson.yaml"  # what `new` writes
# The first line of a lesson file written by `new`: YAML editors (VS Code's YAML extension, JupyterLab's LSP)
# then check and complete the file against the schema as the instructor types.
SCHEMA_LINE = f"# yaml-language-server: $schema={SCHEMA_FILE}\n"


def schema_json(short: bool = False) -> str:
    """The JSON Schema of the lesson format, from the pydantic models; `short` for a lesson that extends another
    (every field optional, and the keys that say what changes)."""
    schema = Lesson.model_json_schema()
    if short:
        schema = _short_schema(schema)
    return json.dumps({"$schema": "https://json-schema.org/draft/2020-12/schema", **schema},
                      indent=2, ensure_ascii=False) + "\n"


def _short_schema(schema: dict) -> dict:
    for definition in [schema, *schema["$defs"].values()]:
        definition.pop("required", None)
        if "id" in definition.get("properties", {}):
            definition["properties"] |= {"remove": {"type": "boolean"}, "new": {"type": "boolean"}}
    schema["properties"] |= {
        "extends": {"type": "string", "description": "bundled, or the path of the lesson file this one extends"},
        "reorder": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
    }
    return schema


def _schema(args: argparse.Namespace) -> int:
    text = schema_json(args.short)
    if args.output is None:
        print(text, end="")
        return 0
    Path(args.output).write_text(text, encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


def _facts(args: argparse.Namespace) -> int:
    path = Path(args.path) if args.path else bundled_lesson_path()
    try:
        lesson, where = load_lesson(path), positions(path)
    except LessonError as error:
        print(error)
        return 1
    found = statements(lesson)
    for statement in found:
        line, column = where.get(statement.location, (1, 1))
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
    if args.full:
        target.write_text(SCHEMA_LINE + bundled_lesson_path().read_text(encoding="utf-8"), encoding="utf-8")
    else:
        target.write_text(SHORT_LESSON.read_text(encoding="utf-8"), encoding="utf-8")
    (target.parent / SCHEMA_FILE).write_text(schema_json(short=not args.full), encoding="utf-8")
    print(f"wrote {target} (and {SCHEMA_FILE}, which editors use to check it as you type)\n"
          f"edit it, then check it with:  psoas-lesson validate {target}\n"
          f"and use it with:              PSOAS_LESSON={target} jupyter lab notebooks/")
    return 0


def _show(args: argparse.Namespace) -> int:
    try:
        lesson = load_lesson(args.path)
    except LessonError as error:
        print(error)
        return 1
    print(yaml.safe_dump(lesson.model_dump(mode="json"), sort_keys=False, allow_unicode=True, width=100), end="")
    return 0


def _usage_error(message: str) -> int:
    """A bad argument: one line on stderr, exit status 2 (as argparse does)."""
    print(f"psoas-lesson: error: {printable(message)}", file=sys.stderr)
    return 2


def _report(args: argparse.Namespace) -> int:
    directory = Path(args.directory)
    output = Path(args.output) if args.output else directory
    if not directory.is_dir():
        return _usage_error(f"{directory}: no such folder")
    if not output.is_dir():
        return _usage_error(f"--output {output}: no such folder")
    if not os.access(output, os.W_OK | os.X_OK):
        return _usage_error(f"{output}: not writable, so the CSV files cannot be written there (use --output)")
    report = collect(directory, args.hub_accounts)
    try:
        results, summary = write_csvs(report, output)
    except OSError as error:
        return _usage_error(f"{output}: the CSV files could not be written ({error.strerror or error})")
    print(summary_text(report))
    print(printable(f"wrote {results} and {summary}"))
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


def _roster(args: argparse.Namespace) -> int:
    from .hub import roster  # the hub extra: not needed for lesson files

    names = list(args.names)
    try:
        if args.file:
            names += roster.read_names(Path(args.file).read_text(encoding="utf-8").splitlines())
        if args.action != "list" and not names:
            raise roster.RosterError("name at least one student (or --file FILE, one name per line)")
        database = Path(args.database) if args.database else roster.hub_database(Path(args.hub_home))
        with roster.open_roster(database) as session:
            if args.action == "list":
                print("\n".join(roster.roster(session)) or "the roster is empty")
            elif args.action == "remove":
                for name in roster.remove(session, names):
                    print(f"removed {name}: can no longer log in (their home and hand-ins stay)")
            else:
                issued = (roster.add if args.action == "add" else roster.reset)(session, names)
                for name, password in issued.items():
                    print(f"{name}\t{password}")
    except (roster.RosterError, OSError, UnicodeDecodeError) as error:
        print(f"psoas-lesson roster: {error}")
        return 1
    return 0


def _at_least_one(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"a whole number of 1 or more, not {text!r}")
    return int(text)


def _hub_prestart(args: argparse.Namespace) -> int:
    import asyncio

    from .hub import prestart, roster

    home = Path(args.hub_home)
    try:
        token = os.environ.get("PSOAS_HUB_API_TOKEN") or (home / "state/class-tools-token").read_text().strip()
        names = args.names
        if not names:
            with roster.open_roster(roster.hub_database(home)) as session:
                names = roster.roster(session)
    except (roster.RosterError, OSError) as error:
        print(f"psoas-lesson hub-prestart: {error}")
        return 1
    api = prestart.HubAPI(args.hub, token)

    def said(started: prestart.Started) -> None:
        print(f"{started.name}: " + (f"not started: {started.error}" if started.error
                                     else f"ready after {started.seconds:.0f} s"), flush=True)

    results = asyncio.run(prestart.prestart(names, api.start_server, args.at_once, args.gap, report=said))
    failed = [started.name for started in results if started.error]
    print(f"{len(results) - len(failed)} of {len(results)} servers ready" +
          (f"; not started: {', '.join(failed)}" if failed else ""))
    return 1 if failed else 0


class _Parser(argparse.ArgumentParser):
    """Bad arguments get one line, not the usage text: `psoas-lesson COMMAND --help` gives that."""

    def error(self, message: str) -> None:
        self.exit(2, f"{self.prog}: error: {printable(message)}\n")


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(prog="psoas-lesson", description="Work with psoas-release lesson files.")
    commands = parser.add_subparsers(dest="command", required=True)

    validate = commands.add_parser("validate", help="check lesson files; print PATH: ok or every error")
    validate.add_argument("paths", nargs="+", metavar="PATH")
    validate.add_argument("--language", default="", metavar="LANG",
                          help="the language of the messages, e.g. de (default: English)")
    validate.set_defaults(run=_validate)

    upgrade = commands.add_parser("upgrade", help="rewrite lesson files in the current format, keeping comments")
    upgrade.add_argument("paths", nargs="+", metavar="PATH")
    upgrade.set_defaults(run=_upgrade)

    facts = commands.add_parser("facts", help="list every clinical statement of a lesson with its sources and "
                                              "its place in the file (default: the bundled lesson)")
    facts.add_argument("path", nargs="?", metavar="PATH")
    facts.set_defaults(run=_facts)

    new = commands.add_parser("new", help="write a short lesson into DIR that extends the bundled one")
    new.add_argument("directory", metavar="DIR")
    new.add_argument("--full", action="store_true", help="a whole copy of the bundled lesson instead")
    new.add_argument("--force", action="store_true", help="replace an existing lesson file in DIR")
    new.set_defaults(run=_new)

    show = commands.add_parser("show", help="print the whole lesson a file makes (a short one merged)")
    show.add_argument("path", metavar="PATH")
    show.set_defaults(run=_show)

    schema = commands.add_parser("schema", help="print the JSON Schema of lesson files (for editors)")
    schema.add_argument("--output", metavar="FILE", help="write it to FILE instead")
    schema.add_argument("--short", action="store_true", help="for a short lesson (one with extends:)")
    schema.set_defaults(run=_schema)

    report = commands.add_parser("report", help="summarise the students' hand-ins in DIR and its sub-folders")
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

    class_roster = commands.add_parser(
        "roster", help="who may log in to the one-machine hub: add, reset or remove students, or list them",
        description="add and reset print each name with a new password to hand out (the student can change it "
                    "at /hub/change-password). Run as root while or after the hub has started once.")
    class_roster.add_argument("action", choices=["add", "reset", "remove", "list"])
    class_roster.add_argument("names", nargs="*", metavar="NAME")
    class_roster.add_argument("--file", metavar="FILE", help="more names, one per line (# starts a comment)")
    class_roster.add_argument("--hub-home", default=os.environ.get("PSOAS_HUB_HOME", "/opt/psoas-hub"),
                              metavar="DIR", help="the hub's folder (default: $PSOAS_HUB_HOME or /opt/psoas-hub)")
    class_roster.add_argument("--database", metavar="FILE", help="the hub's database (default: DIR/state/...)")
    class_roster.set_defaults(run=_roster)

    ahead = commands.add_parser(
        "hub-prestart", help="start the class's servers on the one-machine hub before class, a few at a time")
    ahead.add_argument("names", nargs="*", metavar="NAME", help="these students (default: the whole roster)")
    ahead.add_argument("--hub", default=os.environ.get("PSOAS_HUB_URL", "http://127.0.0.1:8000"), metavar="URL")
    ahead.add_argument("--hub-home", default=os.environ.get("PSOAS_HUB_HOME", "/opt/psoas-hub"), metavar="DIR",
                       help="the hub's folder, which holds the roster and the class-tools token")
    ahead.add_argument("--at-once", type=_at_least_one, default=2, metavar="N", help="servers starting together (default 2)")
    ahead.add_argument("--gap", type=float, default=2.0, metavar="SECONDS",
                       help="at least this long between two starts (default 2)")
    ahead.set_defaults(run=_hub_prestart)

    args = parser.parse_args(argv)
    return args.run(args)
