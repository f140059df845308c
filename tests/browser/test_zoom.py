"""Does every notebook stay readable at 200% zoom and in presentation mode, in Voila: no text cut off, no
control or drawing pushed out of its box or off the side of the page?

200% zoom is a page of 640 x 450 CSS pixels drawn at a device pixel ratio of 2. That is what Chromium's own
zoom does to a 1280 x 900 window: the layout gets half as many CSS pixels and each is drawn as 2 x 2 screen
pixels, so text wraps, media queries match and ipympl sizes its canvas as under real zoom. (CSS `zoom` on
the root element would leave the viewport width and devicePixelRatio alone, so it is not used.)
Presentation mode is switched on with Enter on its toggle, on a 1280 x 800 page, a common projector size.

In both, Tab and Shift+Tab go through every control with the focus shown (see keyboard.py), and the whole
page is saved, stitched from screenfuls, as zoom200-0N.png and presentation-0N.png. Notebook 01's two figures
are also checked and saved at 200% zoom in JupyterLab (lab-zoom200-01-figure-NAME.png).
"""

import io
from contextlib import contextmanager

import pytest
from PIL import Image

from psoas_lib.lesson import load_lesson

from .keyboard import walk_the_page
from .lab import SCREENSHOTS, error_outputs, open_notebook, open_voila, run_all, screenshot

pytestmark = pytest.mark.browser

NAMES = ["01_anatomy.ipynb", "02_technique.ipynb", "03_progressions.ipynb"]
SCROLLER = "#rendered_cells"  # Voila's scrolling page
WAIT_MS = 30_000

# What cannot be read on the page: text cut off with "...", text taller or wider than its box (it overlaps
# what follows), text or controls running out of a box that clips or scrolls them, a drop-down too narrow
# for its chosen answer, and a page that scrolls sideways.
UNREADABLE = r"""(scroller) => {
    const page = document.querySelector(scroller), problems = [];
    const text = (e) => (e.innerText || e.getAttribute('alt') || e.tagName).replace(/\s+/g, ' ').trim().slice(0, 70);
    const ownText = (e) => [...e.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
    const sideways = page.scrollWidth - page.clientWidth;
    if (sideways > 1) problems.push(`the page scrolls sideways by ${sideways}px`);
    const measure = document.createElement('canvas').getContext('2d');
    for (const e of page.querySelectorAll('*')) {
        if (!e.checkVisibility() || e.tagName === 'STYLE') continue;
        const style = getComputedStyle(e), box = e.getBoundingClientRect();
        if (style.textOverflow === 'ellipsis' && e.scrollWidth > e.clientWidth && ownText(e)) {
            problems.push(`cut off with an ellipsis: "${text(e)}"`);
        }
        if (e.tagName === 'SELECT' && e.selectedOptions.length) {
            measure.font = style.font;
            const room = e.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
            const chosen = e.selectedOptions[0].text.replace(/\s+/g, ' ');
            // Enough if the whole answer is also written out beside the drop-down, in its group.
            const writtenOut = [...(e.closest('.widget-vbox') || e.parentElement).querySelectorAll('*')]
                .some(x => !e.contains(x) && x.checkVisibility() && x.innerText.replace(/\s+/g, ' ').includes(chosen));
            if (measure.measureText(chosen).width > room && !writtenOut) {
                problems.push(`a drop-down too narrow for its answer: "${chosen}"`);
            }
        }
        const slack = Math.max(2, parseFloat(style.fontSize) / 4);  // descenders under a line-height of 1 are fine
        const spills = e.scrollHeight > e.clientHeight + slack || e.scrollWidth > e.clientWidth + slack;
        if (ownText(e) && e.clientHeight && spills) {
            problems.push(`text spills out of its box: "${text(e)}"`);
        }
        if (!(ownText(e) || /^(IMG|CANVAS|BUTTON|SELECT|INPUT)$/.test(e.tagName)) || !box.width) continue;
        if (box.right > innerWidth + 1) problems.push(`beyond the right edge of the page: "${text(e)}"`);
        for (let a = e.parentElement; a && a !== page; a = a.parentElement) {
            const clip = getComputedStyle(a), edge = a.getBoundingClientRect();
            if (clip.overflowX !== 'visible' && (box.right > edge.right + 1 || box.left < edge.left - 1)
                || clip.overflowY !== 'visible' && (box.bottom > edge.bottom + 1 || box.top < edge.top - 1)) {
                problems.push(`runs out of its box (${a.className || a.tagName}): "${text(e)}"`);
                break;
            }
        }
    }
    return [...new Set(problems)];
}"""


def whole_page_screenshot(page, name):
    """Save Voila's whole scrolling page as one image, stitched from screenfuls; return its path."""
    box = page.locator(SCROLLER).bounding_box()
    total = page.evaluate("(s) => document.querySelector(s).scrollHeight", SCROLLER)
    parts, top = [], 0
    while True:
        top = page.evaluate("([s, y]) => { const e = document.querySelector(s); e.scrollTop = y; return e.scrollTop; }",
                            [SCROLLER, top])
        page.wait_for_timeout(150)  # let ipympl repaint after the scroll
        parts.append((top, Image.open(io.BytesIO(page.screenshot(clip=box)))))
        if top + box["height"] >= total - 1:
            break
        top += box["height"]
    scale = parts[0][1].height / box["height"]
    image = Image.new("RGB", (parts[0][1].width, round(total * scale)), "white")
    for top, part in parts:
        image.paste(part, (0, round(top * scale)))
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    image.save(path)
    page.evaluate("(s) => { document.querySelector(s).scrollTop = 0; }", SCROLLER)
    return path


