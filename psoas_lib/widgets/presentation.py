"""Page styles: always-visible keyboard focus, and a high-contrast, large-text mode for projecting."""

from __future__ import annotations

import ipywidgets as w

from ..i18n import _

# Keyboard focus must always show, on every control of the page, not only where the theme draws it.
FOCUS_CSS = """
.jp-OutputArea-output :focus-visible, .jp-OutputArea-output input:focus, .jp-OutputArea-output select:focus,
.jp-OutputArea-output button:focus { outline: 3px solid #000 !important; outline-offset: 2px !important;
  box-shadow: 0 0 0 5px #fff !important; }
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
  background: #fff !important; color: #000 !important; border: 3px solid #000 !important; }
.jp-OutputArea-output .widget-html-content, .jp-OutputArea-output .widget-label { overflow: visible !important;
  height: auto !important; white-space: normal !important; }
.jp-OutputArea-output :focus-visible, .jp-OutputArea-output button:focus { outline: 5px solid #000 !important;
  outline-offset: 3px !important; }
.psoas-feedback, .psoas-status, .psoas-notice { border: 3px solid #000 !important; padding: 0.4em 0.6em !important; }
"""


def _style(css: str) -> str:
    return f"<style>{css}</style>"


class PresentationSwitch(w.HBox):
    """A toggle for the projecting style; keyboard focus styling is on whichever way it is set."""

    def __init__(self, on: bool = False):
        self.toggle = w.ToggleButton(value=on, description=_("Presentation mode: large, high-contrast text"),
                                     tooltip=_("Presentation mode: large, high-contrast text"),
                                     layout=w.Layout(width="auto"))
        self.state = w.HTML()
        self.styles = w.HTML()
        self.toggle.observe(lambda _change: self._apply(), "value")
        super().__init__([self.toggle, self.state, self.styles])
        self._apply()

    def _apply(self) -> None:
        on = self.toggle.value
        self.styles.value = _style(FOCUS_CSS + (PRESENTATION_CSS if on else ""))
        self.state.value = (f'<span role="status" aria-live="polite">'
                            f'{_("Presentation mode is on.") if on else _("Presentation mode is off.")}</span>')

    def __repr__(self) -> str:
        return f"PresentationSwitch(on={self.toggle.value})"
