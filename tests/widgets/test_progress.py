"""Does the progress panel show what is saved, warn about a damaged file, and reset only after confirmation?"""

from psoas_lib.progress import Progress
from psoas_lib.widgets.progress import ProgressPanel


def test_reset_asks_first_and_cancel_keeps_the_answers(tmp_path):
    progress = Progress("psoas-release", student="ana", directory=tmp_path)
    progress.record("landmarks", "pulse", "Move more lateral", True)
    panel = ProgressPanel(progress)
    assert "Saved so far: 1 question(s), 1 of them answered right." in panel.summary.value
    panel.reset_button.click()
    assert "Are you sure?" in panel.question.value and panel.confirmation.layout.display is None
    panel.cancel_button.click()
    assert progress.get("landmarks", "pulse") is not None and panel.confirmation.layout.display == "none"


def test_confirmed_reset_forgets_the_saved_answers_on_disk(tmp_path):
    progress = Progress("psoas-release", student="ana", directory=tmp_path)
    progress.record("landmarks", "pulse", "Move more lateral", True)
    panel = ProgressPanel(progress)
    panel.reset_button.click()
    panel.confirm_button.click()
    assert Progress("psoas-release", student="ana", directory=tmp_path).answers == {}
    assert "Saved so far: 0 question(s)" in panel.summary.value
    assert "restart the kernel" in panel.question.value


def test_a_damaged_file_is_announced(tmp_path):
    (tmp_path / "psoas-release--ana.json").write_text("{not json", encoding="utf-8")
    panel = ProgressPanel(Progress("psoas-release", student="ana", directory=tmp_path))
    assert "could not be read" in panel.notice.value and 'role="status"' in panel.notice.value


def test_the_summary_counts_answers_given_after_the_panel_was_shown(tmp_path):
    progress = Progress("psoas-release", student="ana", directory=tmp_path)
    panel = ProgressPanel(progress)
    progress.record("palpation", "placement", "6.0,0.0", True)
    progress.record("palpation", "depth", "fast", False)
    panel.refresh_button.click()
    assert "Saved so far: 2 question(s), 1 of them answered right." in panel.summary.value


def test_when_the_confirmation_closes_the_keyboard_focus_goes_back_to_reset(tmp_path, monkeypatch):
    panel = ProgressPanel(Progress("psoas-release", student="ana", directory=tmp_path))
    focused = []
    monkeypatch.setattr(panel.reset_button, "focus", lambda: focused.append("Reset my progress"))
    panel.reset_button.click()
    panel.cancel_button.click()
    panel.reset_button.click()
    panel.confirm_button.click()
    assert focused == ["Reset my progress", "Reset my progress"]


def test_hand_in_is_offered_only_where_the_class_collects(tmp_path, monkeypatch):
    monkeypatch.delenv("PSOAS_COLLECT_DIR", raising=False)
    progress = Progress("psoas-release", student="ana", directory=tmp_path)
    without = ProgressPanel(progress)
    assert without.hand_in_button not in without.buttons.children
    monkeypatch.setenv("PSOAS_COLLECT_DIR", str(tmp_path / "collect"))
    with_collection = ProgressPanel(progress)
    assert with_collection.hand_in_button in with_collection.buttons.children


def test_hand_in_copies_the_answers_and_says_how_many(tmp_path):
    (tmp_path / "collect").mkdir()
    progress = Progress("psoas-release", student="ana", directory=tmp_path / "home")
    panel = ProgressPanel(progress, collection=tmp_path / "collect")
    progress.record("palpation", "depth", "slow", True)
    panel.hand_in_button.click()
    assert (tmp_path / "collect/psoas-release--ana.json").exists()
    assert "Handed in: your instructor now has your 1 saved answer(s)." in panel.handed_in.value
    assert "Saved so far: 1 question(s)" in panel.summary.value


def test_a_failed_hand_in_says_so_and_keeps_the_answers(tmp_path):
    progress = Progress("psoas-release", student="ana", directory=tmp_path / "home")
    progress.record("palpation", "depth", "slow", True)
    panel = ProgressPanel(progress, collection=tmp_path / "no such folder")
    panel.hand_in_button.click()
    assert "Could not hand in" in panel.handed_in.value and "still saved here" in panel.handed_in.value
    assert Progress("psoas-release", student="ana", directory=tmp_path / "home").get("palpation", "depth")
