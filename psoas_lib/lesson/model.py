"""The lesson schema: typed, immutable objects that the exercises, figures and widgets read.

Field types and required keys are checked here by pydantic; checks that span the lesson (unique ids,
references that must exist) live in `checks.py`, so that both report through the same error list.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator

from ..i18n import N_, _, marked

SCHEMA_VERSION = 2  # the lesson format this code reads; older formats are migrated (see `migrations`)
CM_PER_INCH = 2.54

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=5000)]
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)]


def between(low: float, high: float, unit: str, *, above: bool = False, kind: type = float) -> object:
    """A finite number from `low` (or more than `low`, when `above`) to `high`; anything else, `.inf` and
    `.nan` included, is refused with the range it must be in."""
    def check(value: float) -> float:
        if not ((low < value if above else low <= value) and value <= high):  # NaN fails every comparison
            message = _("must be a number more than {low} to {high} {unit}") if above else \
                _("must be a number from {low} to {high} {unit}")
            raise ValueError(message.format(low=f"{low:g}", high=f"{high:g}", unit=marked(unit)))
        return value

    bounds = {"exclusiveMinimum" if above else "minimum": low, "maximum": high}
    # Non-finite floats reach `check` (allow_inf_nan), so that their message gives the range too.
    field = Field(json_schema_extra=bounds, **({"allow_inf_nan": True} if kind is float else {}))
    return Annotated[kind, field, AfterValidator(check)]


CoordinateCm = between(-60, 60, "cm")  # figures and the palpation quiz: cm from the umbilicus (or body centre)
PointCm = tuple[CoordinateCm, CoordinateCm]
SizeCm = between(0, 120, "cm", above=True)
SmallCm = between(0, 10, "cm", above=True)  # widths and tolerances
LateralCm = between(0, 12, "cm")  # the start zone's distances from the midline
Minutes = between(0, 120, N_("minutes"), above=True)
Seconds = between(0, 7200, N_("seconds"), above=True, kind=int)


class Node(BaseModel):
    """Base of every lesson object: unknown keys are errors, numbers are finite, objects are frozen once loaded."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False, defer_build=True)


class Sourced(Node):
    """Anything that makes a clinical statement names where it comes from."""

    sources: list[Id] = Field(min_length=1)


class Reference(Node):
    id: Id
    citation: Text


class Fact(Sourced):
    id: Id
    text: Text


class Anatomy(Node):
    attachments: list[Fact] = Field(min_length=1)
    nerve_supply: list[Fact] = Field(min_length=1)
    function: list[Fact] = Field(min_length=1)
    neighbours: list[Fact] = Field(min_length=1)


class Indication(Sourced):
    """A patient presentation the release may help, with the mechanism the source gives.

    `mechanism_in_brief` is the mechanism in one short line: an answer of the case self-check, so it
    must tell this case apart from the others.
    """

    id: Id
    title: Text
    presentation: Text
    mechanism: Text
    mechanism_in_brief: Text
    why_release_helps: Text


class ScreeningItem(Sourced):
    """A yes/no question asked before any hands-on step; "yes" stops the walk-through."""

    id: Id
    question: Text
    reason: Text
    action: Text


class Safety(Node):
    screening: list[ScreeningItem] = Field(min_length=1)
    # What stops a release once started (a warning sign, unlike a pulse that only sends the fingers lateral).
    during_release: Fact
    notes: list[Fact] = []


class Technique(Node):
    position: Fact
    hand: Fact
    start: Fact
    landmarks: Fact  # the surface landmarks to find the start zone by
    approach: Fact
    too_fast: Fact
    confirmations: list[Fact] = Field(min_length=1)
    palpation_caveat: Fact


class Movement(Sourced):
    """One step of the progression: what the therapist and the patient each do.

    `therapist_also` lists other therapist actions that are right for this movement too (a combined
    movement contains its parts' actions); each must be the `therapist` action of another movement.
    """

    id: Id
    name: Text
    therapist: Text
    patient: Text
    therapist_also: list[Text] = []


class Reason(Sourced):
    movement: Id
    text: Text


class Progression(Node):
    movements: list[Movement] = Field(min_length=2)
    order: list[Id] = Field(min_length=2)
    reasons: list[Reason] = []
    last_step_note: Fact

    @model_validator(mode="after")
    def _also_right_actions_are_offered(self) -> Progression:
        offered = {movement.therapist for movement in self.movements}
        for movement in self.movements:
            unknown = [text for text in movement.therapist_also if text not in offered]
            if unknown:
                raise ValueError(_("{id}: therapist_also {text!r} is no movement's therapist action")
                                 .format(id=movement.id, text=unknown[0]))
        return self


class Window(Node):
    min_minutes: Minutes
    max_minutes: Minutes

    @model_validator(mode="after")
    def _min_not_above_max(self) -> Window:
        if self.min_minutes > self.max_minutes:
            raise ValueError(_("min_minutes ({low}) is greater than max_minutes ({high})")
                             .format(low=f"{self.min_minutes:g}", high=f"{self.max_minutes:g}"))
        return self