def show_everything(page, name):
    """Open what the page hides at first and fill in answers, so that feedback and long answers are checked too."""
    if name.startswith("01"):
        check = page.locator(".psoas-case-self-check")
        check.get_by_role("radio").first.check()
        check.get_by_role("button", name="Check answer").first.click()
        check.locator(".psoas-feedback").first.filter(has_text="Not quite.").wait_for(timeout=WAIT_MS)
    elif name.startswith("02"):
        for radio in page.locator(".psoas-safety-screen").get_by_role("radio", name="No", exact=True).all():
            radio.check()
        page.get_by_role("button", name="Place fingertips here").click()
        page.get_by_text("You feel a pulse").first.wait_for(timeout=WAIT_MS)
    else:
        for label in ("Oscillations: the therapist", "Oscillations: the patient"):
            select = page.get_by_label(label, exact=True)
            longest = max(select.locator("option").all_inner_texts(), key=len)
            select.select_option(label=longest.replace("\xa0", " "))
        page.get_by_role("button", name="Check matches").click()
        page.get_by_role("button", name="Check order").click()
        page.get_by_text("actions are matched correctly").wait_for(timeout=WAIT_MS)
        page.get_by_text("steps are in place").wait_for(timeout=WAIT_MS)
    page.wait_for_timeout(500)


@contextmanager
def opened(chromium, url, name, viewport, scale):
    """The notebook in a browser context of its own (`viewport` in CSS pixels, `scale` screen pixels to one)."""
    context = chromium.new_context(viewport=viewport, device_scale_factor=scale)
    try:
        page = context.new_page()
        open_voila(page, url)
        assert error_outputs(page) == []
        show_everything(page, name)
        yield page
    finally:
        context.close()


@pytest.mark.parametrize("name", NAMES)
def test_readable_at_200_percent_zoom_and_in_presentation_mode(chromium, voila, tmp_path, name):
    url = voila(name, env={"PSOAS_PROGRESS_DIR": str(tmp_path)})
    number = name[:2]

    with opened(chromium, url, name, {"width": 640, "height": 450}, 2) as page:
        zoomed = page.evaluate(UNREADABLE, SCROLLER)
        walk_the_page(page)  # the focus still shows, whole and on screen, on every control
        whole_page_screenshot(page, f"zoom200-{number}")

    with opened(chromium, url, name, {"width": 1280, "height": 800}, 1) as page:
        page.get_by_role("button", name="Presentation mode: large, high-contrast text").focus()
        page.keyboard.press("Enter")
        page.get_by_text("Presentation mode is on.").wait_for(timeout=WAIT_MS)
        size_px = page.evaluate("() => parseFloat(getComputedStyle(document.querySelector("
                                "'.jp-RenderedHTMLCommon p, .widget-html-content p')).fontSize)")
        assert size_px >= 24, "presentation mode did not enlarge the text"
        presented = page.evaluate(UNREADABLE, SCROLLER)
        walk_the_page(page)
        whole_page_screenshot(page, f"presentation-{number}")

    problems = [f"at 200% zoom, {problem}" for problem in zoomed] + [f"in presentation mode, {problem}"
                                                                     for problem in presented]
    assert not problems, "\n".join(problems)


def test_both_figures_readable_at_200_percent_zoom_in_jupyterlab(chromium, jupyterlab):
    """Each figure whole inside the notebook, at full width, with its description under it (no room beside it)."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, device_scale_factor=2)
    try:
        page = context.new_page()
        open_notebook(page, jupyterlab.url, "01_anatomy.ipynb")
        run_all(page)  # from the menus at full width; then the window is zoomed, as a student would do it
        page.set_viewport_size({"width": 640, "height": 450})
        assert error_outputs(page) == []
        lesson = load_lesson()
        figures = page.locator("figure.psoas-figure")
        figures.nth(1).wait_for(timeout=WAIT_MS)
        for figure, data, name in zip(figures.all(), (lesson.figures.anterior, lesson.figures.transverse),
                                      ("anterior", "transverse")):
            figure.scroll_into_view_if_needed()
            image, caption = figure.locator("img"), figure.locator("figcaption")
            assert image.evaluate("img => img.complete && img.naturalWidth > 0")
            output = figure.locator("xpath=ancestor::*[contains(@class, 'jp-OutputArea-output')][1]").bounding_box()
            image_box, caption_box = image.bounding_box(), caption.bounding_box()
            assert output["x"] - 1 <= image_box["x"] and image_box["x"] + image_box["width"] <= output["x"] + output["width"] + 1
            assert image_box["width"] >= 0.9 * output["width"], "the figure does not use the width it has"
            ratio = image.evaluate("img => img.naturalWidth / img.naturalHeight")
            assert abs(image_box["width"] / image_box["height"] - ratio) < 0.02, "the figure is distorted"
            assert caption_box["y"] >= image_box["y"] + image_box["height"] - 1, "the description is not under it"
            assert " ".join(data.description.split()) in " ".join(caption.inner_text().split())
            image.scroll_into_view_if_needed()  # the figure with its description is taller than the window
            screenshot(image, f"lab-zoom200-01-figure-{name}")
    finally:
        context.close()
