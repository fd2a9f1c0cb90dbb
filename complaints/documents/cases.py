"""The documents of a case's resolution: a complaint's verification decision and report (NĐ 124/2020 Mẫu 05, 13),
the extension (NĐ 31/2019 Mẫu 01), the decisions resolving a complaint (NĐ 124/2020 Mẫu 15, 16), the conclusion on a
denunciation (NĐ 31/2019 Mẫu 12) and the notice of it to the denouncer. A denunciation's verification papers are
complaints.documents.denunciations'. Each is a template of the agency and the facts of a case that fill it: the
numbers, dates and orders recorded."""

from complaints.documents.facts import (
    BASES,
    BLANK,
    DOTS,
    NOUN,
    charter,
    day,
    header,
    in_words,
    inspectorate_of,
    legal_bases,
    opening,
    orders,
    petitioner_of,
    template,
)  # fmt: skip
from complaints.issuers import issuer_line
from complaints.models import ComplaintDialogue, Decision, Extension, Outcome, Verification
from complaints.paper import Line, Paper, Signer, Style
from danvan.models import Agency, Case, Classification

_DECIDES = Line("QUYẾT ĐỊNH:", Style.CENTRED)
# What a decision on the merits concludes of the complaint or denunciation.
_FINDING = {Outcome.FOUNDED: "là đúng", Outcome.UNFOUNDED: "là sai", Outcome.PARTLY_FOUNDED: "là đúng một phần"}


def _first_article(decision: Decision, matter: str, lead: str = "Kết luận nội dung") -> str:
    """Điều 1 of a decision on the merits: the conclusion, or what becomes of the first decision (lần hai)."""
    if decision.outcome == Outcome.UPHELD_FIRST:
        return "Công nhận và giữ nguyên nội dung quyết định giải quyết khiếu nại lần đầu."
    if decision.outcome == Outcome.OVERTURNED_FIRST:
        return f"Hủy bỏ, sửa đổi quyết định giải quyết khiếu nại lần đầu: {decision.summary or BLANK}."
    return f"{lead} {matter} {_FINDING[decision.outcome]}."


def verification_of(case: Case) -> Verification | None:
    return Verification.objects.filter(case=case).first()


def verification_decision(agency: Agency) -> Paper:
    """NĐ 124/2020 Mẫu 05 (a denunciation's team is set up on NĐ 31/2019 Mẫu 07)."""
    return template(
        agency, kind="QUYẾT ĐỊNH", subject="Về việc xác minh nội dung {{ noun }}", authority_line=issuer_line(agency),
        bases=[*BASES, charter(agency), f"Theo đề nghị của {BLANK}."],
        body=[
            _DECIDES,
            Line(f"Điều 1. Tiến hành xác minh nội dung {{{{ about }}}}. Thời gian xác minh là {BLANK} ngày."),
            Line("Điều 2. Giao {{ verifier }} xác minh, làm rõ nội dung {{ noun }} nêu tại Điều 1 Quyết định này; "
                 "người được giao nhiệm vụ xác minh thực hiện quyền, nghĩa vụ của người có trách nhiệm xác minh theo "
                 "quy định của pháp luật; báo cáo kết quả xác minh trước ngày {{ due }}."),
            Line(f"Điều 3. {BLANK}, {{{{ verifier }}}} và cơ quan, tổ chức, đơn vị, cá nhân có liên quan chịu trách "
                 "nhiệm thi hành Quyết định này./."),
        ],
        recipients=["Như Điều 3", "Lưu: VT, hồ sơ"],
    )  # fmt: skip


def about(case: Case) -> str:
    """What a case's decisions are about: the complainant's complaint, or the denunciation of whoever is denounced
    (written by hand: a denunciation's documents never name the denouncer)."""
    if case.kind == Classification.DENUNCIATION:
        return f"tố cáo đối với {BLANK} về việc: {case.summary}"
    return f"khiếu nại của {petitioner_of(case).addressed} về việc: {case.summary}"


def verification_facts(case: Case) -> dict:
    verification = verification_of(case)
    facts = header(
        case.agency, recorded=verification.number if verification else "", code="QĐ",
        on=verification.started_on if verification else None,
    )  # fmt: skip
    return facts | legal_bases(case.kind, verification.started_on if verification else None) | {
        "noun": NOUN[case.kind], "about": about(case),
        "verifier": verification.verifier if verification else BLANK, "due": day(case.due_on),
    }  # fmt: skip


