"""Is the feedback region one widget whose value changes, never a new region per answer?"""

from psoas_lib.widgets.controls import FeedbackRegion


def test_the_region_stays_and_only_its_content_changes():
    region = FeedbackRegion()
    model_id = region.model_id
    region.value = "<b>✔ Correct.</b> Yes."
    region.value = "<b>✘ Not quite.</b> No."
    assert region.model_id == model_id and region.value.startswith("<b>✘ Not quite.")


def test_the_front_end_makes_one_polite_status_region_and_fills_it_as_html():
    module = FeedbackRegion._esm
    assert module.count('createElement("div")') == 1 and 'setAttribute("role", "status")' in module
    assert 'setAttribute("aria-live", "polite")' in module and "region.innerHTML = model.get(\"value\")" in module
