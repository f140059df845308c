"""A radio group that is one Tab stop: the arrow keys move to an option and choose it (the ARIA pattern)."""

from __future__ import annotations

from collections.abc import Hashable, Sequence

import traitlets

from .base import Control, module


class RadioGroup(Control):
    """Options given as (text, value) pairs, like ipywidgets' RadioButtons; `value` is the chosen value."""

    _esm = module("radio")

    label = traitlets.Unicode(help="the group's accessible name: the question its options answer").tag(sync=True)
    labels = traitlets.List(traitlets.Unicode(), help="each option's text, in the order shown").tag(sync=True)
    index = traitlets.Int(None, allow_none=True, help="position of the chosen option; None before a choice"
                          ).tag(sync=True)
    disabled = traitlets.Bool(False, help="shown, but out of the Tab order and not choosable").tag(sync=True)
    horizontal = traitlets.Bool(False, help="options side by side (short ones: Yes / No)").tag(sync=True)
    value = traitlets.Any(None, help="the chosen option's value, None before a choice (not synced: values "
                                     "may be any Python object)")

    def __init__(self, options: Sequence[tuple[str, Hashable]], label: str, value: Hashable | None = None,
                 **kwargs):
        self.options = list(options)
        super().__init__(label=label, labels=[text for text, _value in self.options], **kwargs)
        self.observe(lambda change: setattr(self, "value", self._value_at(change["new"])), "index")
        self.observe(lambda change: setattr(self, "index", self._position_of(change["new"])), "value")
        self.value = value
        self.on_msg(lambda _widget, content, _buffers: self.choose(content.get("index")))

    def choose(self, index: int | None) -> None:
        """A choice made in the page (its arrow keys, Space or a click); it already shows it, so it is not
        sent back. An index the page never sends, or a choice while disabled, changes nothing."""
        if self.disabled or not isinstance(index, int) or not 0 <= index < len(self.options):
            return
        with self._lock_property(index=index):
            self.index = index

    @traitlets.validate("value")
    def _known_value(self, proposal):
        self._position_of(proposal["value"])
        return proposal["value"]

    @traitlets.validate("index")
    def _known_index(self, proposal):
        if proposal["value"] is not None and not 0 <= proposal["value"] < len(self.options):
            raise traitlets.TraitError(f"there is no option {proposal['value']!r}")
        return proposal["value"]

    def _value_at(self, index: int | None):
        return None if index is None else self.options[index][1]

    def _position_of(self, value) -> int | None:
        if value is None:
            return None
        for position, (_text, option) in enumerate(self.options):
            if option == value and type(option) is type(value):  # True is not the option 1
                return position
        raise traitlets.TraitError(f"{value!r} is not one of the options")
