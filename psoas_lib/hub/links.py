"""nbgitpuller links: one click gives each student their own copy of the notebooks on the hub.

nbgitpuller clones the repository into the student's home on the first click and, on later clicks, merges
new commits without overwriting what the student changed; then it opens `urlpath`.
"""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

NOTEBOOKS = ("01_anatomy.ipynb", "02_technique.ipynb", "03_progressions.ipynb", "04_review.ipynb")
VIEWS = {
    "voila": "voila/render/{folder}/notebooks/{notebook}",  # the student-facing page: no code shown
    "lab": "lab/tree/{folder}/notebooks/{notebook}",        # JupyterLab, for instructors and curious students
}


def folder_name(repo: str) -> str:
    """The folder nbgitpuller clones into by default: the repository's last path part, without .git."""
    name = repo.rstrip("/").rsplit("/", 1)[-1]
    return name.removesuffix(".git") or "psoas-release"


def hub_link(hub: str, repo: str, notebook: str = "02_technique.ipynb", view: str = "voila",
             branch: str = "main", folder: str | None = None) -> str:
    """The nbgitpuller link that pulls `repo` into ~/`folder` and opens `notebook` in `view`."""
    parts = urlsplit(hub)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"the hub address must start with https:// (or http://), not {hub!r}")
    if notebook not in NOTEBOOKS:
        raise ValueError(f"unknown notebook {notebook!r}: choose one of {', '.join(NOTEBOOKS)}")
    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r}: choose one of {', '.join(VIEWS)}")
    folder = folder or folder_name(repo)
    query = urlencode({
        "repo": repo,
        "branch": branch,
        "targetpath": folder,
        "urlpath": VIEWS[view].format(folder=folder, notebook=notebook),
    })
    return f"{hub.rstrip('/')}/hub/user-redirect/git-pull?{query}"