def verification_report(agency: Agency) -> Paper:
    """NĐ 124/2020 Mẫu 13: the verifier reports to the head who assigned it (a denunciation's: NĐ 31/2019 Mẫu 10,
    11)."""
    return template(
        agency, kind="BÁO CÁO", subject="Kết quả xác minh nội dung {{ noun }}", addressees=["{{ issuer }}"],
        body=[
            Line("Thực hiện Quyết định số {{ assignment }} {{ assigned }} của {{ issuer }} về việc xác minh nội dung "
                 "{{ about }}; đến {{ reported }}, {{ verifier }} đã tiến hành xác minh. Căn cứ vào thông tin, tài "
                 "liệu, bằng chứng thu thập được trong quá trình xác minh, kết quả làm việc với các cơ quan, tổ chức, "
                 "đơn vị, cá nhân có liên quan, {{ verifier }} báo cáo kết quả xác minh như sau:"),
            Line(f"1. Yêu cầu của người {{{{ noun }}}}, căn cứ và kết quả giải quyết trước đó (nếu có): {BLANK}"),
            Line("2. Kết quả xác minh đối với từng nội dung được giao xác minh: {{ findings }}"),
            Line("3. Kết luận nội dung được giao xác minh là đúng toàn bộ, sai toàn bộ hoặc đúng một phần: "
                 "{{ differs }}"),
            Line(f"4. Kiến nghị về việc giải quyết: {BLANK}"),
            Line("Trên đây là báo cáo kết quả xác minh nội dung {{ noun }}, kính trình {{ issuer }} xem xét, cho ý "
                 "kiến chỉ đạo./."),
        ],
        signer=Signer(title="NGƯỜI ĐƯỢC GIAO NHIỆM VỤ XÁC MINH", name="{{ verifier }}"),
        recipients=["Như trên", "Lưu: hồ sơ"],
    )  # fmt: skip


def verification_report_facts(case: Case) -> dict:
    verification = verification_of(case)
    facts = header(case.agency, code="BC", on=verification.reported_on)
    differs = "kết quả xác minh khác với yêu cầu của người khiếu nại" if verification.differs_from_claim else BLANK
    return facts | {
        "noun": NOUN[case.kind], "about": about(case), "assignment": verification.number or BLANK,
        "assigned": in_words(verification.started_on), "reported": in_words(verification.reported_on),
        "verifier": verification.verifier, "findings": verification.findings or BLANK, "differs": differs,
    }  # fmt: skip


def extension_decision(agency: Agency) -> Paper:
    """NĐ 31/2019 Mẫu 01."""
    return template(
        agency, kind="QUYẾT ĐỊNH", subject="Gia hạn giải quyết tố cáo", authority_line=issuer_line(agency),
        bases=[
            *BASES,
            "Căn cứ hồ sơ vụ việc thụ lý {{ accepted }}: {{ summary }};",
            f"Xét tính chất phức tạp của vụ việc {BLANK}.",
        ],
        body=[
            _DECIDES,
            Line("Điều 1. Gia hạn giải quyết tố cáo đối với vụ việc nêu trên thêm {{ days }} ngày; thời hạn giải "
                 "quyết đến ngày {{ due }}."),
            Line("Điều 2. Quyết định này có hiệu lực kể từ ngày ký."),
            Line(f"Điều 3. {BLANK} và các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết "
                 "định này./."),
        ],
        recipients=["Như Điều 3", "Người tố cáo, người bị tố cáo", "Lưu: VT, hồ sơ"],
    )  # fmt: skip


def extension_facts(case: Case) -> dict:
    """The latest extension as recorded, its number and date."""
    extension: Extension = case.extensions.last()
    facts = header(case.agency, recorded=extension.number, code="QĐ", on=extension.decided_on)
    return facts | legal_bases(Classification.DENUNCIATION, extension.decided_on) | {
        "accepted": in_words(case.accepted_on), "summary": case.summary, "days": extension.days,
        "due": day(extension.new_due_on),
    }  # fmt: skip


