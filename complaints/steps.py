"""The statutory steps of a complaint's or denunciation's resolution, in their order: thụ lý → xác minh → đối thoại
(a complaint, where the law requires it) → quyết định, kết luận → công khai → thi hành; which of them a decision on the
merits needs first; and where a case stands among them. A recommendation (kiến nghị, phản ánh) is never accepted: it
is considered and answered, with none of these steps.
"""

from dataclasses import dataclass
from datetime import date

from complaints.models import ComplaintDialogue, Decision, Enforcement, Verification
from complaints.rules import enforcement_follows
from danvan.models import Case, Classification

VERIFICATION_SOURCE = {
    Classification.COMPLAINT: "Luật Khiếu nại 2011, Điều 29",
    Classification.DENUNCIATION: "Luật Tố cáo 2018, Điều 31",
}
DIALOGUE_SOURCE = {
    Case.Round.FIRST: "Luật Khiếu nại 2011, Điều 30 (yêu cầu của người khiếu nại và kết quả xác minh còn khác nhau)",
    Case.Round.SECOND: "Luật Khiếu nại 2011, Điều 39 (bắt buộc khi giải quyết khiếu nại lần hai)",
}
PUBLICATION_SOURCE = {
    Classification.COMPLAINT: "Luật Khiếu nại 2011, Điều 41 (lần đầu), Điều 40 (lần hai)",
    Classification.DENUNCIATION: "Luật Tố cáo 2018, Điều 40",
}
NOT_VERIFIED = "Chưa có báo cáo kết quả xác minh: hãy ghi kết quả xác minh trước khi ra quyết định, kết luận."
NOT_HEARD = "Chưa tổ chức đối thoại: giải quyết khiếu nại này phải đối thoại trước khi ra quyết định ({source})."


def has_steps(case: Case) -> bool:
    """Whether the case runs the statutory steps: an accepted complaint or denunciation."""
    return case.kind in VERIFICATION_SOURCE and case.accepted_on is not None


def dialogue_required(case: Case, verification: Verification | None) -> bool:
    """A second-round complaint always requires a dialogue; a first-round one when the verification found other than
    the complainant claims; a denunciation never (Luật Khiếu nại, Điều 30, 39)."""
    if case.kind != Classification.COMPLAINT:
        return False
    if case.round == Case.Round.SECOND:
        return True
    return verification is not None and verification.differs_from_claim


def decision_refusal(
    case: Case, outcome: str, verification: Verification | None, dialogue: ComplaintDialogue | None
) -> str:
    """Why a decision or conclusion with ``outcome`` cannot be issued yet ("" when it can): one on the merits needs the
    verification's report and, where required, the dialogue (``merits_refusal``); withdrawing or terminating needs
    neither."""
    return merits_refusal(case, verification, dialogue) if enforcement_follows(outcome) else ""


def merits_refusal(case: Case, verification: Verification | None, dialogue: ComplaintDialogue | None) -> str:
    """Why no decision or conclusion on the merits can be issued yet ("" when one can)."""
    if not has_steps(case):
        return ""
    if verification is None or verification.reported_on is None:
        return NOT_VERIFIED
    if dialogue is None and dialogue_required(case, verification):
        return NOT_HEARD.format(source=DIALOGUE_SOURCE[case.round or Case.Round.FIRST])
    return ""


def earliest_decision(verification: Verification | None, dialogue: ComplaintDialogue | None) -> date | None:
    """The first day a decision on the merits may bear: not before the report nor the dialogue it rests on."""
    days = [day for day in (getattr(verification, "reported_on", None), getattr(dialogue, "held_on", None)) if day]
    return max(days, default=None)


@dataclass(frozen=True)
class Step:
    key: str
    label: str
    state: str  # "done", "current", "todo" or "skipped" (not required, or not recorded before the decision)
    on: date | None = None
    note: str = ""


def steps_of(
    case: Case,
    verification: Verification | None,
    dialogue: ComplaintDialogue | None,
    decision: Decision | None,
    enforcement: Enforcement | None,
) -> list[Step]:
    """Where an accepted complaint or denunciation stands among its steps; the first step not done is the current one.
    A step left unrecorded when the case was decided (a decision imported, or withdrawn) is skipped."""
    decided = decision is not None
    reported = getattr(verification, "reported_on", None)
    steps = [Step("accepted", "Thụ lý", "done", case.accepted_on)]
    if verification is None:
        steps.append(Step("verification", "Xác minh", "skipped" if decided else "todo"))
    else:
        note = f"{verification.verifier}, từ ngày {verification.started_on:%d/%m/%Y}"
        steps.append(Step("verification", "Xác minh", "done" if reported else "todo", reported, note))
    if case.kind == Classification.COMPLAINT:
        required = dialogue_required(case, verification)
        if dialogue is not None:
            steps.append(Step("dialogue", "Đối thoại", "done", dialogue.held_on, dialogue.place))
        elif decided or (reported and not required):
            note = "" if required or not reported else "Không bắt buộc: kết quả xác minh không khác yêu cầu"
            steps.append(Step("dialogue", "Đối thoại", "skipped", note=note))
        else:
            note = "" if required else "Khi kết quả xác minh khác với yêu cầu của người khiếu nại"
            steps.append(Step("dialogue", "Đối thoại", "todo", note=note))
    label = "Kết luận" if case.kind == Classification.DENUNCIATION else "Quyết định"
    steps.append(Step("decision", label, "done" if decided else "todo", getattr(decision, "issued_on", None)))
    if decided and not decision.to_enforce:
        return _with_current(steps)
    published = getattr(decision, "published_on", None)
    steps.append(Step("publication", "Công khai", "done" if published else "todo", published))
    completed = getattr(enforcement, "completed_on", None)
    steps.append(Step("enforcement", "Thi hành", "done" if completed else "todo", completed))
    return _with_current(steps)


def _with_current(steps: list[Step]) -> list[Step]:
    """The first step still to do becomes the current one."""
    for index, step in enumerate(steps):
        if step.state == "todo":
            steps[index] = Step(step.key, step.label, "current", step.on, step.note)
            break
    return steps


def next_step(case: Case) -> str:
    """What to do next on an accepted case not decided yet, in the words of the queue: the first of its steps still to
    do (read from ``case.verification`` and ``case.complaint_dialogue``, which a list selects with the case)."""
    verification = getattr(case, "verification", None)
    if has_steps(case) and verification is None:
        return "Giao nhiệm vụ xác minh"
    if has_steps(case) and verification.reported_on is None:
        return "Báo cáo kết quả xác minh"
    if getattr(case, "complaint_dialogue", None) is None and dialogue_required(case, verification):
        return "Tổ chức đối thoại"
    if case.kind == Classification.DENUNCIATION:
        return "Ban hành kết luận nội dung tố cáo"
    return "Ban hành quyết định giải quyết"
