"""Does the presentation switch enlarge text and keep keyboard focus visible, saying its state in words?"""

from psoas_lib.widgets.presentation import PresentationSwitch


def test_focus_stays_visible_whatever_the_mode():
    switch = PresentationSwitch()
    assert "outline: 3px solid" in switch.styles.value
    assert "font-size: 24px" not in switch.styles.value
    assert "Presentation mode is off." in switch.state.value


def test_switching_on_adds_large_high_contrast_text_and_says_so():
    switch = PresentationSwitch()
    switch.toggle.value = True
    assert "font-size: 24px" in switch.styles.value and "color: #000" in switch.styles.value
    assert "Presentation mode is on." in switch.state.value
    switch.toggle.value = False
    assert "font-size: 24px" not in switch.styles.value


def test_the_toggle_has_a_text_label():
    assert PresentationSwitch().toggle.description.startswith("Presentation mode")
