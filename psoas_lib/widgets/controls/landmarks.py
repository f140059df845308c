"""Makes Voila's page read as a document: the notebook's cells become its `main` landmark.

Voila 0.5's page puts every cell in `#rendered_cells`, inside no landmark, so a screen reader's "jump to main"
finds nothing and axe reports all content outside landmarks. Shown once, by the presentation switch of each
notebook's first cell; in JupyterLab (which has its own main area) it does nothing.
"""

from __future__ import annotations

from .base import Control, module


class PageLandmarks(Control):
    """An empty control whose front end gives Voila's cell container `role="main"` (once per page)."""

    _esm = module("landmarks")
