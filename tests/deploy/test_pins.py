"""environment.yml (conda, Binder, the hub's single-user image) and pyproject.toml (pip) pin the same versions.

Voila's widget manager must match the kernel's ipywidgets, and the image is built from environment.yml
while a laptop or the one-machine hub installs pyproject.toml: a pin changed in one file only would give
two classes two different stacks.
"""

import re
import tomllib
from pathlib import Path

import pytest
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[2]

# name, optional [extras], operator, version
_REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(===|==|~=|!=|<=|>=|<|>)?\s*([^;\s]*)")


def normalise(name: str) -> str:
    """PEP 503: case-insensitive, runs of `-`, `_` and `.` are equivalent."""
    return re.sub(r"[-_.]+", "-", name).lower()


def parse_pin(requirement: str) -> tuple[str, str]:
    """`name==version` -> (normalised name, version); anything but an exact pin is refused."""
    match = _REQUIREMENT.match(requirement)
    if not match or requirement.strip().startswith("-"):
        raise ValueError(f"not a requirement: {requirement!r}")
    name, operator, version = match.groups()
    if operator != "==" or not version or "*" in version:
        raise ValueError(f"not an exact pin (name==version): {requirement!r}")
    return normalise(name), version


def pins(requirements: list[str]) -> dict[str, str]:
    out = {}
    for requirement in requirements:
        name, version = parse_pin(requirement)
        if name in out and out[name] != version:
            raise ValueError(f"{name} pinned twice: {out[name]} and {version}")
        out[name] = version
    return out


def mismatches(a: dict[str, str], b: dict[str, str]) -> list[tuple[str, str, str]]:
    """Packages both sides pin, at different versions: (name, version in a, version in b)."""
    return sorted((name, a[name], b[name]) for name in a.keys() & b.keys() if a[name] != b[name])


def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def environment_pip() -> list[str]:
    env = YAML(typ="safe").load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    sections = [dep["pip"] for dep in env["dependencies"] if isinstance(dep, dict) and "pip" in dep]
    assert len(sections) == 1, "environment.yml should have exactly one pip: section"
    return sections[0]


# --- the comparison itself, so a green run means something --------------------------------------

def test_normalise_follows_pep_503():
    assert normalise("ruamel.yaml") == normalise("Ruamel-YAML") == normalise("ruamel_yaml") == "ruamel-yaml"
    assert normalise("jupyter_server") == normalise("Jupyter-Server")


def test_a_mismatching_pair_is_reported():
    a = pins(["jupyterlab==4.6.6", "ipywidgets==8.1.9", "only-here==1.0"])
    b = pins(["JupyterLab==4.6.6", "ipywidgets==8.1.8", "only-there==2.0"])
    assert mismatches(a, b) == [("ipywidgets", "8.1.9", "8.1.8")]


def test_normalised_names_are_matched_before_comparing():
    assert mismatches(pins(["ruamel.yaml==0.19.1"]), pins(["ruamel-yaml==0.18.0"])) == [
        ("ruamel-yaml", "0.19.1", "0.18.0")
    ]


@pytest.mark.parametrize(
    "requirement", ["jupyterlab>=4.6", "jupyterlab", "jupyterlab~=4.6.6", "jupyterlab==4.*", "-e .", "."]
)
def test_anything_but_an_exact_pin_is_refused(requirement):
    with pytest.raises(ValueError):
        parse_pin(requirement)


# --- the two files ------------------------------------------------------------------------------

def pyproject_groups() -> dict[str, dict[str, str]]:
    project = pyproject()
    groups = {"dependencies": pins(project["dependencies"])}
    for extra, requirements in project.get("optional-dependencies", {}).items():
        groups[f"[{extra}]"] = pins(requirements)
    return groups


def test_every_pin_in_both_files_is_exact():
    # pins() raises on the first requirement that is not name==version
    pyproject_groups()
    pins(environment_pip())


def test_environment_and_pyproject_pin_the_same_versions():
    env = pins(environment_pip())
    problems = {group: mismatches(env, declared) for group, declared in pyproject_groups().items()}
    assert {g: m for g, m in problems.items() if m} == {}, "(package, environment.yml, pyproject.toml)"


def test_pyproject_groups_agree_with_each_other():
    groups = list(pyproject_groups().items())
    for i, (name_a, a) in enumerate(groups):
        for name_b, b in groups[i + 1 :]:
            assert mismatches(a, b) == [], f"{name_a} vs {name_b}"


def test_environment_holds_the_whole_runtime_stack():
    # postBuild installs the project with --no-deps: whatever pyproject's dependencies name must
    # already be in environment.yml, or the image lacks it.
    missing = pyproject_groups()["dependencies"].keys() - pins(environment_pip()).keys()
    assert missing == set()


def test_environment_holds_the_single_user_side_of_the_hub():
    env = pins(environment_pip())
    hub = pyproject_groups()["[hub]"]
    for package in ("jupyterhub", "nbgitpuller"):
        assert package in hub and env.get(package) == hub[package]
