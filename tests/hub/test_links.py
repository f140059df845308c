"""Does an nbgitpuller link pull the right repository into a predictable folder and open the right page?"""

from urllib.parse import parse_qs, urlsplit

import pytest

from psoas_lib.hub.links import folder_name, hub_link


def query(link):
    parts = urlsplit(link)
    return parts, {key: values[0] for key, values in parse_qs(parts.query).items()}


def test_a_link_opens_the_notebook_as_a_voila_page_in_the_students_copy():
    parts, q = query(hub_link("https://hub.example.edu/", "https://github.com/acme/psoas-release.git",
                              "03_progressions.ipynb"))
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "hub.example.edu", "/hub/user-redirect/git-pull")
    assert q == {"repo": "https://github.com/acme/psoas-release.git", "branch": "main",
                 "targetpath": "psoas-release",
                 "urlpath": "voila/render/psoas-release/notebooks/03_progressions.ipynb"}


def test_a_lab_link_a_branch_and_a_folder_of_ones_own():
    _, q = query(hub_link("http://127.0.0.1:8000", "file:///srv/course.git", "01_anatomy.ipynb", view="lab",
                          branch="week-3", folder="physio 2"))
    assert q["branch"] == "week-3" and q["targetpath"] == "physio 2"
    assert q["urlpath"] == "lab/tree/physio 2/notebooks/01_anatomy.ipynb"


@pytest.mark.parametrize("repo, folder", [
    ("https://github.com/acme/psoas-release.git", "psoas-release"),
    ("https://gitlab.example.edu/physio/course/", "course"),
    ("file:///opt/psoas-hub/psoas-release.git", "psoas-release"),
])
def test_the_folder_is_the_repository_name(repo, folder):
    assert folder_name(repo) == folder


@pytest.mark.parametrize("hub, notebook, view, message", [
    ("hub.example.edu", "02_technique.ipynb", "voila", "must start with https://"),
    ("https://hub.example.edu", "04_extra.ipynb", "voila", "unknown notebook"),
    ("https://hub.example.edu", "02_technique.ipynb", "classic", "unknown view"),
])
def test_a_mistake_is_named(hub, notebook, view, message):
    with pytest.raises(ValueError, match=message):
        hub_link(hub, "https://github.com/acme/psoas-release.git", notebook, view)
