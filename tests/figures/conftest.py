"""Helpers to read a drawn figure back through matplotlib's API (nbval does not compare images)."""

import matplotlib.colors
import pytest
from matplotlib.lines import Line2D
from matplotlib.patches import Patch


def _texts(figure):
    """Every text of the figure (titles, labels, annotations), with line breaks made spaces."""
    found = []
    for ax in figure.axes:
        for text in [ax.title, *ax.texts]:
            if text.get_text():
                found.append(" ".join(text.get_text().split()))
    return found


def _line_data(figure):
    """The (x, y) points of every line, as lists of tuples."""
    return [list(zip(*(map(float, v) for v in line.get_data())))
            for ax in figure.axes for line in ax.lines]


def _colours(figure):
    """Every face and edge colour that a line or patch paints with (fully transparent ones skipped)."""
    colours = []
    for ax in figure.axes:
        for artist in [*ax.lines, *ax.patches]:
            if isinstance(artist, Line2D):
                candidates = [artist.get_color(), artist.get_markerfacecolor(), artist.get_markeredgecolor()]
            elif isinstance(artist, Patch):
                candidates = [artist.get_facecolor(), artist.get_edgecolor()]
            colours += [matplotlib.colors.to_rgba(c) for c in candidates]
    return [c for c in colours if c[3] > 0]


@pytest.fixture
def texts():
    return _texts


@pytest.fixture
def line_data():
    return _line_data


@pytest.fixture
def colours():
    return _colours
