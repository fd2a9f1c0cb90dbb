"""The decisions that stop and restart a case's resolution: suspending it (NĐ 124/2020 Mẫu 14a, from 01/07/2026 as
added by NĐ 155/2026; for a denunciation Luật Tố cáo Điều 34, which no annex shapes: the same form is followed) and
continuing it (Mẫu 14b), under the numbers and dates recorded."""

from complaints.documents.cases import about
from complaints.documents.facts import BASES, BLANK, NOUN, charter, day, header, in_words, legal_bases, template
from complaints.issuers import issuer_line
from complaints.models import Suspension
from complaints.models.resolution import PauseCause
from complaints.paper import Line, Paper, Style
from danvan.models import Agency, Case

_DECIDES = Line("QUYẾT ĐỊNH:", Style.CENTRED)


def latest_suspension(case: Case) -> Suspension | None:
    """The case's latest suspension decision (an expert examination of a denunciation is no decision of this kind)."""
    return case.suspensions.filter(cause=PauseCause.SUSPENSION).order_by("suspended_on", "pk").last()


def _bases(agency: Agency) -> list[str]:
    return [*BASES, charter(agency), "Căn cứ hồ sơ vụ việc thụ lý {{ accepted }};", f"Theo đề nghị của {BLANK}."]


def _closing(article: str) -> list[Line]:
    return [
        Line(article),
        Line("Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký."),
        Line(f"Điều 3. {BLANK} và các cơ quan, tổ chức, đơn vị, cá nhân có liên quan chịu trách nhiệm thi hành Quyết "
             "định này./."),
    ]  # fmt: skip


def suspension_decision(agency: Agency) -> Paper:
    return template(
        agency, kind="QUYẾT ĐỊNH", subject="Về việc tạm đình chỉ giải quyết {{ noun }}",
        authority_line=issuer_line(agency), bases=_bases(agency),
        body=[
            _DECIDES,
            *_closing("Điều 1. Tạm đình chỉ việc giải quyết {{ about }} kể từ ngày {{ suspended }}. Lý do: "
                      "{{ reason }}. Thời hạn giải quyết không tính thời gian tạm đình chỉ."),
        ],
        recipients=["Như Điều 3", "Lưu: VT, hồ sơ"],
    )  # fmt: skip


def suspension_facts(case: Case) -> dict:
    suspension = latest_suspension(case)
    facts = header(case.agency, recorded=suspension.number, code="QĐ", on=suspension.suspended_on)
    return facts | legal_bases(case.kind, suspension.suspended_on) | {
        "noun": NOUN[case.kind], "about": about(case), "accepted": in_words(case.accepted_on),
        "suspended": day(suspension.suspended_on), "reason": suspension.reason.strip().rstrip(".") or BLANK,
    }  # fmt: skip


def resumption_decision(agency: Agency) -> Paper:
    return template(
        agency, kind="QUYẾT ĐỊNH", subject="Về việc tiếp tục giải quyết {{ noun }}",
        authority_line=issuer_line(agency), bases=[*_bases(agency)[:-1], "Căn cứ Quyết định tạm đình chỉ số "
                                                   "{{ suspension }} {{ suspended }};", f"Theo đề nghị của {BLANK}."],
        body=[
            _DECIDES,
            *_closing("Điều 1. Tiếp tục giải quyết {{ about }} kể từ ngày {{ resumed }}; thời hạn giải quyết được "
                      "tính tiếp từ ngày ban hành Quyết định này."),
        ],
        recipients=["Như Điều 3", "Lưu: VT, hồ sơ"],
    )  # fmt: skip


def resumption_facts(case: Case) -> dict:
    suspension = latest_suspension(case)
    facts = header(case.agency, recorded=suspension.resume_number, code="QĐ", on=suspension.resumed_on)
    return facts | legal_bases(case.kind, suspension.resumed_on) | {
        "noun": NOUN[case.kind], "about": about(case), "accepted": in_words(case.accepted_on),
        "suspension": suspension.number, "suspended": in_words(suspension.suspended_on),
        "resumed": day(suspension.resumed_on),
    }  # fmt: skip
