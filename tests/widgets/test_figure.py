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
