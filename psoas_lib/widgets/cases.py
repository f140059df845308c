"""The case explorer (pick a patient, follow the mechanism) and the case self-check."""

from __future__ import annotations

from html import escape

import ipywidgets as w

from ..exercises.cases import EXERCISE, case_questions
from ..exercises.recorder import Recorder
from ..i18n import _
from ..lesson.model import Indication
from .choice import ChoiceQuestion
from .controls import RadioGroup
from .placeholder import N_, HasPlaceholder
from .text import live_region, sources_html


def case_story_html(case: Indication) -> str:
    """One case as a chain: what the patient shows, the mechanism, why the release may help."""
    steps = [(_("The patient"), case.presentation), (_("The mechanism"), case.mechanism),
             (_("Why the release may help"), case.why_release_helps)]
    items = "".join(f"<li><b>{escape(heading)}:</b> {escape(text)}</li>" for heading, text in steps)
    region, sources = escape(_("The chosen case")), escape(_("Sources"))
    return (f'<div role="region" aria-live="polite" aria-label="{region}" class="psoas-case">'
            f"<h3>{escape(case.title)}</h3><ol>{items}</ol><p>{sources}: {sources_html(case.sources)}</p></div>")


class CaseExplorer(HasPlaceholder, w.VBox):
    """Radio buttons listing the cases; choosing one shows its story."""

    before_run = N_("Case explorer — run the notebook (Run ▸ Run All Cells) to choose a patient.")

    def __init__(self, indications: list[Indication]):
        self.cases = {case.id: case for case in indications}
        self.picker = RadioGroup([(case.title, case.id) for case in indications], label=_("Case"),
                                 value=indications[0].id)
        self.story = w.HTML(case_story_html(indications[0]))
        self.picker.observe(lambda change: self.show(change["new"]), names="value")
        super().__init__([self.picker, self.story])
        self.add_class("psoas-case-explorer")

    def show(self, case_id: str) -> None:
        self.story.value = case_story_html(self.cases[case_id])


class CaseSelfCheck(HasPlaceholder, w.VBox):
    """One question per case (case -> mechanism), answers saved through `recorder`, and a running score."""

    before_run = N_("Self-check on the cases — run the notebook (Run ▸ Run All Cells) to answer it.")

    def __init__(self, indications: list[Indication], recorder: Recorder | None = None):
        self.questions = [ChoiceQuestion(question, EXERCISE, recorder) for question in case_questions(indications)]
        self.results: dict[str, bool] = {}
        for view in self.questions:
            saved = view.session.saved()
            if saved:
                self.results[view.question.id] = saved.correct
            view.check.on_click(lambda _button, view=view: self._answered(view))
        self.score = w.HTML()
        super().__init__([*self.questions, self.score])
        self.add_class("psoas-case-self-check")
        self._show_score()

    def _answered(self, view: ChoiceQuestion) -> None:
        if view.options.value is not None:
            self.results[view.question.id] = view.question.options[view.options.value].correct
        self._show_score()

    def _show_score(self) -> None:
        text = _("Self-check: {right} of {total} cases right ({answered} answered).").format(
            right=sum(self.results.values()), total=len(self.questions), answered=len(self.results))
        self.score.value = live_region(f"<b>{escape(text)}</b>", "psoas-score", tag="p")
