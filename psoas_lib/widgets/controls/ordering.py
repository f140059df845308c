"""An ordering list: each step with short visible ↑/↓ buttons whose accessible names say which step they move.

The list only shows the order and asks for moves; the view decides (through the exercise's logic) and sets
`steps` again. In the page, the focus follows the moved step, and the view announces its new position.
"""

from __future__ import annotations

from collections.abc import Callable

import traitlets

from .base import Control, module

Mover = Callable[[int, int], None]


class OrderingList(Control):
    """`steps` in their current order; pressing a step's ↑ or ↓ calls every `on_move(index, offset)` handler."""

    _esm = module("ordering")

    label = traitlets.Unicode(help="the list's accessible name").tag(sync=True)
    steps = traitlets.List(traitlets.Unicode(), help="the steps' names, first at the top").tag(sync=True)
    up_names = traitlets.List(traitlets.Unicode(), help="each row's ↑ accessible name, naming its step"
                              ).tag(sync=True)
    down_names = traitlets.List(traitlets.Unicode(), help="each row's ↓ accessible name").tag(sync=True)
    up_text = traitlets.Unicode(help="the short visible label of every ↑ button").tag(sync=True)
    down_text = traitlets.Unicode(help="the short visible label of every ↓ button").tag(sync=True)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._movers: list[Mover] = []
        self.on_msg(lambda _widget, content, _buffers: self.press(content["index"], content["offset"]))

    def on_move(self, mover: Mover) -> None:
        self._movers.append(mover)

    def press(self, index: int, offset: int) -> None:
        """What a press of row `index`'s ↑ (offset -1) or ↓ (+1) does; the page's buttons send this."""
        if offset not in (-1, 1) or not 0 <= index < len(self.steps):
            return  # a message the page never sends: ignored, nothing changes
        for mover in self._movers:
            mover(index, offset)