def _resolution(agency: Agency, *, round_: str, sections: list[Line], appeal: str, recipients: list[str]) -> Paper:
    """A decision resolving a complaint (NĐ 124/2020 Mẫu 15, 16): the report it rests on, its ``sections`` (I …),
    then its four articles, the third saying where the complainant may turn next (``appeal``)."""
    return template(
        agency, kind="QUYẾT ĐỊNH", subject=f"Về việc giải quyết khiếu nại của {{{{ petitioner }}}} ({round_})",
        authority_line=issuer_line(agency),
        bases=[
            *BASES, charter(agency),
            "Xét đơn khiếu nại {{ received }} của {{ petitioner }} (địa chỉ: {{ address }}).",
        ],
        body=[
            Line("Theo báo cáo của {{ verifier }} tại Văn bản số " + BLANK + " {{ reported }} về việc giải quyết khiếu "
                 "nại của {{ petitioner }} với các nội dung sau đây:"),
            *sections,
            Line("Từ những nhận định và căn cứ trên,"),
            _DECIDES,
            Line("Điều 1. {{ article_1 }}"),
            Line("Điều 2. {{ orders }}"),
            Line("Điều 3. Trong thời hạn {{ days }} ngày, kể từ ngày nhận được Quyết định này, nếu {{ petitioner }} "
                 f"không đồng ý với giải quyết khiếu nại của {{{{ issuer }}}} thì {{{{ petitioner }}}} có quyền "
                 f"{appeal} theo quy định của pháp luật về tố tụng hành chính."),
            Line(f"Điều 4. Các ông (bà) {BLANK} và {{{{ petitioner }}}} chịu trách nhiệm thi hành Quyết định này./."),
        ],
        recipients=recipients,
    )  # fmt: skip


def complaint_decision(agency: Agency) -> Paper:
    """NĐ 124/2020 Mẫu 15 (lần đầu): the dialogue's section when one was held; the complainant may complain again to
    the authority above or go to court."""
    return _resolution(
        agency, round_="lần đầu",
        sections=[
            Line("I. Nội dung khiếu nại: {{ summary }}"),
            Line("II. Kết quả xác minh nội dung khiếu nại: {{ findings }}"),
            Line("{%p if dialogue %}"),
            Line("III. Kết quả đối thoại: {{ dialogue }}"),
            Line("{%p endif %}"),
            Line("{{ 'IV' if dialogue else 'III' }}. Kết luận: {{ conclusion }}"),
        ],
        appeal="khiếu nại đến {{ higher }} hoặc khởi kiện {{ issuer }} tại Tòa án",
        recipients=["Như Điều 4", f"{BLANK} (thủ trưởng cấp trên trực tiếp)", "{{ inspectorate }}", "Lưu: VT, hồ sơ"],
    )  # fmt: skip


def second_decision(agency: Agency) -> Paper:
    """NĐ 124/2020 Mẫu 16 (lần hai): the first decision's result, then the verification and the dialogue (which a
    second round always holds); only a court action remains."""
    return _resolution(
        agency, round_="lần hai",
        sections=[
            Line("I. Nội dung khiếu nại: {{ summary }}"),
            Line(f"II. Kết quả giải quyết khiếu nại của người đã giải quyết khiếu nại lần đầu: {BLANK}"),
            Line("III. Kết quả xác minh nội dung khiếu nại: {{ findings }}"),
            Line("IV. Kết quả đối thoại: {{ dialogue or '" + BLANK + "' }}"),
            Line("V. Kết luận: {{ conclusion }}"),
        ],
        appeal="khởi kiện {{ issuer }} tại Tòa án",
        recipients=["Như Điều 4", "{{ inspectorate }}", "Lưu: VT, hồ sơ"],
    )  # fmt: skip


def _higher_authority(agency: Agency) -> str:
    """Who hears the second complaint: the chair of the committee above a committee (Luật Khiếu nại, Điều 18, 21)."""
    if agency.kind == Agency.Kind.COMMITTEE and agency.unit.parent is not None:
        return f"Chủ tịch Ủy ban nhân dân {agency.unit.parent.name_in_sentence}"
    return BLANK


def _days_to_appeal(case: Case) -> str:
    """The days a first decision leaves to complain again (Luật Khiếu nại, Điều 33: 30, 45 in remote areas); a second
    decision's form leaves its own blank."""
    if case.round == Case.Round.SECOND:
        return DOTS
    return "45" if case.agency.unit.remote_area else "30"


