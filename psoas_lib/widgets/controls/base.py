"""What every control shares: its front end is one ES module and the collection's one stylesheet."""

from __future__ import annotations

from pathlib import Path

import anywidget

HERE = Path(__file__).parent
STYLESHEET = HERE / "controls.css"


def module(name: str) -> str:
    """The text of the ES module `name`.js beside this file (read once, when the class is defined)."""
    return (HERE / f"{name}.js").read_text(encoding="utf-8")


class Control(anywidget.AnyWidget):
    """An anywidget with the collection's stylesheet; a subclass gives `_esm = module("its-name")`."""

    _css = STYLESHEET.read_text(encoding="utf-8")
