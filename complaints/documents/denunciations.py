"""The papers of a denunciation's acceptance and verification on the forms of NĐ 31/2019/NĐ-CP: the decision to
accept it (Mẫu 04) and the notice to the person denounced (Mẫu 06); the decision setting up the verification team
(Mẫu 07), the team's minutes (Mẫu 08), the request for an expert examination (Mẫu 09), the team's report (Mẫu 10) and
the verifying body's (Mẫu 11). None names the denouncer (Luật Tố cáo, Điều 47, 56), nor the person denounced, whom
the record does not hold: both are written in by hand."""

from dataclasses import replace

from complaints.deadlines import resolution_deadline, resolution_rule
from complaints.documents.cases import verification_of
from complaints.documents.facts import (
    BASES,
    BLANK,
    DOTS,
    charter,
    day,
    header,
    in_words,
    legal_bases,
    template,
)  # fmt: skip
from complaints.documents.pauses import latest_examination
from complaints.issuers import issuer_line
from complaints.models import Petition
from complaints.paper import Line, Paper, Signer, Style
from danvan.models import Agency, Case, Classification

_DECIDES = Line("QUYẾT ĐỊNH:", Style.CENTRED)
_TEAM = "Đoàn (Tổ) xác minh nội dung tố cáo"
_FINDINGS = [
    Line("1. Kết quả xác minh: {{ findings }}"),
    Line(f"2. Nhận xét, đánh giá: {BLANK}"),
    Line(f"3. Kiến nghị: {BLANK}"),
]


def _of_the_team(paper: Paper, agency: Agency) -> Paper:
    """A paper of the verification team: the team under the body that set it up, in the header (Mẫu 08, 10)."""
    return replace(paper, parent=agency.name, agency=_TEAM)


def acceptance_decision(agency: Agency) -> Paper:
    """Mẫu 04: the accepted content and the period of resolution recorded."""
    return template(
        agency, kind="QUYẾT ĐỊNH", subject="Thụ lý tố cáo", authority_line=issuer_line(agency),
        bases=["Căn cứ Điều 29 của Luật Tố cáo ngày 12 tháng 6 năm 2018;", *BASES[1:], charter(agency),
               f"Xét đề nghị của {BLANK},"],
        body=[
            _DECIDES,
            Line(f"Điều 1. Thụ lý tố cáo đối với: {BLANK} {{{{ received }}}}."),
            Line("Nội dung tố cáo được thụ lý: {{ summary }}."),
            Line("Thời hạn giải quyết tố cáo là {{ period }} ngày, kể từ ngày {{ accepted }} (đến ngày {{ due }})."),
            Line(f"Điều 2. Các ông (bà) {DOTS}, {DOTS} và cơ quan, tổ chức, đơn vị, cá nhân có liên quan chịu trách "
                 "nhiệm thi hành Quyết định này./."),
        ],
        recipients=["Như Điều 2", "Lưu: VT, hồ sơ"],
    )  # fmt: skip


def denounced_notice(agency: Agency) -> Paper:
    """Mẫu 06, to the person denounced (TT 05/2021/TT-TTCP Điều 14 khoản 3, điểm a): what was accepted and by when it
    is resolved; never who denounced."""
    return template(
        agency, kind="THÔNG BÁO", subject="Về nội dung tố cáo",
        body=[
            Line(f"{{{{ agency }}}} đã nhận được đơn tố cáo về hành vi vi phạm pháp luật của {BLANK}."),
            Line("Theo quy định của pháp luật, {{ issuer }} đã thụ lý tố cáo từ ngày {{ accepted }} với nội dung: "
                 "{{ summary }}; thời hạn giải quyết tố cáo đến ngày {{ due }}."),
            Line(f"Vậy thông báo để {BLANK} biết và thực hiện quyền, nghĩa vụ của người bị tố cáo theo quy định của "
                 "pháp luật./."),
        ],
        recipients=["Người bị tố cáo", "Lưu: VT"],
    )  # fmt: skip


def acceptance_facts(petition: Petition) -> dict:
    """The acceptance as recorded, and the period of resolution its rule set that day (before any extension or
    suspension moved the deadline); the decision's own number is left for the clerk."""
    case = petition.case
    facts = header(petition.agency, code="QĐ", on=case.accepted_on) | legal_bases(case.kind, case.accepted_on)
    return facts | {
        "received": in_words(petition.received_on), "summary": case.summary, "accepted": day(case.accepted_on),
        "period": resolution_rule(case).days, "due": day(resolution_deadline(case)),
    }  # fmt: skip


