"""Load test of a whole class on the one-machine hub: N students at once, raised until the hub breaks.

    .venv/bin/python -m benchmarks.class_load                    # 40 students, then 80, 120, ... until it breaks
    .venv/bin/python -m benchmarks.class_load --students 40      # one round of 40
    .venv/bin/python -m benchmarks.class_load --students 5,10 --no-raise

Run as root on loopback only (the hub creates a Unix account per student). Every simulated student, all at
the same time: is created and has a server started through the hub's API; pulls the notebooks with the
nbgitpuller link's API; opens notebook 02 as a kernel session and runs its cells, as Voila does; then
answers as a browser would, by sending widget messages (screen answered "no", moves, "Place fingertips
here", "Sink in" pressed slowly to depth, "Ask for a slight hip flexion", "Hand in my progress"), each timed from the click message to the feedback
widget's update. Afterwards every student's progress file and handed-in file is checked, file by file.

A round "breaks" when a student does not finish, when a saved or handed-in file is wrong, or when free
memory falls under the guard (then the round is stopped at once, before the OOM killer would act). Rounds stop at the first break or at
--max-students. Figures print as Markdown for benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import pwd
import re
import shutil
import signal
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from harness.clients import HubClient
from harness.hub import ACCOUNT_PREFIX, Hub, running_hub
from psoas_lib.progress import CorruptProgress, parse_progress, read_store

from .common import machine

NOTEBOOK = "psoas-release/notebooks/02_technique.ipynb"
PROGRESS_FILE = "psoas-release--{name}.hand-in.json"
STORE_FILE = "psoas-progress--{name}.sqlite3"   # the student's own progress store
MEMORY_GUARD = 2.5 * 1024**3  # bytes of MemAvailable under which a round is stopped (sampled every second)
STUDENT_TIMEOUT = 1200  # seconds for one student from start to hand-in

# Run in each student's kernel: the model ids a browser would send its clicks to. The quiz is built only
# once the safety screen is clear, so it is looked up after the screen is answered.
FIND_SCREEN = """
import json
print(json.dumps([[radio.model_id, [label for label, _ in radio.options].index("No")] for radio in screen.answers]))
"""
FIND_QUIZ = """
import gc, json
from psoas_lib.widgets.palpation import PalpationQuiz
from psoas_lib.widgets.progress import ProgressPanel
quiz = next(o for o in gc.get_objects() if isinstance(o, PalpationQuiz))
panel = next(o for o in gc.get_objects() if isinstance(o, ProgressPanel))
model = quiz.sinking.model
print(json.dumps({
    "move_right": quiz.moves["right"].model_id,
    "place": quiz.place_button.model_id, "placement_feedback": quiz.placement_feedback.model_id,
    "sink": quiz.sinking.sink_button.model_id, "flex": quiz.sinking.flex_button.model_id,
    "presses": round(model.depth_cm / model.step_cm), "interval_s": model.step_cm / model.max_speed_cm_per_s,
    "depth_feedback": quiz.depth_feedback.model_id,
    "hand_in": panel.hand_in_button.model_id, "handed_in": panel.handed_in.model_id,
}))
"""


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] if ordered else float("nan")


def mem_available() -> int:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemAvailable:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError("no MemAvailable in /proc/meminfo")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_by_uid() -> dict[int, int]:
    """Resident memory of all processes, summed per user id (bytes)."""
    totals: dict[int, int] = {}
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            lines = status.read_text().splitlines()
        except OSError:
            continue
        values = dict(line.split(":", 1) for line in lines if ":" in line)
        if "VmRSS" in values:
            uid = int(values["Uid"].split()[0])
            totals[uid] = totals.get(uid, 0) + int(values["VmRSS"].split()[0]) * 1024
    return totals


def process_id(name: str) -> int:
    """The pid of the first process whose command line contains `name`."""
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if name in cmdline.read_bytes().replace(b"\0", b" ").decode(errors="replace"):
                return int(cmdline.parent.name)
        except OSError:
            continue
    raise RuntimeError(f"no process running {name}")


@dataclass
class Student:
    name: str
    stage: str = "waiting"
    error: str = ""
    spawn: float = 0.0
    run_notebook: float = 0.0
    clicks: list[float] = field(default_factory=list)
    done: bool = False


async def simulate(client: HubClient, student: Student) -> None:
    """One student, from account to handed-in answers."""
    try:
        student.stage = "spawn"
        student.spawn = await client.start_server(student.name)
        student.stage = "pull"
        await client.pull(student.name, NOTEBOOK.split("/", 1)[0])
        student.stage = "kernel"
        kernel = await client.open_notebook(student.name, NOTEBOOK)
        notebook = json.loads((client.hub.account_home(student.name) / NOTEBOOK).read_text())
        start = time.perf_counter()
        for cell in notebook["cells"]:
            if cell["cell_type"] == "code":
                student.stage = "run notebook"
                await kernel.execute("".join(cell["source"]))
        student.run_notebook = time.perf_counter() - start
        student.stage = "answer"
        for model_id, no in json.loads(await kernel.execute(FIND_SCREEN)):
            await kernel.choose(model_id, no)
        ids = json.loads(await kernel.execute(FIND_QUIZ))
        student.clicks.append(await kernel.click(ids["place"], ids["placement_feedback"]))  # on the midline
        for _ in range(6):
            await kernel.click(ids["move_right"])
        student.clicks.append(await kernel.click(ids["place"], ids["placement_feedback"]))  # in the start zone
        for _ in range(ids["presses"]):  # slowly, with room for a loaded kernel to take a press late
            await asyncio.sleep(ids["interval_s"] * 1.5)
            await kernel.click(ids["sink"])
        student.clicks.append(await kernel.click(ids["flex"], ids["depth_feedback"]))
        student.clicks.append(await kernel.click(ids["hand_in"], ids["handed_in"]))
        kernel.connection.close()
        student.done, student.stage = True, "done"
    except Exception as error:  # noqa: BLE001 - every failure is counted and reported
        student.error = f"{student.stage}: {type(error).__name__}: {error}"[:300]


def hub_reasons(hub: Hub, students: list[Student]) -> None:
    """Add the hub log's first error or warning about each student whose server could not start."""
    lines = hub.log.read_text(errors="replace").splitlines()
    for student in students:
        if "could not start" in student.error:
            name = re.compile(rf"\b{student.name}\b")
            said = next((line.split("] ", 1)[-1] for line in lines
                         if line.startswith(("[E", "[W")) and name.search(line)), "")
            student.error += f" (hub log: {name.sub('NAME', said)[:160]})"


