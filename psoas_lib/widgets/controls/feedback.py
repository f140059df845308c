"""One live region per exercise, created once in the page and updated in place.

A new `role=status` element on every answer (what an ipywidgets HTML whose value is replaced gives) may not
be announced at all; a region that stays and only changes its content is announced every time.
"""

from __future__ import annotations

import traitlets

from .base import Control, module


class FeedbackRegion(Control):
    """`value` is already-escaped HTML (the views escape lesson text); only the region's content changes."""

    _esm = module("feedback")

    value = traitlets.Unicode("", help="already-escaped HTML shown and announced in the region").tag(sync=True)
    css_class = traitlets.Unicode("psoas-feedback", help="the region's class: feedback on an answer, or a status "
                                                         "such as what the fingertips feel").tag(sync=True)
