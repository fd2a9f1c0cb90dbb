"""A complainant's own papers, which the officer writes down or hands over when the complaint is made at the desk or
online: the complaint (đơn khiếu nại; NĐ 124/2020 Điều 3 khoản 2, an oral complaint is written on this form) and the
authorisation to complain on one's behalf (giấy ủy quyền khiếu nại, Điều 5), on the forms of NĐ 124/2020 Mẫu 01, 02
and, from 01/07/2026, of NĐ 155/2026 Mẫu 01, 02. No issuing body, no number: the citizen signs."""

from complaints.documents.facts import (
    BLANK,
    DOTS,
    IDENTITY_2020,
    IDENTITY_2026,
    citizen_paper,
    header,
    in_words,
    person,
)
from complaints.models import Petition
from complaints.paper import Line, Paper
from danvan.models import Agency

_ATTACHED = "Tài liệu, chứng cứ kèm theo (nếu có): {{ attachments }}"


def complaint_2020(agency: Agency) -> Paper:
    """NĐ 124/2020 Mẫu 01."""
    return citizen_paper(
        agency, kind="ĐƠN KHIẾU NẠI", addressees=["{{ issuer }}"],
        body=[
            Line("Họ và tên người khiếu nại: {{ name }};"),
            Line("Địa chỉ: {{ address }};"),
            Line(f"{IDENTITY_2020}: {{{{ identity }}}}, ngày cấp {DOTS}, nơi cấp: {DOTS}."),
            Line(f"Tên của cơ quan, tổ chức, cá nhân bị khiếu nại: {BLANK};"),
            Line(f"Địa chỉ: {BLANK};"),
            Line(f"Khiếu nại về việc: {BLANK};"),
            Line("Nội dung khiếu nại: {{ content }}"),
            Line(_ATTACHED),
        ],
        signatures=[("", ""), ("Người khiếu nại", "(Chữ ký hoặc điểm chỉ)", "{{ name }}")],
    )  # fmt: skip


def complaint_2026(agency: Agency) -> Paper:
    """NĐ 155/2026 Mẫu 01, in numbered sections with the person authorised, if any. The transcription the spec read
    shows no address line; the Law still asks for the complainant's address, so it is kept."""
    return citizen_paper(
        agency, kind="ĐƠN KHIẾU NẠI", addressees=["{{ issuer }}"],
        body=[
            Line("1. Thông tin người khiếu nại:"),
            Line("- Họ và tên: {{ name }};"),
            Line(f"- {IDENTITY_2026}: {{{{ identity }}}}, ngày cấp {DOTS}, nơi cấp {DOTS};"),
            Line("- Địa chỉ: {{ address }}."),
            Line("2. Thông tin người được ủy quyền khiếu nại (nếu có):"),
            Line(f"- Họ và tên: {BLANK};"),
            Line(f"- {IDENTITY_2026}: {BLANK}, ngày cấp {DOTS}, nơi cấp {DOTS}."),
            Line(f"3. Tên cơ quan, tổ chức, cá nhân bị khiếu nại: {BLANK}"),
            Line(f"4. Khiếu nại về việc: {BLANK}"),
            Line("5. Nội dung khiếu nại: {{ content }}"),
            Line(_ATTACHED),
        ],
        signatures=[("", ""), ("Người khiếu nại", "(Ký hoặc điểm chỉ)", "{{ name }}")],
    )  # fmt: skip


def _authorisation(identity: str, signatures: list[tuple[str, ...]], agency: Agency) -> Paper:
    return citizen_paper(
        agency, kind="GIẤY ỦY QUYỀN KHIẾU NẠI",
        body=[
            Line("Họ và tên người khiếu nại: {{ name }};"),
            Line("Địa chỉ: {{ address }};"),
            Line(f"{identity}: {{{{ identity }}}}, ngày cấp {DOTS}, nơi cấp: {DOTS}."),
            Line(f"Họ và tên người được ủy quyền khiếu nại: {BLANK};"),
            Line(f"Địa chỉ: {BLANK};"),
            Line(f"{identity}: {BLANK}, ngày cấp {DOTS}, nơi cấp: {DOTS}."),
            Line(f"Nội dung ủy quyền khiếu nại: {BLANK}"),
            Line("(Trong quá trình thực hiện việc khiếu nại, người được ủy quyền có trách nhiệm thực hiện đúng nội "
                 "dung ủy quyền)."),
        ],
        signatures=signatures,
    )  # fmt: skip


def authorisation_2020(agency: Agency) -> Paper:
    """NĐ 124/2020 Mẫu 02: certified by the commune's People's Committee or a notary."""
    return _authorisation(
        IDENTITY_2020,
        [
            ("Người được ủy quyền", "(Chữ ký hoặc điểm chỉ)"),
            ("Người ủy quyền", "(Chữ ký hoặc điểm chỉ)", "{{ name }}"),
            ("Xác nhận của cơ quan, tổ chức có thẩm quyền", "(Chức danh, chữ ký, dấu)"),
        ],
        agency,
    )


def authorisation_2026(agency: Agency) -> Paper:
    """NĐ 155/2026 Mẫu 02: a person's authorisation notarised or certified (Điều 5 khoản 3 as amended), an
    organisation's signed by whoever may sign for it, under its seal."""
    return _authorisation(
        IDENTITY_2026,
        [
            ("Người được ủy quyền", "(Ký hoặc điểm chỉ)"),
            (
                "Người ủy quyền",
                "(Ký hoặc điểm chỉ/Trường hợp ủy quyền của tổ chức phải do người có thẩm quyền của tổ chức ký và đóng "
                "dấu (nếu có))",
                "{{ name }}",
            ),
            ("Lời chứng công chứng/chứng thực", ""),
        ],
        agency,
    )


def complainant_facts(petition: Petition) -> dict:
    """The complainant as recorded (dots for what is not), the day the complaint was received (the paper's date), what
    it says, the papers handed in with it."""
    who = person(petition.person)
    attachments = "; ".join(petition.attachments.values_list("name", flat=True))
    return header(petition.agency, on=petition.received_on) | {
        "name": who.name, "address": who.address, "identity": who.identity, "content": petition.content,
        "attachments": attachments or BLANK,
    }  # fmt: skip


def authorisation_facts(petition: Petition) -> dict:
    """As the complaint, but undated: the complainant dates the authorisation when signing it."""
    return complainant_facts(petition) | {"date": in_words(None)}
