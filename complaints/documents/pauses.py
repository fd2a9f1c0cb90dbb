"""The decisions on the course of a case's resolution, under the numbers and dates recorded: suspending it and
continuing it (a complaint from 01/07/2026: NĐ 155/2026 Mẫu 14a, 14b; a denunciation: Luật Tố cáo Điều 34, which no
annex shapes, on the layout of NĐ 31/2019's decisions), and ending it without a decision on the merits (đình chỉ:
complaints.documents.endings). Each cites the Law and the decree as in force on its date."""

from complaints.documents.cases import about
from complaints.documents.facts import (
    BASES,
    BLANK,
    NOUN,
    charter,
    day,
    header,
    in_words,
    legal_bases,
    petitioner_of,
    template,
)  # fmt: skip
from complaints.issuers import issuer_line
from complaints.models import Suspension
from complaints.models.resolution import PauseCause
from complaints.paper import Line, Paper, Style
from danvan.models import Agency, Case, Classification

# The Căn cứ lines of the Law and its decree: a denunciation's decision cites the article that provides for it.
COMPLAINT_BASES = BASES
DENUNCIATION_BASES = ["Căn cứ Điều 34 của Luật Tố cáo ngày 12 tháng 6 năm 2018;", *BASES[1:]]
# Who is sent the decision: a complaint's parties (NĐ 124/2020 Điều 28b as added by NĐ 155/2026), a denunciation's
# (Luật Tố cáo, Điều 9, 10: the denouncer and the person denounced are told).
PARTIES = {
    Classification.COMPLAINT: ["Như Điều 3", "Người bị khiếu nại", "Người có quyền, nghĩa vụ liên quan",
                               "Lưu: VT, hồ sơ"],
    Classification.DENUNCIATION: ["Như Điều 3", "Người tố cáo", "Người bị tố cáo", "Lưu: VT, hồ sơ"],
}  # fmt: skip


# Who carries the decision out besides the dots for the clerk: the complainant, named; the denouncer never is.
EXECUTORS = {Classification.COMPLAINT: ", {{ petitioner }}", Classification.DENUNCIATION: ""}


def latest_suspension(case: Case) -> Suspension | None:
    """The case's latest suspension decision (an expert examination of a denunciation is no decision of this kind)."""
    return case.suspensions.filter(cause=PauseCause.SUSPENSION).order_by("suspended_on", "pk").last()


def latest_examination(case: Case) -> Suspension | None:
    """The case's latest expert examination of a denunciation (giám định), whose time does not count."""
    return case.suspensions.filter(cause=PauseCause.EXAMINATION).order_by("suspended_on", "pk").last()


def course_decision(agency: Agency, *, kind: str, subject: str, article: str, grounds: list[str]) -> Paper:
    """A decision of ``kind`` (its Law's bases) on the course of the resolution: Điều 1 ``article``, in force when
    signed, carried out by the parties; ``grounds`` are the Căn cứ lines after the agency's charter."""
    bases = COMPLAINT_BASES if kind == Classification.COMPLAINT else DENUNCIATION_BASES
    return template(
        agency, kind="QUYẾT ĐỊNH", subject=subject, authority_line=issuer_line(agency),
        bases=[*bases, charter(agency), *grounds, f"Theo đề nghị của {BLANK}."],
        body=[
            Line("QUYẾT ĐỊNH:", Style.CENTRED),
            Line(article),
            Line("Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký."),
            Line(f"Điều 3. {BLANK}{EXECUTORS[kind]} và các cơ quan, tổ chức, đơn vị, cá nhân có liên quan chịu trách "
                 "nhiệm thi hành Quyết định này./."),
        ],
        recipients=PARTIES[kind],
    )  # fmt: skip


# The ground every decision on a case's course cites first (its acceptance); endings.py cites it too.
ACCEPTED_GROUND = "Căn cứ hồ sơ vụ việc thụ lý {{ accepted }};"
_SUSPENDS = (
    "Điều 1. Tạm đình chỉ việc giải quyết {{ about }} kể từ ngày {{ suspended }}. Lý do: {{ reason }}. Thời hạn giải "
    "quyết không tính thời gian tạm đình chỉ."
)
_RESUMES = (
    "Điều 1. Tiếp tục giải quyết {{ about }} kể từ ngày {{ resumed }}; thời hạn giải quyết được tính tiếp từ ngày ban "
    "hành Quyết định này."
)
_SUSPENSION_GROUND = "Căn cứ Quyết định tạm đình chỉ số {{ suspension }} {{ suspended_in_words }};"


def suspension_decision(agency: Agency) -> Paper:
    """NĐ 155/2026 Mẫu 14a (tạm đình chỉ), from 01/07/2026."""
    return course_decision(
        agency, kind=Classification.COMPLAINT, subject="Về việc tạm đình chỉ giải quyết khiếu nại", article=_SUSPENDS,
        grounds=[ACCEPTED_GROUND],
    )  # fmt: skip


def resumption_decision(agency: Agency) -> Paper:
    """NĐ 155/2026 Mẫu 14b, from 01/07/2026."""
    return course_decision(
        agency, kind=Classification.COMPLAINT, subject="Về việc tiếp tục giải quyết khiếu nại", article=_RESUMES,
        grounds=[ACCEPTED_GROUND, _SUSPENSION_GROUND],
    )  # fmt: skip


def denunciation_suspension(agency: Agency) -> Paper:
    """Luật Tố cáo, Điều 34 khoản 1: waiting for another body's result or a further expert examination."""
    return course_decision(
        agency, kind=Classification.DENUNCIATION, subject="Về việc tạm đình chỉ việc giải quyết tố cáo",
        article=_SUSPENDS, grounds=[ACCEPTED_GROUND],
    )  # fmt: skip


def denunciation_resumption(agency: Agency) -> Paper:
    """Luật Tố cáo, Điều 34 khoản 2: issued as soon as the reason of the suspension ends."""
    return course_decision(
        agency, kind=Classification.DENUNCIATION, subject="Về việc tiếp tục giải quyết tố cáo", article=_RESUMES,
        grounds=[ACCEPTED_GROUND, _SUSPENSION_GROUND],
    )  # fmt: skip


def course_facts(case: Case, *, on, recorded: str) -> dict:
    """What every decision on a case's course says: its number and date, the Law and decree of its date, what the
    case is about and when it was accepted, the complainant (never a denouncer)."""
    facts = header(case.agency, recorded=recorded, code="QĐ", on=on)
    return facts | legal_bases(case.kind, on) | {
        "noun": NOUN[case.kind], "about": about(case), "accepted": in_words(case.accepted_on),
        "petitioner": petitioner_of(case).addressed if case.kind == Classification.COMPLAINT else "",
    }  # fmt: skip


def suspension_facts(case: Case) -> dict:
    suspension = latest_suspension(case)
    return course_facts(case, on=suspension.suspended_on, recorded=suspension.number) | {
        "suspended": day(suspension.suspended_on), "reason": suspension.reason.strip().rstrip(".") or BLANK,
    }  # fmt: skip


def resumption_facts(case: Case) -> dict:
    suspension = latest_suspension(case)
    return course_facts(case, on=suspension.resumed_on, recorded=suspension.resume_number) | {
        "suspension": suspension.number, "suspended_in_words": in_words(suspension.suspended_on),
        "resumed": day(suspension.resumed_on),
    }  # fmt: skip