def team_decision(agency: Agency) -> Paper:
    """Mẫu 07: a team of at least two, one its leader (Điều 10 khoản 1); the members written in."""
    return template(
        agency, kind="QUYẾT ĐỊNH", subject=f"Thành lập {_TEAM}", authority_line=issuer_line(agency),
        bases=[*BASES, charter(agency), f"Căn cứ {BLANK};", f"Xét đề nghị của {BLANK},"],
        body=[
            _DECIDES,
            Line(f"Điều 1. Thành lập {_TEAM} ({{{{ verifier }}}}), gồm:"),
            Line(f"1. Ông (bà) {DOTS} chức vụ {DOTS} - Trưởng đoàn (Tổ trưởng);"),
            Line(f"2. Ông (bà) {DOTS} chức vụ {DOTS} - Thành viên."),
            Line(f"Điều 2. Đoàn (Tổ) xác minh có nhiệm vụ kiểm tra, xác minh nội dung tố cáo đối với {BLANK} về việc: "
                 f"{{{{ summary }}}}. Thời gian tiến hành xác minh là {DOTS} ngày, kể từ ngày ký Quyết định này."),
            Line("Đoàn (Tổ) xác minh thực hiện các quyền, nghĩa vụ, trách nhiệm quy định tại các điểm a, b, c, d khoản "
                 "1 và điểm a, b, c khoản 2 Điều 11 của Luật Tố cáo."),
            Line(f"Điều 3. Các ông (bà) {DOTS}, {DOTS}, cơ quan, tổ chức, đơn vị, cá nhân có liên quan và các ông (bà) "
                 "có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./."),
        ],
        recipients=["Như Điều 3", "Lưu: VT, hồ sơ"],
    )  # fmt: skip


def team_minutes(agency: Agency) -> Paper:
    """Mẫu 08: the minutes' name, whom the team met and what was said written in; a team member signs every page."""
    paper = template(
        agency, has_number=False, kind="BIÊN BẢN", subject=BLANK,
        body=[
            Line(f"Vào hồi {DOTS} giờ {DOTS} ngày {DOTS} tháng {DOTS} năm {DOTS}, tại {BLANK}"),
            Line("Đoàn (Tổ) xác minh tố cáo được thành lập theo Quyết định số {{ assignment }} {{ assigned }} của "
                 "{{ issuer }}, gồm:"),
            Line(f"1. Ông (bà) {DOTS} chức vụ {DOTS};"),
            Line(f"2. Ông (bà) {DOTS} chức vụ {DOTS}."),
            Line(f"Tiến hành làm việc với: {BLANK}"),
            Line(f"Nội dung làm việc: {BLANK}"),
            Line(f"Buổi làm việc kết thúc hồi {DOTS} giờ {DOTS} phút cùng ngày (hoặc ngày {DOTS})."),
            Line("Biên bản này đã được đọc cho những người cùng làm việc nghe và xác nhận dưới đây."),
            Line(f"Biên bản được lập thành {DOTS} bản và giao cho {BLANK}./."),
        ],
        signatures=[
            ("Những người cùng làm việc", "(Chữ ký hoặc điểm chỉ)"),
            ("Đoàn (Tổ) xác minh", "(Từng thành viên làm việc ký)"),
        ],
    )  # fmt: skip
    return _of_the_team(paper, agency)


def examination_request(agency: Agency) -> Paper:
    """Mẫu 09, a letter to the expert body, under the number and date of the examination recorded on the case (its
    time does not count towards the deadline: Điều 15 khoản 4)."""
    return template(
        agency, kind="", letter_subject="V/v trưng cầu giám định", addressees=[BLANK],
        body=[
            Line("Để có cơ sở cho việc kết luận nội dung tố cáo bảo đảm chính xác, khách quan, {{ agency }} trưng cầu "
                 "giám định các thông tin, tài liệu, bằng chứng sau đây: {{ matter }}"),
            Line(f"Vậy đề nghị {BLANK} tiến hành giám định và gửi kết quả cho {{{{ agency }}}} trước ngày {DOTS} tháng "
                 f"{DOTS} năm {DOTS}."),
            Line(f"{{{{ agency }}}} cử ông (bà) {BLANK} là thành viên Đoàn (Tổ) xác minh tố cáo trực tiếp bàn giao các "
                 "tài liệu, bằng chứng và nhận kết quả giám định./."),
        ],
        recipients=["Như trên", "Người giải quyết tố cáo", "Lưu: VT, hồ sơ"],
    )  # fmt: skip


