"""The documents of a petition's receipt and acceptance: the receipt, the notices of acceptance and refusal (NĐ
124/2020 Mẫu 03, 04; NĐ 155/2026 Mẫu 03, 04; NĐ 31/2019 Mẫu 05). The slips of its handling (TT 05/2021/TT-TTCP) are
complaints.documents.slips'. Each is a template of the
agency (its wording, placeholders for the record's facts) and the facts of a record that fill it."""

from complaints.documents.facts import (
    BLANK,
    DOTS,
    IDENTITY_2020,
    IDENTITY_2026,
    NOUN,
    ROUND,
    day,
    header,
    identity_label,
    in_words,
    inspectorate_of,
    opening,
    person,
    template,
)  # fmt: skip
from complaints.models import Petition
from complaints.models.petitions import UNNAMED_AGENCY
from complaints.paper import Line, Paper, Signer
from danvan.models import Agency


def petitioner_facts(petition: Petition) -> dict:
    """The petitioner as the documents name them (dots for a denouncer or an anonymous petitioner), the kind of
    petition, the day it was received, its content."""
    who = person(petition.person)
    return {
        "petitioner": who.addressed, "Petitioner": opening(who.addressed), "address": who.address,
        "identity": who.identity, "identity_label": identity_label(petition.received_on), "noun": NOUN[petition.kind],
        "received": in_words(petition.received_on),
        "Received": opening(in_words(petition.received_on)), "content": petition.content,
    }  # fmt: skip


def receipt_slip(agency: Agency) -> Paper:
    """NĐ 154/2026 Mẫu 02/TCD: a receipt has no number; the officer who received the petition signs it."""
    return template(
        agency, has_number=False, kind="GIẤY BIÊN NHẬN", subject="Đơn {{ noun }}",
        body=[
            Line("{{ Received }}, {{ agency }} đã nhận đơn {{ noun }} của {{ petitioner }}."),
            Line("Địa chỉ: {{ address }}."),
            Line("{{ identity_label }}: {{ identity }}."),
            Line("Số người đứng tên: {{ signatories }}."),
            Line("Nội dung đơn: {{ content }}"),
            Line("Mã tra cứu: {{ receipt_code }}. Công dân tra cứu tình hình xử lý đơn tại mục Tra cứu của cổng thông "
                 "tin bằng mã này và 4 chữ số cuối của số điện thoại hoặc số căn cước."),
            Line("Hạn xử lý đơn: {{ handling_due }}."),
        ],
        signer=Signer(title="NGƯỜI NHẬN ĐƠN", name="{{ signer }}"),
        recipients=["Người đứng đơn", "Lưu: hồ sơ"],
    )  # fmt: skip


def receipt_facts(petition: Petition) -> dict:
    receiver = petition.created_by.full_name if petition.created_by else ""
    return header(petition.agency, on=petition.received_on, signer=receiver) | petitioner_facts(petition) | {
        "signatories": petition.signatories, "receipt_code": petition.receipt_code,
        "handling_due": day(petition.handling_due_on),
    }  # fmt: skip


def _acceptance(agency: Agency, *, subject: str, identity: str, decided: str) -> Paper:
    return template(
        agency, kind="THÔNG BÁO", subject=subject, addressees=["{{ Petitioner }}"],
        body=[
            Line("{{ Received }}, {{ agency }} đã nhận được đơn khiếu nại của {{ petitioner }}:"),
            Line("Địa chỉ: {{ address }};"),
            Line(f"{identity}: {{{{ identity }}}}, ngày cấp {DOTS}, nơi cấp: {DOTS};"),
            Line("Khiếu nại về việc: {{ summary }}."),
            Line(f"Sau khi xem xét nội dung đơn khiếu nại{decided}, căn cứ quy định của pháp luật về khiếu nại, "
                 "{{ agency }} nhận thấy đơn khiếu nại của {{ petitioner }} đủ điều kiện thụ lý. Đơn được thụ lý "
                 "giải quyết từ ngày {{ accepted }}; thời hạn giải quyết đến ngày {{ due }}."),
            Line("Vậy thông báo để {{ petitioner }} được biết./."),
        ],
        recipients=["Như trên", "{%p if forwarder %}", "{{ forwarder }}", "{%p endif %}", "{{ inspectorate }}",
                    "Lưu: VT, hồ sơ"],
    )  # fmt: skip


def acceptance_notice(agency: Agency) -> Paper:
    """NĐ 124/2020 Mẫu 03: a complaint's acceptance is a notice to the complainant, copied to the body that forwarded
    it and to the inspectorate of the same level (Điều 16)."""
    return _acceptance(
        agency, subject="Về việc thụ lý giải quyết khiếu nại {{ round }}", identity=IDENTITY_2020,
        decided=" của {{ petitioner }}",
    )  # fmt: skip


def acceptance_notice_2026(agency: Agency) -> Paper:
    """NĐ 155/2026 Mẫu 03, from 01/07/2026: the round no longer in the title, the identity papers named anew; the
    same copies (NĐ 124/2020 Điều 16 still asks for the inspectorate's)."""
    return _acceptance(
        agency, subject="Về việc thụ lý giải quyết khiếu nại", identity=IDENTITY_2026, decided=""
    )  # fmt: skip


