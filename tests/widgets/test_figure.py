"""Is a figure shown with its description beside it, with a stable text form for nbval and for reprs?"""

from psoas_lib.figures.anterior import draw_anterior
from psoas_lib.widgets.figure import FigureView, png_bytes


def test_the_description_is_the_caption_and_the_title_the_alt_text(lesson):
    data = lesson.figures.anterior
    view = FigureView(draw_anterior(lesson), data.title, "Front & <centre>")
    assert f'alt="{data.title}"' in view.value and 'src="data:image/png;base64,' in view.value
    assert "<figcaption" in view.value and "Front &amp; &lt;centre&gt;" in view.value


def test_the_text_form_names_the_figure_not_its_bytes(lesson):
    view = FigureView(draw_anterior(lesson), "Anterior view", "A description.")
    assert repr(view) == "FigureView(title='Anterior view')"
    assert view._repr_mimebundle_()["text/plain"].startswith("Figure with its description — run the notebook")


def test_the_same_drawing_gives_the_same_png(lesson):
    assert png_bytes(draw_anterior(lesson)) == png_bytes(draw_anterior(lesson))


def test_each_figure_names_the_sources_of_what_it_draws(lesson):
    from psoas_lib.widgets.figure import figure_sources, lesson_figure

    anterior = figure_sources(lesson, "anterior")
    assert {"gray1918-ivc", "gray1918-iliac", "elsevier-eia", "gray1918-ilium", "gray1918-rectus"} <= set(anterior)
    assert {"gray1918-ql", "kidney-level", "gray1918-colon", "lateral-wall"} <= set(figure_sources(lesson, "transverse"))
    assert set(figure_sources(lesson)) == set(anterior) | set(figure_sources(lesson, "transverse"))
    shown = lesson_figure(lesson, "anterior").value
    assert "gray1918-ivc" in shown and shown.index("gray1918-ivc") > shown.index("Description")


def test_the_bundled_lessons_figures_ship_drawn_by_the_current_code(lesson):
    """A student's first kernel shows the shipped images: they must be what the code draws now
    (if this fails, run scripts/prebuild-figures and commit psoas_lib/figures/prebuilt/)."""
    from psoas_lib.i18n import current_language, use_language
    from psoas_lib.widgets.figure import DRAWINGS, PREBUILT, figure_entry, prebuilt

    language = current_language()
    use_language(lesson.language)
    try:
        entries = {name: figure_entry(lesson, name) for name in DRAWINGS}
        assert sorted(path.name for path in PREBUILT.glob("*")) == sorted(f"{entry}.png" for entry in entries.values())
        for name, entry in entries.items():
            assert prebuilt(entry) == png_bytes(DRAWINGS[name](lesson)), f"the shipped {name} figure is stale"
    finally:
        use_language(language)


def test_a_first_kernel_shows_the_shipped_figure_without_drawing(lesson, monkeypatch):
    from psoas_lib import cache
    from psoas_lib.i18n import current_language, use_language
    from psoas_lib.widgets import figure

    def no_drawing(_lesson):
        raise AssertionError("drawn although a shipped figure fits")

    monkeypatch.setattr(cache, "get", lambda _name: None)  # an empty cache
    monkeypatch.setitem(figure.DRAWINGS, "anterior", no_drawing)
    language = current_language()
    use_language(lesson.language)
    try:
        assert figure.lesson_png(lesson, "anterior") == figure.prebuilt(figure.figure_entry(lesson, "anterior"))
    finally:
        use_language(language)


def test_a_changed_lesson_is_drawn_not_given_the_shipped_figure(lesson):
    from psoas_lib.widgets.figure import figure_entry, prebuilt

    changed = lesson.model_copy(update={"title": "Another lesson"})
    assert prebuilt(figure_entry(changed, "transverse")) is None
