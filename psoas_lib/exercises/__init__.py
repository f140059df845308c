"""Pure exercise logic: each module grades one kind of exercise; no widgets, no I/O."""
