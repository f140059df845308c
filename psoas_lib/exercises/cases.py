"""The case self-check: for each indication of the lesson, which mechanism does the lesson give?

The questions are built from `lesson.indications`, so a case an instructor adds is asked too. Each offers
the mechanisms of all cases in brief, sorted so that their order gives nothing away, and every option
explains itself: the right one with the mechanism and why the release may help, a wrong one with the
case it belongs to. Grade the answers with `exercises.choice.grade_choice`.
"""

from __future__ import annotations

from ..i18n import _
from ..lesson.model import Indication, Option, Question

EXERCISE = "cases"


def mechanism_choices(indications: list[Indication]) -> tuple[str, ...]:
    """The distinct mechanisms in brief, sorted: the same choices for every case."""
    return tuple(sorted({case.mechanism_in_brief for case in indications}))


def case_question(case: Indication, indications: list[Indication]) -> Question:
    """The self-check question of one case, its options being every case's mechanism in brief."""
    options = []
    for brief in mechanism_choices(indications):
        if brief == case.mechanism_in_brief:
            explanation = f"{case.mechanism} {case.why_release_helps}"
        else:
            owners = "; ".join(other.title for other in indications if other.mechanism_in_brief == brief)
            explanation = _("That is the mechanism given for: {cases}. For this patient: {mechanism}").format(
                cases=owners, mechanism=case.mechanism)
        options.append(Option(text=brief, correct=brief == case.mechanism_in_brief, explanation=explanation))
    prompt = _("{title}. {presentation} Which mechanism does the lesson give for this case?").format(
        title=case.title, presentation=case.presentation)
    return Question(id=case.id, prompt=prompt, options=options, sources=case.sources)


def case_questions(indications: list[Indication]) -> list[Question]:
    """One question per case, in the lesson's order."""
    return [case_question(case, indications) for case in indications]
