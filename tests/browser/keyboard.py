"""Keyboard-only driving of a page, with every move of the focus checked (used by test_keyboard and test_zoom).

`step` presses Tab or Shift+Tab and checks that the focus moved to another element (or off the end of the
page), that it shows (an outline or a box shadow, not cut off by a box around it), that the control is on
screen and that it has a name. Nothing here clicks or calls `element.focus()`.
"""

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

MAX_PRESSES = 150  # more Tab stops than any notebook has: a whole cycle through a page fits
WAIT_MS = 30_000

# The focused element, described for the checks: an id that stays the same while the element lives, its
# accessible name (aria-label, aria-labelledby, its <label>s, a button's text, or its title), and whether
# its focus indicator shows and it lies in the viewport.
FOCUSED = r"""() => {
    const e = document.activeElement;
    if (!e || e === document.body || e === document.documentElement) return {body: true, id: 0, name: ''};
    const ids = window.psoasFocusIds = window.psoasFocusIds || new WeakMap();
    if (!ids.has(e)) ids.set(e, window.psoasFocusCount = (window.psoasFocusCount || 0) + 1);
    const clean = (text) => (text || '').replace(/\s+/g, ' ').trim();
    const labelledBy = (list) => list.split(/\s+/).map(id => document.getElementById(id))
        .filter(Boolean).map(l => l.innerText).join(' ');
    const name = clean(e.getAttribute('aria-label')
        || (e.getAttribute('aria-labelledby') && labelledBy(e.getAttribute('aria-labelledby')))
        || (e.labels && e.labels.length && [...e.labels].map(l => l.innerText).join(' '))
        || (/^(BUTTON|A|SUMMARY)$/.test(e.tagName) && e.innerText)
        || (e.getAttribute('role') === 'radio' && e.innerText)
        || e.getAttribute('title'));
    const style = getComputedStyle(e), box = e.getBoundingClientRect();
    const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    // How far the outline reaches outside the element, and the first box that cuts that off.
    const reach = outlined ? Math.max(0, parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth)) : 0;
    let clippedBy = '';
    for (let a = e.parentElement; a && a !== document.body && !clippedBy; a = a.parentElement) {
        const clip = getComputedStyle(a), edge = a.getBoundingClientRect();
        const across = box.left - reach < edge.left - 0.5 || box.right + reach > edge.right + 0.5;
        const down = box.top - reach < edge.top - 0.5 || box.bottom + reach > edge.bottom + 0.5;
        if (clip.overflowX !== 'visible' && across || clip.overflowY !== 'visible' && down) {
            clippedBy = a.className || a.tagName;
        }
    }
    // Wholly inside the viewport, or for an element larger than it, overlapping it.
    const inside = (start, size, room) => size <= room ? start >= -1 && start + size <= room + 1
                                                       : start < room && start + size > 0;
    return {body: false, id: ids.get(e), name, tag: e.tagName.toLowerCase(), checked: !!e.checked || e.getAttribute('aria-checked') === 'true',
            shown: outlined || style.boxShadow !== 'none', clipped_by: clippedBy,
            on_screen: box.width > 0 && box.height > 0 && inside(box.top, box.height, innerHeight)
                       && inside(box.left, box.width, innerWidth)};
}"""

# Every control a keyboard user should be able to reach: visible, enabled and not taken out of the Tab order.
CONTROLS = r"""() => {
    const ids = window.psoasFocusIds = window.psoasFocusIds || new WeakMap();
    return [...document.querySelectorAll('button, input, select, textarea, a[href], [tabindex]')]
        .filter(e => !e.disabled && e.tabIndex >= 0 && e.checkVisibility({visibilityProperty: true}))
        .map(e => {
            if (!ids.has(e)) ids.set(e, window.psoasFocusCount = (window.psoasFocusCount || 0) + 1);
            return {id: ids.get(e), html: e.outerHTML.slice(0, 120)};
        });
}"""

# The text of the visible live region nearest to the focus (in its closest ancestor) that contains
# `expected`; null while there is none.
NEAREST_FEEDBACK = r"""(expected) => {
    for (let e = document.activeElement; e && e !== document.body; e = e.parentElement) {
        const region = [...e.querySelectorAll('[aria-live]:not([aria-live="off"])')]
            .find(r => r.checkVisibility() && r.innerText.includes(expected));
        if (region) return region.innerText.replace(/\s+/g, ' ').trim();
    }
    return null;
}"""


# True once the page has not changed for `quiet` ms: the kernel's late messages (a score, a control enabled)
# have arrived. A person reads the feedback before pressing the next key; the test waits for the same.
QUIET = r"""(quiet) => {
    if (!window.psoasLastChange) {
        window.psoasLastChange = performance.now();
        new MutationObserver(() => { window.psoasLastChange = performance.now(); })
            .observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
    }
    return performance.now() - window.psoasLastChange > quiet;
}"""


def settle(page, quiet_ms=400, patience_ms=3000):
    """Wait until the page has stopped changing, as a reader does before the next key; a page that keeps
    changing (a running timer) is waited on for `patience_ms` only."""
    try:
        page.wait_for_function(QUIET, arg=quiet_ms, timeout=patience_ms, polling=100)
    except PlaywrightTimeout:
        pass