def acceptance_facts(petition: Petition) -> dict:
    case = petition.case
    forwarder = petition.forwarded_by.name if petition.forwarded_by else named(petition.forwarded_by_name)
    return header(petition.agency, code="TB", on=case.accepted_on) | petitioner_facts(petition) | {
        "round": ROUND.get(case.round, ""), "summary": case.summary, "accepted": day(case.accepted_on),
        "due": day(case.due_on), "forwarder": forwarder, "inspectorate": inspectorate_of(petition.agency),
    }  # fmt: skip


def denunciation_notice(agency: Agency) -> Paper:
    """NĐ 31/2019 Mẫu 05: no addressee; the denouncer is written in by hand, never printed."""
    return template(
        agency, kind="THÔNG BÁO", subject="Việc thụ lý tố cáo",
        body=[
            Line(f"{{{{ agency }}}} đã nhận được đơn tố cáo của {BLANK} {{{{ received }}}}, tố cáo hành vi vi phạm "
                 f"pháp luật của {BLANK}."),
            Line("Theo quy định của pháp luật, {{ agency }} thụ lý tố cáo từ ngày {{ accepted }} với nội dung: "
                 "{{ summary }}; thời hạn giải quyết tố cáo đến ngày {{ due }}."),
            Line(f"Vậy thông báo để {BLANK} biết và thực hiện quyền, nghĩa vụ của người tố cáo theo quy định của "
                 "pháp luật./."),
        ],
        recipients=["Người tố cáo", "Lưu: VT"],
    )  # fmt: skip


def denunciation_facts(petition: Petition) -> dict:
    case = petition.case
    return header(petition.agency, code="TB", on=case.accepted_on) | {
        "received": in_words(petition.received_on), "accepted": day(case.accepted_on), "summary": case.summary,
        "due": day(case.due_on),
    }  # fmt: skip


def _refusal(agency: Agency, *, identity: str, law: str) -> Paper:
    return template(
        agency, kind="THÔNG BÁO", subject="Về việc không thụ lý giải quyết khiếu nại", addressees=["{{ Petitioner }}"],
        body=[
            Line("{{ Received }}, {{ agency }} đã nhận được đơn khiếu nại của {{ petitioner }}:"),
            Line("Địa chỉ: {{ address }};"),
            Line(f"{identity}: {{{{ identity }}}}, ngày cấp {DOTS}, nơi cấp: {DOTS};"),
            Line("Khiếu nại về việc: {{ content }}"),
            Line(f"Sau khi xem xét nội dung đơn khiếu nại, căn cứ Điều 11 của {law}, {{{{ agency }}}} nhận thấy, đơn "
                 "khiếu nại của {{ petitioner }} không đủ điều kiện để thụ lý giải quyết vì lý do sau đây: "
                 "{{ reason }}."),
            Line("Vậy thông báo để {{ petitioner }} được biết./."),
        ],
        recipients=["Như trên", "{{ inspectorate }}", "Lưu: VT, hồ sơ"],
    )  # fmt: skip


def refusal_notice(agency: Agency) -> Paper:
    """NĐ 124/2020 Mẫu 04 with the reason recorded, copied to the inspectorate of the same level (Điều 16)."""
    return _refusal(agency, identity=IDENTITY_2020, law="Luật Khiếu nại ngày 11 tháng 11 năm 2011")


def refusal_notice_2026(agency: Agency) -> Paper:
    """NĐ 155/2026 Mẫu 04, from 01/07/2026: the Law cited without its date, the identity papers named anew."""
    return _refusal(agency, identity=IDENTITY_2026, law="Luật Khiếu nại")


def _reason(petition: Petition) -> str:
    return petition.get_unprocessable_reason_display() or petition.handling_note.strip().rstrip(".") or BLANK


def refusal_facts(petition: Petition) -> dict:
    facts = header(petition.agency, code="TB", on=petition.handled_on) | petitioner_facts(petition)
    return facts | {"reason": _reason(petition), "inspectorate": inspectorate_of(petition.agency)}


def denunciation_refusal(agency: Agency) -> Paper:
    """NĐ 31/2019 Mẫu 05, the branch of a denunciation not accepted: the reason stated; the denouncer written in by
    hand, never printed."""
    return template(
        agency, kind="THÔNG BÁO", subject="Về việc không thụ lý tố cáo",
        body=[
            Line(f"{{{{ agency }}}} đã nhận được đơn tố cáo của {BLANK} {{{{ received }}}}, tố cáo hành vi vi phạm "
                 f"pháp luật của {BLANK}."),
            Line("Theo quy định của pháp luật, {{ issuer }} không thụ lý tố cáo vì lý do: {{ reason }}."),
            Line(f"Vậy thông báo để {BLANK} biết và thực hiện quyền, nghĩa vụ của người tố cáo theo quy định của "
                 "pháp luật./."),
        ],
        recipients=["Người tố cáo", "Lưu: VT"],
    )  # fmt: skip


def denunciation_refusal_facts(petition: Petition) -> dict:
    facts = header(petition.agency, code="TB", on=petition.handled_on)
    return facts | {"received": in_words(petition.received_on), "reason": _reason(petition)}


def named(name: str) -> str:
    """A body's name as stored, or "" when the register that brought the petition did not name it."""
    return "" if name == UNNAMED_AGENCY else name
