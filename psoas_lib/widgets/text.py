"""Lesson text as HTML: always escaped, so a lesson file can show words but never run code."""

from __future__ import annotations

from html import escape
from typing import Protocol

from ..lesson.model import Lesson


class Statement(Protocol):
    """Anything with a text and its sources: a fact, the dose, a reassessment."""

    text: str
    sources: list[str]


def live_region(inner_html: str, css_class: str | None = "psoas-status", tag: str = "div") -> str:
    """Already-escaped HTML in an element that screen readers announce when it changes."""
    class_attr = f' class="{css_class}"' if css_class else ""
    return f'<{tag} role="status" aria-live="polite"{class_attr}>{inner_html}</{tag}>'


def sources_html(sources: list[str]) -> str:
    """The source ids of a statement, shown to the reader, e.g. "[post; ellis2006]"."""
    return f'<span class="psoas-sources">[{escape("; ".join(sources))}]</span>'


def fact_html(fact: Statement) -> str:
    return f"{escape(fact.text)} {sources_html(fact.sources)}"


def facts_html(facts: list[Statement], heading: str | None = None) -> str:
    """A list of facts with their sources, under an optional heading."""
    items = "".join(f"<li>{fact_html(fact)}</li>" for fact in facts)
    title = f"<h3>{escape(heading)}</h3>" if heading else ""
    return f"{title}<ul>{items}</ul>"


def references_html(lesson: Lesson, ids: set[str] | None = None) -> str:
    """The full citations behind source ids (all of the lesson's when `ids` is None)."""
    chosen = [ref for ref in lesson.references if ids is None or ref.id in ids]
    items = "".join(f"<li><b>{escape(ref.id)}</b>: {escape(ref.citation)}</li>" for ref in chosen)
    return f"<ul>{items}</ul>"
