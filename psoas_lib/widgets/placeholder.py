"""What a saved notebook shows in place of a widget before it is run: one plain sentence, not a Python repr.

A notebook opened before it is run (JupyterLab does not render saved widgets, and the notebooks keep no
widget state) shows each widget's text/plain form; strict nbval compares that same text, so it stays stable.
"""

from __future__ import annotations

from ..i18n import N_, marked

__all__ = ["HasPlaceholder", "N_"]  # N_ marks each widget class's sentence for the catalogues


class HasPlaceholder:
    """Mix into a widget class before the ipywidgets base; the class gives `before_run`, marked with `N_()`."""

    before_run: str  # what the widget is and how to start it, e.g. "Safety screen — run the notebook …"

    def _repr_mimebundle_(self, **kwargs) -> dict:
        bundle = super()._repr_mimebundle_(**kwargs)
        bundle["text/plain"] = marked(self.before_run)
        return bundle
