"""Does the bundled lesson hold every fact of the clinical source, in its own words, with sources?"""

import re
from pathlib import Path

import pytest
from pydantic import BaseModel

POST = Path(__file__).resolve().parents[3] / "shared" / "seed" / "psoas-release-post.md"


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def all_text(node) -> str:
    if isinstance(node, BaseModel):
        return " ".join(all_text(getattr(node, name)) for name in type(node).model_fields if name != "references")
    if isinstance(node, (list, tuple)):
        return " ".join(all_text(item) for item in node)
    return str(node)


def test_no_sentence_of_the_post_is_copied(lesson):
    if not POST.exists():
        pytest.skip(f"the clinical source is not beside this checkout ({POST})")
    post = words(POST.read_text(encoding="utf-8"))
    lesson_words = " ".join(words(all_text(lesson)))
    copied = {" ".join(post[i:i + 8]) for i in range(len(post) - 7) if " ".join(post[i:i + 8]) in lesson_words}
    assert not copied


@pytest.mark.parametrize("typo", ["hypermoiblity", "hypertextension", "anteriolateral", "abdominus", "posterioly"])
def test_the_posts_misspellings_are_corrected(lesson_text, typo):
    assert typo not in lesson_text.lower().replace("the post's misspellings", "")


def test_the_six_indications_with_their_mechanisms(lesson):
    by_id = {i.id: i for i in lesson.indications}
    assert list(by_id) == ["runner-si", "stenosis", "capsular-pattern", "posterior-ilium", "femoral-nerve",
                           "spondylolisthesis"]
    assert all("post" in i.sources for i in lesson.indications)
    runner = by_id["runner-si"].mechanism
    assert "hip extension" in runner and "hypermobile" in runner and "abductors and extensors" in runner
    assert "lumbar hyperextension" in by_id["stenosis"].mechanism
    assert "external rotation" in by_id["capsular-pattern"].mechanism
    assert "femoral nerve" in by_id["femoral-nerve"].mechanism
    assert "anterolateral" in by_id["femoral-nerve"].title.lower()
    spondy = by_id["spondylolisthesis"].why_release_helps
    assert "soft-tissue" in spondy and "paraspinal" in spondy and "stabilisation programme" in spondy


def test_position_hand_and_start(lesson):
    technique = lesson.technique
    assert "supine" in technique.position.text and "hips and knees flexed" in technique.position.text
    assert "3rd and 4th" in technique.hand.text and "abducted" in technique.hand.text
    assert "2 to 3 inches (5 to 7.5 cm) lateral to the umbilicus" in technique.start.text
    assert "anterior to posterior" in technique.approach.text and "contents move" in technique.approach.text
    assert "rectus abdominis contract" in technique.too_fast.text and "out" in technique.too_fast.text
    zone = lesson.palpation.start_zone
    assert (zone.lateral_min_cm, zone.lateral_max_cm) == (5.0, 7.5)


def test_the_two_confirmations_send_a_pulse_lateral(lesson):
    no_pulse, flexion = lesson.technique.confirmations
    assert "pulse" in no_pulse.text and "more lateral" in no_pulse.text and "aorta" in no_pulse.text
    assert "flex the hip slightly" in flexion.text and "contract" in flexion.text


def test_the_progression_in_order(lesson):
    names = [lesson.movement(m).name for m in lesson.progression.order]
    assert names == ["Oscillations", "Heel slide", "Ipsilateral upper-extremity elevation",
                     "Upper-extremity elevation with heel slide", "Anterior pelvic tilts"]
    heel = lesson.movement("heel-slide")
    assert "proximally" in heel.therapist and "distally" in heel.patient
    note = lesson.progression.last_step_note.text
    assert "most uncomfortable" in note and "posterior pelvic tilt" in note


def test_dose_reassessment_and_home_programme(lesson):
    assert (lesson.dose.window.min_minutes, lesson.dose.window.max_minutes) == (5, 7)
    assert "5 to 7 minutes" in lesson.dose.text and "change" in lesson.dose.text
    items = " ".join(item.text for item in lesson.reassessment.items).lower()
    for what in ("function", "range of motion", "special tests", "finding"):
        assert what in items
    home = " ".join(f.text for f in lesson.home_programme)
    assert "stretching" in home and "does not describe it" in home


def test_the_overview_keeps_the_posts_claims(lesson):
    text = " ".join(f.text for f in lesson.overview)
    assert "more than a muscle that flexes the hip" in text
    assert "Some studies suggest" in text and "hypothesis" in text
    assert "deep" in text