def focused(page):
    return page.evaluate(FOCUSED)


def describe(focus):
    return "the page (nothing focused)" if focus["body"] else f"<{focus['tag']}> {focus['name']!r}"


def step(page, key="Tab"):
    """Press Tab or Shift+Tab once: the focus must move, and where it lands it must show and be named."""
    before = focused(page)
    page.keyboard.press(key)
    after = focused(page)
    assert after["id"] != before["id"], f"{key} left the focus on {describe(before)}: a keyboard trap"
    if not after["body"]:
        assert after["name"], f"after {key}, the focused <{after['tag']}> has no accessible name"
        assert after["shown"], f"after {key}, the focus on {describe(after)} has no visible outline"
        assert not after["clipped_by"], f"after {key}, {after['clipped_by']} cuts off the outline of {describe(after)}"
        assert after["on_screen"], f"after {key}, {describe(after)} has the focus but is not on screen"
    return after


def named(focus, name):
    """Is the focused control called `name` (a string), or does its name match `name` (a pattern)?"""
    return focus["name"] == name if isinstance(name, str) else bool(name.search(focus["name"]))


def tab_to(page, name, key="Tab"):
    """Press `key` until the focused control is called `name` (a string, or a pattern to search for);
    the search goes on past the end of the page, from the top again."""
    passed = []
    for _press in range(MAX_PRESSES):
        focus = step(page, key)
        if named(focus, name):
            return focus
        passed.append(focus["name"] or "(the page)")
    pytest.fail(f"{MAX_PRESSES} presses of {key} never reached {name!r}; the focus went through {passed}")


def press(page, key, name=None):
    """Press Enter or Space on the focused control (checked to be `name`, when given)."""
    if name is not None:
        assert focused(page)["name"] == name, f"{key} was meant for {name!r}, not {describe(focused(page))}"
    page.keyboard.press(key)


def feedback(page, expected):
    """Wait until the live region nearest to the focus contains `expected`; return what the region said then
    (after the page settles, a later message may have replaced it)."""
    try:
        said = page.wait_for_function(NEAREST_FEEDBACK, arg=expected, timeout=WAIT_MS).json_value()
    except PlaywrightTimeout:
        pytest.fail(f"no live region near {describe(focused(page))} came to say {expected!r}")
    settle(page)
    return said


def focus_lands_on(page, name):
    """Wait until the kernel's answer has put the focus on `name` (a control that replaced a disabled one)."""
    try:
        page.wait_for_function(f"() => ({FOCUSED})().name === {name!r}", timeout=WAIT_MS)
    except PlaywrightTimeout:
        pytest.fail(f"the focus should have gone to {name!r}; it is on {describe(focused(page))}")
    settle(page)


# The options of the radio group the focus is in (empty outside one).
GROUP_OPTIONS = r"""() => {
    const group = document.activeElement && document.activeElement.closest('[role="radiogroup"]');
    return group ? [...group.querySelectorAll('[role="radio"]')].map(r => r.innerText.replace(/\s+/g, ' ').trim())
                 : [];
}"""


def choose(page, option, key="Tab", here=False):
    """Choose `option` of a radio group, a single Tab stop: press `key` until the focus is in a group that
    offers it (or stay in this group, `here`), then the down arrow until it is focused; an option reached
    without a move (the group's first, before any choice) is chosen with Space."""
    if not here:
        for _press in range(MAX_PRESSES):
            step(page, key)
            if option in page.evaluate(GROUP_OPTIONS):
                break
        else:
            pytest.fail(f"{MAX_PRESSES} presses of {key} never reached a radio group offering {option!r}")
    options = page.evaluate(GROUP_OPTIONS)
    assert option in options, f"the focused group offers {options}, not {option!r}"
    for _press in range(len(options)):
        if focused(page)["name"] == option:
            break
        page.keyboard.press("ArrowDown")
    if not focused(page)["checked"]:
        page.keyboard.press("Space")
    focus = focused(page)
    assert focus["name"] == option and focus["checked"], f"{option!r} is not chosen: {describe(focus)}"
    return focus


def walk_the_page(page):
    """From the end of the page, Tab through every stop to the end again, then Shift+Tab back to the top:
    every control is reached, each stop is visited once, and Shift+Tab retraces the same stops."""
    for _press in range(MAX_PRESSES):
        if step(page)["body"]:
            break
    else:
        pytest.fail("Tab never reached the end of the page")
    forward = []
    while not (focus := step(page))["body"]:
        forward.append(focus)
        assert len(forward) < MAX_PRESSES, "Tab never came back to the end of the page"
    backward = []
    while not (focus := step(page, "Shift+Tab"))["body"]:
        backward.append(focus)
        assert len(backward) < MAX_PRESSES, "Shift+Tab never came back to the top of the page"
    ids = [focus["id"] for focus in forward]
    assert len(set(ids)) == len(ids), "Tab visited a control twice in one pass"
    assert [focus["id"] for focus in reversed(backward)] == ids, "Shift+Tab did not retrace the Tab order"
    unreached = [control["html"] for control in page.evaluate(CONTROLS) if control["id"] not in ids]
    assert not unreached, f"controls that Tab never reaches: {unreached}"
    return [focus["name"] for focus in forward]