def examination_facts(case: Case) -> dict:
    examination = latest_examination(case)
    facts = header(case.agency, recorded=examination.number, on=examination.suspended_on)
    return facts | {"matter": examination.reason.strip() or BLANK}


def team_report(agency: Agency) -> Paper:
    """Mẫu 10: no number; the team leader signs every page."""
    paper = template(
        agency, has_number=False, kind="BÁO CÁO", subject="Kết quả xác minh nội dung tố cáo",
        addressees=["{{ issuer }}"],
        body=[
            Line("Thực hiện Quyết định số {{ assignment }} {{ assigned }} của {{ issuer }};"),
            Line(f"Từ ngày {{{{ started }}}} đến ngày {{{{ reported }}}}, Đoàn (Tổ) xác minh đã tiến hành xác minh nội "
                 f"dung tố cáo đối với: {BLANK} về việc: {{{{ summary }}}}."),
            Line("Đoàn (Tổ) xác minh nội dung tố cáo báo cáo kết quả xác minh nội dung tố cáo, như sau:"),
            *_FINDINGS,
            Line("Trên đây là báo cáo kết quả xác minh nội dung tố cáo, đề nghị {{ issuer }} xem xét, chỉ đạo./."),
        ],
        signer=Signer(title="Trưởng đoàn (Tổ trưởng) xác minh"),
        recipients=["Như trên", "Lưu: VT, hồ sơ"],
    )  # fmt: skip
    return _of_the_team(paper, agency)


def body_report(agency: Agency) -> Paper:
    """Mẫu 11: the body given the verification reports to the resolver, on its team's report."""
    return template(
        agency, kind="BÁO CÁO", subject="Kết quả xác minh nội dung tố cáo", addressees=["{{ issuer }}"],
        body=[
            Line("Thực hiện nhiệm vụ được giao xác minh nội dung tố cáo tại Quyết định số {{ assignment }} "
                 f"{{{{ assigned }}}}, {{{{ verifier }}}} đã thành lập Đoàn (Tổ) xác minh nội dung tố cáo đối với: "
                 f"{BLANK} về việc: {{{{ summary }}}}."),
            Line("Căn cứ Báo cáo của Đoàn (Tổ) xác minh về kết quả xác minh nội dung tố cáo và các thông tin, tài "
                 "liệu, bằng chứng có liên quan, {{ verifier }} báo cáo {{ issuer }} như sau:"),
            *_FINDINGS,
            Line("Trên đây là báo cáo kết quả xác minh nội dung tố cáo, đề nghị {{ issuer }} xem xét, kết luận./."),
        ],
        signer=Signer(title="Thủ trưởng cơ quan được giao xác minh"),
        recipients=["Như trên", "Lưu: VT, hồ sơ"],
    )  # fmt: skip


def _verified(case: Case) -> dict:
    """The verification as recorded: its decision (number, date), the verifier, what it found; the Căn cứ lines of
    its date."""
    verification = verification_of(case)
    return legal_bases(Classification.DENUNCIATION, verification.started_on) | {
        "summary": case.summary, "verifier": verification.verifier or BLANK,
        "assignment": verification.number or BLANK, "assigned": in_words(verification.started_on),
        "started": day(verification.started_on), "reported": day(verification.reported_on),
        "findings": verification.findings or BLANK,
    }  # fmt: skip


def team_decision_facts(case: Case) -> dict:
    """Under the number and date of the verification's decision."""
    verification = verification_of(case)
    return header(case.agency, recorded=verification.number, code="QĐ", on=verification.started_on) | _verified(case)


def team_minutes_facts(case: Case) -> dict:
    """Minutes made while verifying, dated by hand."""
    return header(case.agency, on=None) | _verified(case)


def report_facts(case: Case) -> dict:
    """A report dated the day the verification reported; its number (Mẫu 11) left for the clerk."""
    return header(case.agency, code="BC", on=verification_of(case).reported_on) | _verified(case)