def check_files(hub: Hub, student: Student) -> str:
    """'' when the student's own progress and handed-in files hold exactly this student's answers."""
    account = pwd.getpwnam(ACCOUNT_PREFIX + student.name)
    progress = Path(account.pw_dir) / ".psoas/progress" / STORE_FILE.format(name=student.name)
    handed_in = hub.hand_in_folder(student.name) / PROGRESS_FILE.format(name=student.name)
    for path in (progress, handed_in):
        if not path.exists():
            return f"{path} is missing"
        if path.stat().st_uid != account.pw_uid:
            return f"{path} is not owned by {account.pw_name}"
    try:  # the same validation the class report applies; the store read-only, as root must not write there
        answers, theirs = read_store(progress, "psoas-release"), parse_progress(handed_in.read_bytes())
    except CorruptProgress as error:
        return f"not readable progress: {error}"
    if theirs["student"] != student.name:
        return "the hand-in names another student"
    if theirs["answers"] != answers:
        return "the handed-in answers differ from the saved ones"
    expected = {"palpation/placement": (2, True), "palpation/depth": (1, True)}
    got = {key: (answers[key].attempts, answers[key].correct) for key in expected if key in answers}
    return "" if got == expected else f"unexpected answers {got}"


async def round_of(hub: Hub, size: int, round_number: int) -> dict:
    students = [Student(f"r{round_number}s{i:03d}") for i in range(size)]
    client = HubClient(hub)
    hub_pid, proxy_pid = process_id("jupyterhub_config.py"), process_id("configurable-http-proxy")
    cpu_before = {pid: cpu_seconds(pid) for pid in (hub_pid, proxy_pid)}
    lowest_free = mem_available()
    start = time.perf_counter()
    tasks = [asyncio.create_task(asyncio.wait_for(simulate(client, s), STUDENT_TIMEOUT)) for s in students]
    guard = ""
    while not all(t.done() for t in tasks):
        lowest_free = min(lowest_free, mem_available())
        if lowest_free < MEMORY_GUARD:  # stop the round before the kernel's OOM killer picks what to kill
            running = sum(1 for s in students if s.spawn)
            guard = f"stopped: free memory under {MEMORY_GUARD / 1024**3:.1f} GiB with {running} servers running"
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            break
        await asyncio.sleep(1)
    wall = time.perf_counter() - start
    for s in students:
        if not s.done and not s.error:
            s.error = f"{s.stage}: {guard}" if guard else f"{s.stage}: TimeoutError: not finished after {STUDENT_TIMEOUT} s"
    by_uid = rss_by_uid()
    memory = [by_uid.get(pwd.getpwnam(ACCOUNT_PREFIX + s.name).pw_uid, 0) for s in students if s.done]
    cpu = {pid: (cpu_seconds(pid) - before) / wall for pid, before in cpu_before.items()}
    hub_reasons(hub, students)
    for s in students:
        if s.done and (problem := check_files(hub, s)):
            s.done, s.error = False, f"files: {problem}"
    clicks = [c for s in students for c in s.clicks]
    spawns = [s.spawn for s in students if s.spawn]
    runs = [s.run_notebook for s in students if s.run_notebook]
    errors: dict[str, int] = {}
    for s in students:
        if s.error:
            key = s.error.split(":", 2)[0] + ": " + s.error.split(":", 2)[-1].strip()[:200]
            errors[key] = errors.get(key, 0) + 1
    await asyncio.gather(*(client.call(f"/users/{s.name}/server", "DELETE") for s in students),
                         return_exceptions=True)
    await asyncio.sleep(5)
    return {
        "students": size, "succeeded": sum(s.done for s in students), "wall": wall,
        "spawn": spawns, "run": runs, "clicks": clicks, "memory": memory,
        "hub_cpu": cpu[hub_pid], "proxy_cpu": cpu[proxy_pid], "lowest_free": lowest_free, "errors": errors,
    }