class SplitStep(Node):
    movement: Id
    seconds: Seconds


class Split(Node):
    """How the lesson suggests sharing the session's time among the movements (not a prescription)."""

    label: Text
    steps: list[SplitStep] = Field(min_length=1)

    @property
    def total_seconds(self) -> int:
        return sum(step.seconds for step in self.steps)


class Dose(Sourced):
    window: Window
    text: Text
    suggested_split: Split

    @model_validator(mode="after")
    def _split_fits_the_window(self) -> Dose:
        total, longest = self.suggested_split.total_seconds, self.window.max_minutes * 60
        if total > longest:
            raise ValueError(_("the suggested split lasts {total} seconds, longer than the window's maximum "
                               "({longest} minutes)").format(total=total, longest=f"{self.window.max_minutes:g}"))
        return self


class Reassessment(Sourced):
    text: Text
    items: list[Fact] = Field(min_length=1)


class StartZone(Node):
    """Where the fingertips start: lateral_min_cm to lateral_max_cm from the midline, both edges included,
    within level_tolerance_cm of the umbilicus's level. Graded, printed and drawn in cm, one zone."""

    lateral_min_cm: LateralCm
    lateral_max_cm: LateralCm
    level_tolerance_cm: SmallCm

    @model_validator(mode="after")
    def _min_below_max(self) -> StartZone:
        if self.lateral_min_cm >= self.lateral_max_cm:
            raise ValueError(_("lateral_min_cm must be less than lateral_max_cm"))
        return self


class Artery(Sourced):
    """A vessel whose pulse the fingers would feel: a band of half_width_cm around a polyline."""

    id: Id
    name: Text
    path_cm: list[PointCm] = Field(min_length=2)
    half_width_cm: SmallCm


class Depth(Sourced):
    slow_feedback: Text
    fast_feedback: Text


class Option(Node):
    text: Text
    correct: bool
    explanation: Text


class Question(Sourced):
    """A multiple-choice question with exactly one right option and an explanation for every option."""

    id: Id
    prompt: Text
    options: list[Option] = Field(min_length=2)

    @model_validator(mode="after")
    def _exactly_one_correct(self) -> Question:
        right = sum(option.correct for option in self.options)
        if right != 1:
            raise ValueError(_("exactly one option must be correct, found {count}").format(count=right))
        return self


class PlacementFeedback(Node):
    """What the palpation quiz tells the student about each kind of fingertip placement."""

    pulse: Fact
    in_zone: Fact
    too_medial: Fact
    too_lateral: Fact
    too_cranial: Fact
    too_caudal: Fact


class ConfirmationOption(Option):
    moves_lateral: bool = False
    stops_release: bool = False


class ConfirmationQuestion(Question):
    """A confirmation scenario. With `warning_sign` (a broad, expansile pulsation or new severe pain) the one
    right answer must stop the release; otherwise, with `pulse_felt`, it must move lateral."""

    pulse_felt: bool = False
    warning_sign: bool = False
    options: list[ConfirmationOption] = Field(min_length=2)

    @model_validator(mode="after")
    def _the_right_answer_follows_the_rule(self) -> ConfirmationQuestion:
        right = [option for option in self.options if option.correct]
        if self.warning_sign and not all(o.stops_release and not o.moves_lateral for o in right):
            raise ValueError(_("with a warning sign, the right option must stop the release "
                               "(stops_release: true), not move lateral"))
        if self.pulse_felt and not self.warning_sign and not all(o.moves_lateral for o in right):
            raise ValueError(_("with a pulse felt, the right option must move lateral (mark it moves_lateral: true)"))
        return self


class Aneurysm(Node):
    """A simulated aneurysm: a broad, expansile pulsation felt within `half_width_cm` of `artery`."""

    artery: Id
    half_width_cm: SmallCm


class SimulatedPatient(Sourced):
    """A patient of the sinking simulation: where their arteries lie against the drawn ones (cm towards the
    patient's left and head), and an aneurysm if they have one."""

    id: Id
    label: Text
    description: Text
    arteries_shift_cm: PointCm = (0.0, 0.0)
    aneurysm: Aneurysm | None = None


class Sinking(Node):
    """Sinking in over time. No reference gives these numbers: they are the lesson's teaching model, said so on
    screen by `teaching_model`. A press sinks `step_cm`; faster than `max_speed_cm_per_s` the rectus guards."""

    teaching_model: Text
    step_cm: SmallCm
    max_speed_cm_per_s: between(0, 10, "cm per second", above=True)
    depth_cm: SizeCm
    yielding: Fact
    posterior_wall: Fact
    contraction: Fact
    no_contraction: Fact
    patients: list[SimulatedPatient] = Field(min_length=1)


