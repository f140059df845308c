"""Page styles: always-visible keyboard focus, and a high-contrast, large-text mode for projecting."""

from __future__ import annotations

from html import escape

import ipywidgets as w

from ..i18n import _
from .controls import PageLandmarks
from .placeholder import N_, HasPlaceholder
from .text import live_region

# Keyboard focus must always show, on every control of the page, not only where the theme draws it.
# ipywidgets' boxes clip whatever spills over their edges, and buttons and drop-downs sit flush against
# them: their ring is drawn inside (black, then white), so that none of it is cut off; radio buttons are
# given room for their ring, and a control scrolled into view by Tab keeps a margin for it.
FOCUS_CSS = """
.jp-OutputArea-output :focus-visible, .jp-OutputArea-output input:focus { outline: 3px solid #000 !important;
  outline-offset: 2px !important; box-shadow: 0 0 0 5px #fff !important; }
.jp-OutputArea-output button:focus, .jp-OutputArea-output select:focus { outline: 3px solid #000 !important;
  outline-offset: -3px !important; box-shadow: inset 0 0 0 5px #fff !important; }
.jp-OutputArea-output .widget-radio-box input { margin-left: 6px !important; }
.jp-OutputArea-output .widget-radio-box { padding-bottom: 4px !important; }
.jp-OutputArea-output button, .jp-OutputArea-output input, .jp-OutputArea-output select { scroll-margin: 12px; }
"""

PRESENTATION_CSS = """
body, .jp-Notebook, .jp-Cell, .jp-OutputArea-output, .jp-RenderedHTMLCommon { background: #fff !important;
  color: #000 !important; }
.jp-RenderedHTMLCommon, .jp-OutputArea-output, .jp-OutputArea-output .widget-label,
.jp-OutputArea-output .widget-html-content, .jp-OutputArea-output label, .jp-OutputArea-output select,
.jp-OutputArea-output input { font-size: 24px !important; line-height: 1.5 !important; color: #000 !important; }
.jp-RenderedHTMLCommon h1 { font-size: 44px !important; } .jp-RenderedHTMLCommon h2 { font-size: 36px !important; }
.jp-RenderedHTMLCommon h3 { font-size: 30px !important; }
.jp-OutputArea-output button { font-size: 22px !important; height: auto !important; padding: 0.3em 0.8em !important;
  background: #fff !important; color: #000 !important; border: 3px solid #000 !important;
  width: fit-content !important; max-width: 100% !important; white-space: normal !important; }
.jp-OutputArea-output .widget-html-content, .jp-OutputArea-output .widget-label { overflow: visible !important;
  height: auto !important; white-space: normal !important; }
.jp-OutputArea-output .widget-inline-hbox, .jp-OutputArea-output select,
.jp-OutputArea-output .widget-radio-box label { height: auto !important; }
.jp-OutputArea-output input[type="radio"], .jp-OutputArea-output input[type="checkbox"] { width: 0.9em !important;
  height: 0.9em !important; margin-right: 0.4em !important; vertical-align: middle !important; }
.jp-OutputArea-output .widget-radio-box input { margin-top: 0.3em !important; }
.jp-OutputArea-output :focus-visible, .jp-OutputArea-output input:focus { outline-width: 4px !important;
  outline-offset: 1px !important; }
.jp-OutputArea-output button:focus, .jp-OutputArea-output select:focus { outline-width: 5px !important;
  outline-offset: -5px !important; box-shadow: inset 0 0 0 9px #fff !important; }
.psoas-chosen { display: block !important; }
.psoas-feedback, .psoas-status, .psoas-notice { border: 3px solid #000 !important; padding: 0.4em 0.6em !important; }
.psoas-feedback:empty, .psoas-status:empty { border: none !important; padding: 0 !important; }
"""


def _style(css: str) -> str:
    return f"<style>{css}</style>"


class PresentationSwitch(HasPlaceholder, w.HBox):
    """A toggle for the projecting style; keyboard focus styling is on whichever way it is set. Shown once at
    the top of every notebook, it also gives Voila's page its `main` landmark."""

    before_run = N_("Presentation mode switch — run the notebook (Run ▸ Run All Cells) to use it.")

    def __init__(self, on: bool = False):
        self.toggle = w.ToggleButton(value=on, description=_("Presentation mode: large, high-contrast text"),
                                     tooltip=_("Presentation mode: large, high-contrast text"),
                                     layout=w.Layout(width="auto"))
        self.state = w.HTML()
        self.styles = w.HTML()
        self.toggle.observe(lambda _change: self._apply(), "value")
        super().__init__([self.toggle, self.state, self.styles, PageLandmarks()])
        self._apply()

    def _apply(self) -> None:
        on = self.toggle.value
        self.styles.value = _style(FOCUS_CSS + (PRESENTATION_CSS if on else ""))
        state = _("Presentation mode is on.") if on else _("Presentation mode is off.")
        self.state.value = live_region(escape(state), None, tag="span")

    def __repr__(self) -> str:
        return f"PresentationSwitch(on={self.toggle.value})"