def test_facts_beyond_the_post_carry_a_reference(lesson):
    for fact in [*lesson.anatomy.attachments, *lesson.anatomy.nerve_supply, *lesson.anatomy.function,
                 *lesson.anatomy.neighbours[:-1], *lesson.safety.screening, *lesson.palpation.arteries]:
        assert set(fact.sources) - {"post"}, fact.id


def test_the_safety_screen_covers_the_referenced_contraindications(lesson):
    questions = " ".join(item.question.lower() for item in lesson.safety.screening)
    for topic in ("aneurysm", "surgery", "obstruction", "hernia", "pregnant", "anticoagulants", "bleeding",
                  "platelet", "cancer", "acute abdominal pain", "peripheral arterial", "smoking"):
        assert topic in questions
    assert all(item.action.startswith("Do not perform the release") for item in lesson.safety.screening)


@pytest.mark.parametrize(("item_id", "sources", "action_words"), [
    ("vascular-risk", {"nice-ng156", "uspstf2019-aaa", "statpearls-aaa", "lederle1999"}, ["physician", "palpation"]),
    ("bleeding-risk", {"nccih-massage", "mayo-massage-risks"}, ["physician"]),
    ("cancer", {"nccih-massage", "werner1998"}, ["approval", "doctor"]),
    ("acute-abdomen", {"werner1998", "cartwright2008"}, ["medical assessment"]),
    ("hernia", {"nct03764995", "werner-hernia"}, ["Refer"]),
])
def test_each_wider_screen_item_has_its_action_and_sources(lesson, item_id, sources, action_words):
    item = next(item for item in lesson.safety.screening if item.id == item_id)
    assert sources <= set(item.sources)
    assert all(word in item.action for word in action_words)


def test_the_hernia_item_does_not_suggest_palpating_elsewhere(lesson):
    hernia = next(item for item in lesson.safety.screening if item.id == "hernia")
    assert "over the hernia" not in hernia.action and hernia.action.startswith("Do not perform the release")


def test_every_screen_action_first_says_not_to_perform_the_release(lesson):
    """Any "yes" stops the walk-through: no action may read as a release put off until someone clears it."""
    assert [item.id for item in lesson.safety.screening if not item.action.startswith("Do not perform the release")] \
        == []


def test_the_vascular_risk_action_refers_and_claims_no_clearance_the_sources_do_not_give(lesson):
    risk = next(item for item in lesson.safety.screening if item.id == "vascular-risk")
    assert risk.action.startswith("Do not perform the release. Refer the patient to their physician")
    assert "clear" not in risk.action


def test_palpation_cannot_rule_out_an_aneurysm_is_said_where_risk_is_asked(lesson):
    risk = next(item for item in lesson.safety.screening if item.id == "vascular-risk")
    assert "cannot" in risk.reason and "lederle1999" in risk.sources


def test_the_obstruction_item_can_be_answered_from_the_history(lesson):
    obstruction = next(item for item in lesson.safety.screening if item.id == "obstruction")
    assert "signs of" not in obstruction.question and "told" in obstruction.question


def test_the_during_release_rule_differs_from_the_pulse_rule(lesson):
    rule = lesson.safety.during_release
    assert "expansile" in rule.text and "severe" in rule.text and "urgent medical assessment" in rule.text
    assert "move more lateral" in rule.text  # said as the other rule, for a pulse under the fingertips
    assert {"nhs-lothian-aaa", "robinson2013"} <= set(rule.sources)


def test_no_unsupported_statement_is_left(lesson):
    text = all_text(lesson).lower()
    for claim in ("does not move out of the way", "late stance", "standing and walking", "only together with",
                  "minimum reached", "are contraindications to abdominal massage", "you are not yet on the muscle"):
        assert claim not in text, claim
    lifting = [q for q in [*lesson.quizzes.landmarks, *lesson.palpation.confirmation]
               if any("lifting the head" in o.explanation.lower() for o in q.options)]
    assert lifting and all({"burden2013", "axler1997"} <= set(q.sources) for q in lifting)


def test_the_posts_mechanisms_are_attributed_to_the_post(lesson):
    by_id = {i.id: i for i in lesson.indications}
    for case in ("runner-si", "stenosis", "femoral-nerve"):
        assert by_id[case].mechanism.startswith("The post "), case
    assert "no study was found" in by_id["runner-si"].mechanism
    assert "lateral femoral cutaneous" in by_id["femoral-nerve"].mechanism