def row(result: dict) -> str:
    def p(values, q, scale=1.0, fmt=".2f"):
        return format(percentile(values, q) * scale, fmt) if values else "–"
    mib = 1 / 1024**2
    return (f"| {result['students']} | {result['succeeded']} | {result['wall']:.0f} s "
            f"| {p(result['spawn'], .5, fmt='.1f')} / {p(result['spawn'], .95, fmt='.1f')} s "
            f"| {p(result['run'], .5, fmt='.1f')} / {p(result['run'], .95, fmt='.1f')} s "
            f"| {p(result['clicks'], .5, 1000, '.0f')} / {p(result['clicks'], .95, 1000, '.0f')} ms "
            f"| {p(result['memory'], .5, mib, '.0f')} / {p(result['memory'], 1.0, mib, '.0f')} MiB "
            f"| {result['hub_cpu'] * 100:.0f} % / {result['proxy_cpu'] * 100:.0f} % "
            f"| {result['lowest_free'] / 1024**3:.1f} GiB |")


HEADER = ("| students | finished, files right | wall | spawn p50 / p95 | notebook run p50 / p95 "
          "| click-to-feedback p50 / p95 | memory per student server p50 / max | hub / proxy CPU "
          "| lowest free memory |\n|---|---|---|---|---|---|---|---|---|")


async def main_async(sizes: list[int], keep_raising: bool, max_students: int, hub_log: Path) -> None:
    with running_hub() as hub:
        try:
            await rounds(hub, sizes, keep_raising, max_students)
        finally:
            hub_log.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(hub.log, hub_log)
            print(f"\nthe hub's log: {hub_log}", flush=True)


async def rounds(hub: Hub, sizes: list[int], keep_raising: bool, max_students: int) -> None:
    """Rounds of students, growing until one breaks; each round's figures print as a table row."""
    print("\n".join(f"- {line}" for line in machine()), flush=True)
    print(HEADER, flush=True)
    round_number, size = 0, sizes[0]
    while True:
        round_number += 1
        result = await round_of(hub, size, round_number)
        print(row(result), flush=True)
        for error, count in result["errors"].items():
            print(f"  - {count}× {error}", flush=True)
        if result["succeeded"] < size:
            print(f"\nbroke at {size} students", flush=True)
            return
        if round_number < len(sizes):
            size = sizes[round_number]
        elif keep_raising and size + sizes[0] <= max_students:
            size += sizes[0]
        else:
            return


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.class_load", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--students", default="40", help="students per round, comma-separated (default 40)")
    parser.add_argument("--no-raise", action="store_true", help="stop after the listed rounds")
    parser.add_argument("--max-students", type=int, default=400, help="never start a round larger than this")
    parser.add_argument("--hub-log", type=Path, default=Path("test-artifacts/class-load-hub.log"),
                        help="where to keep a copy of the hub's log")
    args = parser.parse_args(argv)
    if os.geteuid() != 0:
        print("run as root: the class hub creates a Unix account per student", file=sys.stderr)
        return 1
    sizes = [int(n) for n in args.students.split(",")]
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # a kill still stops the hub and removes its accounts
    asyncio.run(main_async(sizes, not args.no_raise, args.max_students, args.hub_log))
    return 0


if __name__ == "__main__":
    sys.exit(main())
