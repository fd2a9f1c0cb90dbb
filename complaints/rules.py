"""The rules of a petition's and a case's course that every writer applies: the services (complaints.services), one
record at a time, and the register import (complaints.importer reads, complaints.importer_write writes), thousands at
once, must leave the same records. What is decided here: the receipt code, how a petition may be handled after its
classification, whose identity goes to the vault, which cases run a resolution clock, the outcomes of a decision per
kind and round, when an enforcement follows and a case's status. The statutory clocks are complaints.deadlines'.

The models store the vocabularies below; they hold no rule of their own.
"""

from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal

from django.db import models

from danvan.codes import PETITION_PREFIX, new_code
from danvan.models import Case, Classification
from danvan.validity import within

RECEIPT_PREFIX = PETITION_PREFIX


class Handling(models.TextChoices):
    ACCEPT = "accept", "Thụ lý"
    ANSWER = "answer", "Xem xét, trả lời"
    CONSIDER = "consider", "Xem xét điều kiện thụ lý"
    DECLINE = "decline", "Không thụ lý"
    GUIDE = "guide", "Hướng dẫn"
    FORWARD = "forward", "Chuyển đơn"
    URGE = "urge", "Đôn đốc"
    FILE = "file", "Lưu đơn"
    RETURN = "return", "Trả lại đơn"


class Outcome(models.TextChoices):
    FOUNDED = "founded", "Đúng"
    UNFOUNDED = "unfounded", "Sai"
    PARTLY_FOUNDED = "partly_founded", "Đúng một phần"
    UPHELD_FIRST = "upheld_first", "Công nhận quyết định lần đầu"
    OVERTURNED_FIRST = "overturned_first", "Hủy, sửa quyết định lần đầu"
    ANSWERED = "answered", "Đã trả lời kiến nghị, phản ánh"
    WITHDRAWN = "withdrawn", "Rút đơn"
    TERMINATED = "terminated", "Đình chỉ"


def new_receipt_code(*, taken: Callable[[str], bool]) -> str:
    """A receipt code that ``taken`` says is not in use yet."""
    return new_code(RECEIPT_PREFIX, taken=taken)


# What may follow from the classification: an unprocessable petition is only filed, returned or guided;
# one outside competence is guided, forwarded or urged; a complaint or denunciation within competence is accepted,
# considered (its conditions of acceptance examined, the decision to come) or declined (thông báo không thụ lý); a
# recommendation (kiến nghị, phản ánh) within competence is never accepted (thụ lý is a step of the Laws on Complaints
# and on Denunciations only): it is considered and answered (xem xét, trả lời).
UNPROCESSABLE = (Handling.FILE, Handling.RETURN, Handling.GUIDE)
OUTSIDE_COMPETENCE = (Handling.GUIDE, Handling.FORWARD, Handling.URGE)
IN_COMPETENCE = (Handling.ACCEPT, Handling.CONSIDER, Handling.DECLINE)
RECOMMENDATION_IN_COMPETENCE = (Handling.ANSWER,)
# The handlings within competence that open the petition's matter as a case; those that take it up (its case's
# ``accepted_on``): only accepting a complaint or denunciation starts a resolution clock.
OPENS_CASE = (*IN_COMPETENCE, *RECOMMENDATION_IN_COMPETENCE)
TAKES_UP = (Handling.ACCEPT, Handling.ANSWER)
# What a considered petition's acceptance decision turns it into.
ACCEPTANCE_DECISIONS = (Handling.ACCEPT, Handling.DECLINE)


def handlings_for(*, kind: str, processable: bool, in_competence: bool | None) -> tuple[Handling, ...]:
    """The handlings a petition of ``kind`` so classified may have (competence unknown counts as outside it)."""
    if not processable:
        return UNPROCESSABLE
    if not in_competence:
        return OUTSIDE_COMPETENCE
    return RECOMMENDATION_IN_COMPETENCE if kind == Classification.RECOMMENDATION else IN_COMPETENCE


def handlings_of(kind: str) -> tuple[Handling, ...]:
    """Every handling a petition of ``kind`` may have, in the order of ``Handling``."""
    allowed = {
        handling
        for processable, in_competence in ((False, None), (True, False), (True, True))
        for handling in handlings_for(kind=kind, processable=processable, in_competence=in_competence)
    }
    return tuple(handling for handling in Handling if handling in allowed)


def may_accept(*, anonymous: bool) -> bool:
    """An anonymous complaint or denunciation is never accepted (Luật Tố cáo, Điều 23); only those are accepted."""
    return not anonymous


def needs_acceptance_check(handling: str) -> bool:
    """Whether ``handling`` accepts the petition, or leads to accepting it (considering its acceptance): an anonymous
    complaint or denunciation may have neither (``may_accept``); it may be declined."""
    return handling in (Handling.ACCEPT, Handling.CONSIDER)


def needs_reason(handling: str) -> bool:
    """Declining a petition within competence is notified with its reason (thông báo không thụ lý, nêu rõ lý do)."""
    return handling == Handling.DECLINE


def vaults_signer(kind: str) -> bool:
    """Whether who signed a petition of ``kind`` goes to the identity vault rather than onto the petition and its
    case: a denouncer does (Luật Tố cáo, Điều 8)."""
    return kind == Classification.DENUNCIATION


def runs_resolution_clock(kind: str) -> bool:
    """Whether accepting a case of ``kind`` starts a resolution deadline: not for a recommendation."""
    return kind != Classification.RECOMMENDATION