class Palpation(Node):
    start_zone: StartZone
    arteries: list[Artery] = Field(min_length=1)
    feedback: PlacementFeedback
    depth: Depth
    confirmation: list[ConfirmationQuestion] = Field(min_length=1)
    # Optional, so that files of formats 1 and 2 written before it still load: they use the bundled lesson's.
    sinking: Sinking | None = None

    @model_validator(mode="after")
    def _aneurysms_on_known_arteries(self) -> Palpation:
        known = {artery.id for artery in self.arteries}
        for patient in self.sinking.patients if self.sinking else []:
            if patient.aneurysm and patient.aneurysm.artery not in known:
                raise ValueError(f"sinking patient {patient.id}: no artery {patient.aneurysm.artery!r}")
        return self

    @model_validator(mode="after")
    def _a_pulse_and_a_warning_scenario(self) -> Palpation:
        if not any(question.pulse_felt and not question.warning_sign for question in self.confirmation):
            raise ValueError(_("confirmation needs a question with pulse_felt: true (a pulse means move lateral)"))
        if not any(question.warning_sign for question in self.confirmation):
            raise ValueError(_("confirmation needs a question with warning_sign: true (a broad, expansile "
                               "pulsation or new severe pain means stop)"))
        return self


class Outline(Sourced):
    """A structure of the anterior view, drawn by its kind so that none needs colour: a muscle is a hatched
    area, a bone edge a thick line, a ligament a dashed line, a border (linea alba, a rectus's lateral
    border) a dotted line, a vein a grey tube, a bony point a triangle."""

    id: Id
    label: Text
    kind: Literal["muscle", "bone", "ligament", "border", "vein", "bony-point"] = "muscle"
    points_cm: list[PointCm] = Field(min_length=1)

    @model_validator(mode="after")
    def _enough_points(self) -> Outline:
        needed = {"muscle": 3, "bony-point": 1}.get(self.kind, 2)
        if len(self.points_cm) < needed:
            raise ValueError(_("a {kind} needs at least {needed} point(s), found {found}")
                             .format(kind=self.kind, needed=needed, found=len(self.points_cm)))
        return self


class AnteriorFigure(Sourced):
    """The front view. Its arteries are `palpation.arteries` (the pulse the quiz grades is the one drawn);
    `sources` back the umbilicus, the bifurcation and the start zone as drawn."""

    title: Text
    description: Text
    quiz_description: Text  # the landmark quiz draws this view without the start zone
    umbilicus_label: Text
    start_zone_label: Text
    side_labels: tuple[Text, Text]
    outlines: list[Outline] = Field(min_length=1)
    bifurcation_label: Text


class Shape(Sourced):
    """A structure of the transverse section: an ellipse (`center_cm`, `size_cm`) or a polygon (`points_cm`);
    its tissue picks the hatch and fill it is drawn with, so that no colour is needed."""

    id: Id
    label: Text
    kind: Literal["ellipse", "polygon"]
    tissue: Literal["skin", "fat", "fascia", "muscle", "bowel", "colon", "artery", "vein", "bone", "kidney"]
    center_cm: PointCm | None = None
    size_cm: tuple[SizeCm, SizeCm] | None = None
    points_cm: list[PointCm] = []

    @model_validator(mode="after")
    def _its_geometry(self) -> Shape:
        if self.kind == "ellipse" and (self.center_cm is None or self.size_cm is None or self.points_cm):
            raise ValueError(_("an ellipse needs center_cm and size_cm (and no points_cm)"))
        if self.kind == "polygon" and (len(self.points_cm) < 3 or self.center_cm or self.size_cm):
            raise ValueError(_("a polygon needs at least 3 points_cm (and no center_cm or size_cm)"))
        return self


class FingerPath(Node):
    label: Text
    from_cm: PointCm
    to_cm: PointCm


class TransverseFigure(Sourced):
    """The section at about L3-L4; `sources` back the level and the fingertips' path as drawn."""

    title: Text
    description: Text
    side_labels: tuple[Text, Text]
    shapes: list[Shape] = Field(min_length=1)
    finger_path: FingerPath


class Figures(Node):
    anterior: AnteriorFigure
    transverse: TransverseFigure


class Quizzes(Node):
    landmarks: list[Question] = Field(min_length=1)


class Lesson(Node):
    """One whole lesson, as loaded from a lesson file."""

    schema_version: Literal[SCHEMA_VERSION]
    id: Id
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(_[A-Z]{2})?$")]
    title: Text
    notice: Text
    references: list[Reference] = Field(min_length=1)
    overview: list[Fact] = Field(min_length=1)
    anatomy: Anatomy
    indications: list[Indication] = Field(min_length=2)
    safety: Safety
    technique: Technique
    progression: Progression
    dose: Dose
    reassessment: Reassessment
    home_programme: list[Fact] = Field(min_length=1)
    corrections: list[Fact] = []
    palpation: Palpation
    figures: Figures
    quizzes: Quizzes

    def reference(self, reference_id: str) -> Reference:
        return next(ref for ref in self.references if ref.id == reference_id)

    def movement(self, movement_id: str) -> Movement:
        return next(move for move in self.progression.movements if move.id == movement_id)
