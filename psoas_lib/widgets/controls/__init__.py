"""Accessible controls of our own (anywidget): a radio group, an ordering list, a feedback
region, and the page's `main` landmark in Voila.

Each is one ES module beside its Python class, sharing one stylesheet (`controls.css`). They keep the keys
they use from JupyterLab's notebook shortcuts, draw their focus ring inside their own box (so no scrolling
ancestor can cut it off) and make every target at least 24 x 24 CSS pixels.
"""

from .feedback import FeedbackRegion
from .landmarks import PageLandmarks
from .ordering import OrderingList
from .radio import RadioGroup

__all__ = ["FeedbackRegion", "OrderingList", "PageLandmarks", "RadioGroup"]