# Withdrawn or terminated, a case ends with nothing to carry out; so does a recommendation once answered.
ENDING = (Outcome.WITHDRAWN, Outcome.TERMINATED)
NOTHING_TO_CARRY_OUT = (*ENDING, Outcome.ANSWERED)
_ON_THE_MERITS = (Outcome.FOUNDED, Outcome.UNFOUNDED, Outcome.PARTLY_FOUNDED)
OUTCOMES = {
    (Classification.COMPLAINT, Case.Round.FIRST): (*_ON_THE_MERITS, *ENDING),
    (Classification.COMPLAINT, Case.Round.SECOND): (Outcome.UPHELD_FIRST, Outcome.OVERTURNED_FIRST, *ENDING),
    (Classification.DENUNCIATION, ""): (*_ON_THE_MERITS, *ENDING),
    (Classification.RECOMMENDATION, ""): (Outcome.ANSWERED, Outcome.WITHDRAWN),
}


def outcomes_for(*, kind: str, round: str) -> tuple[str, ...]:
    """The outcomes a decision on a case may have: a second round upholds or overturns the first; a denunciation has
    no rounds; a recommendation is answered (or withdrawn)."""
    round_ = (round or Case.Round.FIRST) if kind == Classification.COMPLAINT else ""
    return OUTCOMES.get((kind, round_), ())


def enforcement_follows(outcome: str) -> bool:
    """Whether a decision with ``outcome`` is to be carried out: one on the merits, not a withdrawal, a termination
    or the answer to a recommendation."""
    return outcome not in NOTHING_TO_CARRY_OUT


def case_status(*, resolved_on: date | None) -> str:
    """A case is closed once resolved (its decision issued), open until then."""
    return Case.Status.CLOSED if resolved_on else Case.Status.OPEN


# What a decision orders and what carrying it out did are counts and amounts, never negative; each count of officials
# (cán bộ, công chức, viên chức) is among the people it is part of (03/GQKN 20 ≤ 19, 23 ≤ 22; 05/KQTH 12 ≤ 11, ...).
NEGATIVE = "Số này không được âm."
OFFICIALS_AMONG = {
    "sanctioned_officials": "sanctioned_people",
    "referred_officials": "referred_people",
    "prosecuted_officials": "prosecuted_people",
}
OFFICIALS_TOO_MANY = "Số cán bộ, công chức, viên chức không được lớn hơn tổng số người."


# What a decision or conclusion orders, and what its enforcement did (03/GQKN to 05/KQTH).
DECISION_AMOUNTS = (
    "money_due", "land_due", "returned_money", "returned_land", "returned_organisations", "returned_individuals",
    "sanctioned_organisations", "sanctioned_people", "sanctioned_officials", "referred_cases", "referred_people",
    "referred_officials",
)  # fmt: skip
ENFORCEMENT_AMOUNTS = (
    "money_recovered", "land_recovered", "returned_money", "returned_land", "sanctioned_organisations",
    "sanctioned_people", "sanctioned_officials", "prosecuted_cases", "prosecuted_people", "prosecuted_officials",
)  # fmt: skip


def facts_errors(values: Mapping[str, int | Decimal | None]) -> dict[str, str]:
    """Why the counts and amounts of a decision or an enforcement cannot be, by field: a negative one; more officials
    than people. Values left out, None or not numbers (a summary given along) are not checked."""
    numbers = {name: value for name, value in values.items() if isinstance(value, (int, Decimal))}
    errors = {name: NEGATIVE for name, value in numbers.items() if value < 0}
    for officials, people in OFFICIALS_AMONG.items():
        part, whole = numbers.get(officials), numbers.get(people)
        if officials not in errors and part is not None and whole is not None and part > whole:
            errors[officials] = OFFICIALS_TOO_MANY
    return errors


# Suspending (tạm đình chỉ) the resolution of a complaint has a legal basis from 01/07/2026 only; a denunciation's
# resolution may be suspended under Luật Tố cáo 2018, Điều 34.
COMPLAINT_SUSPENSION_FROM = date(2026, 7, 1)
COMPLAINT_SUSPENSION_SOURCE = "Luật Khiếu nại, Điều 11a (sửa đổi, bổ sung); Nghị định 155/2026/NĐ-CP, Điều 22 khoản 1"


EXAMINATION_SOURCE = "Nghị định 31/2019/NĐ-CP, Điều 15 khoản 4"


def suspension_refusal(*, kind: str, on: date, examination: bool = False) -> str:
    """Why the resolution clock of a case of ``kind`` cannot stop on ``on`` ("" when it can): for a suspension, or
    (``examination``) for the time of an expert examination, which only a denunciation's clock leaves out."""
    if examination:
        if kind != Classification.DENUNCIATION:
            return (
                f"Chỉ thời gian giám định trong giải quyết tố cáo không tính vào thời hạn ({EXAMINATION_SOURCE}); "
                "vụ việc này không phải tố cáo."
            )
        return ""
    if kind == Classification.COMPLAINT and not within(on, COMPLAINT_SUSPENSION_FROM, None):
        return (
            f"Chỉ được tạm đình chỉ giải quyết khiếu nại từ ngày {COMPLAINT_SUSPENSION_FROM:%d/%m/%Y} "
            f"({COMPLAINT_SUSPENSION_SOURCE}); trước ngày này pháp luật về khiếu nại chưa quy định tạm đình chỉ."
        )
    return ""