def complaint_decision_facts(case: Case) -> dict:
    decision: Decision = case.decision
    who = petitioner_of(case)
    petition = case.petitions.order_by("received_on", "pk").first()
    verification = verification_of(case)
    dialogue = ComplaintDialogue.objects.filter(case=case).first()
    facts = header(case.agency, recorded=decision.number, code="QĐ", on=decision.issued_on)
    return facts | legal_bases(case.kind, decision.issued_on) | {
        "petitioner": who.addressed, "address": who.address,
        "received": in_words(petition.received_on if petition else None), "summary": case.summary,
        "verifier": verification.verifier if verification else BLANK,
        "reported": in_words(verification.reported_on if verification else None),
        "findings": (verification.findings if verification else "") or BLANK,
        "dialogue": dialogue.minutes if dialogue else "", "conclusion": decision.summary or BLANK,
        "article_1": _first_article(decision, f"khiếu nại của {who.addressed}"),
        "orders": " ".join(orders(decision)) or BLANK, "days": _days_to_appeal(case),
        "higher": _higher_authority(case.agency),
        "inspectorate": inspectorate_of(case.agency),
    }  # fmt: skip


def _concluded(decision: Decision) -> str:
    """What a denunciation's conclusion found, in a sentence, and its summary as recorded."""
    return f"{_first_article(decision, 'tố cáo', lead='Nội dung')} {decision.summary}".strip()


def conclusion(agency: Agency) -> Paper:
    """NĐ 31/2019 Mẫu 12: no addressee, no Căn cứ; the denouncer is never named."""
    return template(
        agency, kind="KẾT LUẬN NỘI DUNG TỐ CÁO", subject=f"Đối với {BLANK}",
        body=[
            Line("{{ Accepted }}, {{ agency }} đã thụ lý tố cáo về việc: {{ summary }}."),
            Line("Căn cứ nội dung tố cáo, giải trình của người bị tố cáo, kết quả xác minh nội dung tố cáo, các tài "
                 "liệu, chứng cứ có liên quan và đối chiếu với các quy định của pháp luật, {{ issuer }} kết luận nội "
                 "dung tố cáo như sau:"),
            Line("1. Kết quả xác minh nội dung tố cáo: {{ findings }}"),
            Line(f"2. Căn cứ pháp luật để xác định có hay không có hành vi vi phạm pháp luật: {BLANK}"),
            Line("3. Kết luận: {{ conclusion }}"),
            Line("4. Các biện pháp xử lý theo thẩm quyền cần thực hiện và kiến nghị: {{ orders }}"),
        ],
        recipients=["{{ inspectorate }}", "Người bị tố cáo", "Lưu: VT, hồ sơ"],
    )  # fmt: skip


def conclusion_facts(case: Case) -> dict:
    decision: Decision = case.decision
    verification = verification_of(case)
    facts = header(case.agency, recorded=decision.number, code="KL", on=decision.issued_on)
    return facts | {
        "Accepted": opening(in_words(case.accepted_on)), "summary": case.summary,
        "findings": (verification.findings if verification else "") or BLANK,
        "conclusion": _concluded(decision), "orders": " ".join(orders(decision)) or BLANK,
        "inspectorate": inspectorate_of(case.agency),
    }  # fmt: skip


def conclusion_notice(agency: Agency) -> Paper:
    """Luật Tố cáo, Điều 35 khoản 3: the denouncer is told of the conclusion, not sent it. No annex shapes this
    notice: it follows NĐ 31/2019 Mẫu 05, the notice to the denouncer, and gives the conclusion in summary."""
    return template(
        agency, kind="THÔNG BÁO", subject="Kết quả giải quyết tố cáo", addressees=[BLANK],
        body=[
            Line("{{ Accepted }}, {{ agency }} đã thụ lý tố cáo về việc: {{ summary }}."),
            Line("{{ Concluded }}, {{ issuer }} đã ban hành Kết luận nội dung tố cáo số {{ conclusion_number }}, "
                 "kết luận: {{ conclusion }}"),
            Line(f"Vậy thông báo để {BLANK} được biết./."),
        ],
        recipients=["Như trên", "Lưu: VT, hồ sơ"],
    )  # fmt: skip


def conclusion_notice_facts(case: Case) -> dict:
    """The notice's own number and date are not recorded: blank for the clerk, dots."""
    decision: Decision = case.decision
    return header(case.agency, code="TB", on=None) | {
        "Accepted": opening(in_words(case.accepted_on)), "summary": case.summary,
        "Concluded": opening(in_words(decision.issued_on)), "conclusion_number": decision.number,
        "conclusion": _concluded(decision),
    }  # fmt: skip
