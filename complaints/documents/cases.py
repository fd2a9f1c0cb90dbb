"""The documents of a case's resolution: the verification decision (NĐ 124/2020 Mẫu 05; NĐ 31/2019 Mẫu 07), the
extension (NĐ 31/2019 Mẫu 01), the decision resolving a complaint (NĐ 124/2020 Mẫu 15, 16) or the conclusion on a
denunciation (NĐ 31/2019 Mẫu 12), with the numbers, dates and orders recorded."""

from complaints.documents.facts import (
    BLANK,
    DECREE,
    LAW,
    NOUN,
    ROUND,
    bases,
    day,
    head,
    in_words,
    inspectorate_of,
    opening,
    orders,
    person,
)  # fmt: skip
from complaints.issuers import issuer_line
from complaints.models import ComplaintDialogue, Decision, Extension, Outcome, Verification
from complaints.paper import Line, Paper, Style
from danvan.models import Agency, Case, Classification

_ROMAN = ("I", "II", "III", "IV")
_DECIDES = Line("QUYẾT ĐỊNH:", Style.CENTRED)
# What a decision on the merits concludes of the complaint or denunciation.
_FINDING = {Outcome.FOUNDED: "là đúng", Outcome.UNFOUNDED: "là sai", Outcome.PARTLY_FOUNDED: "là đúng một phần"}


def _first_article(decision: Decision, matter: str) -> str:
    """Điều 1 of a decision: the conclusion on the merits, what becomes of the first decision (lần hai), or the
    end of the resolution (withdrawn, terminated)."""
    if decision.outcome in _FINDING:
        return f"Kết luận nội dung {matter} {_FINDING[decision.outcome]}."
    if decision.outcome == Outcome.UPHELD_FIRST:
        return "Công nhận và giữ nguyên nội dung quyết định giải quyết khiếu nại lần đầu."
    if decision.outcome == Outcome.OVERTURNED_FIRST:
        return f"Hủy bỏ, sửa đổi quyết định giải quyết khiếu nại lần đầu: {decision.summary or BLANK}."
    reason = "người khiếu nại rút đơn" if decision.outcome == Outcome.WITHDRAWN else decision.summary or BLANK
    return f"Đình chỉ việc giải quyết {matter}. Lý do: {reason}."


def _petition_of(case: Case):
    return case.petitions.order_by("received_on", "pk").first()


def _verification(case: Case) -> Verification | None:
    return Verification.objects.filter(case=case).first()


def verification_decision(case: Case) -> Paper:
    noun = NOUN[case.kind]
    verification = _verification(case)
    verifier = verification.verifier if verification else BLANK
    if case.kind == Classification.DENUNCIATION:
        about = f"tố cáo đối với {BLANK} về việc: {case.summary}"
    else:
        about = f"khiếu nại của {person(case.citizen).addressed} về việc: {case.summary}"
    document = head(
        case.agency, recorded=verification.number if verification else "", code="QĐ",
        on=verification.started_on if verification else None,
    )  # fmt: skip
    return document.paper(
        kind="QUYẾT ĐỊNH", subject=f"Về việc xác minh nội dung {noun}", authority_line=issuer_line(case.agency),
        bases=[*bases(case.kind, case.agency), f"Theo đề nghị của {BLANK}."],
        body=[
            _DECIDES,
            Line(f"Điều 1. Tiến hành xác minh nội dung {about}. Thời gian xác minh là {BLANK} ngày."),
            Line(f"Điều 2. Giao {verifier} xác minh, làm rõ nội dung {noun} nêu tại Điều 1 Quyết định này; người "
                 "được giao nhiệm vụ xác minh thực hiện quyền, nghĩa vụ của người có trách nhiệm xác minh theo quy "
                 f"định của pháp luật; báo cáo kết quả xác minh trước ngày {day(case.due_on)}."),
            Line(f"Điều 3. {BLANK}, {verifier} và cơ quan, tổ chức, đơn vị, cá nhân có liên quan chịu trách nhiệm thi "
                 "hành Quyết định này./."),
        ],
        recipients=["Như Điều 3", "Lưu: VT, hồ sơ"],
    )  # fmt: skip


def extension_decision(extension: Extension) -> Paper:
    """NĐ 31/2019 Mẫu 01: the extension as recorded, its number and date."""
    case = extension.case
    document = head(case.agency, recorded=extension.number, code="QĐ", on=extension.decided_on)
    return document.paper(
        kind="QUYẾT ĐỊNH", subject=f"Gia hạn giải quyết {NOUN[case.kind]}", authority_line=issuer_line(case.agency),
        bases=[
            "Căn cứ Điều 30 Luật Tố cáo ngày 12 tháng 6 năm 2018;",
            DECREE[Classification.DENUNCIATION].replace("Căn cứ Nghị định", "Căn cứ Điều 3 Nghị định", 1),
            f"Căn cứ hồ sơ vụ việc thụ lý {in_words(case.accepted_on)}: {case.summary};",
            f"Xét tính chất phức tạp của vụ việc {BLANK}.",
        ],
        body=[
            _DECIDES,
            Line(f"Điều 1. Gia hạn giải quyết {NOUN[case.kind]} đối với vụ việc nêu trên thêm {extension.days} ngày; "
                 f"thời hạn giải quyết đến ngày {day(extension.new_due_on)}."),
            Line("Điều 2. Quyết định này có hiệu lực kể từ ngày ký."),
            Line(f"Điều 3. {BLANK} và các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết "
                 "định này./."),
        ],
        recipients=["Như Điều 3", "Người tố cáo, người bị tố cáo", "Lưu: VT, hồ sơ"],
    )  # fmt: skip


def _higher_authority(agency: Agency) -> str:
    """Who hears the second complaint: the chair of the committee above a committee (Luật Khiếu nại, Điều 18, 21)."""
    if agency.kind == Agency.Kind.COMMITTEE and agency.unit.parent is not None:
        return f"Chủ tịch Ủy ban nhân dân {agency.unit.parent.name_in_sentence}"
    return BLANK


def _complaint_decision(case: Case, decision: Decision) -> Paper:
    """NĐ 124/2020 Mẫu 15 (lần đầu) or 16 (lần hai)."""
    who = person(case.citizen)
    petition = _petition_of(case)
    verification = _verification(case)
    dialogue = ComplaintDialogue.objects.filter(case=case).first()
    document = head(case.agency, recorded=decision.number, code="QĐ", on=decision.issued_on)
    second = case.round == Case.Round.SECOND
    sections = [("Nội dung khiếu nại", case.summary)]
    sections.append(("Kết quả xác minh nội dung khiếu nại", verification.findings if verification else ""))
    if dialogue:
        sections.append(("Kết quả đối thoại", dialogue.minutes))
    sections.append(("Kết luận", decision.summary))
    days = 45 if case.agency.unit.remote_area else 30
    appeal = (
        f"có quyền khởi kiện {document.issuer} tại Tòa án"
        if second
        else f"có quyền khiếu nại đến {_higher_authority(case.agency)} hoặc khởi kiện {document.issuer} tại Tòa án"
    )
    return document.paper(
        kind="QUYẾT ĐỊNH",
        subject=f"Về việc giải quyết khiếu nại của {who.addressed} ({ROUND.get(case.round, BLANK)})",
        authority_line=issuer_line(case.agency),
        bases=[
            LAW[Classification.COMPLAINT], DECREE[Classification.COMPLAINT], *bases(case.kind, case.agency)[2:],
            f"Xét đơn khiếu nại {in_words(petition.received_on if petition else None)} của {who.addressed} (địa chỉ: "
            f"{who.address}).",
        ],
        body=[
            Line(f"Theo báo cáo của {verification.verifier if verification else BLANK} tại Văn bản số {BLANK} "
                 f"{in_words(verification.reported_on if verification else None)} về việc giải quyết khiếu nại của "
                 f"{who.addressed} với các nội dung sau đây:"),
            *(Line(f"{_ROMAN[index]}. {title}: {text or BLANK}") for index, (title, text) in enumerate(sections)),
            Line("Từ những nhận định và căn cứ trên,"),
            _DECIDES,
            Line(f"Điều 1. {_first_article(decision, f'khiếu nại của {who.addressed}')}"),
            Line(f"Điều 2. {' '.join(orders(decision)) or BLANK}"),
            Line(f"Điều 3. Trong thời hạn {days} ngày, kể từ ngày nhận được Quyết định này, nếu {who.addressed} không "
                 f"đồng ý với giải quyết khiếu nại của {document.issuer} thì {who.addressed} {appeal} theo quy định "
                 "của pháp luật về tố tụng hành chính."),
            Line(f"Điều 4. Các ông (bà) {BLANK} và {who.addressed} chịu trách nhiệm thi hành Quyết định này./."),
        ],
        recipients=["Như Điều 4", inspectorate_of(case.agency), "Lưu: VT, hồ sơ"],
    )  # fmt: skip


def _conclusion(case: Case, decision: Decision) -> Paper:
    """NĐ 31/2019 Mẫu 12: no addressee, no Căn cứ; the denouncer is never named."""
    verification = _verification(case)
    document = head(case.agency, recorded=decision.number, code="KL", on=decision.issued_on)
    return document.paper(
        kind="KẾT LUẬN NỘI DUNG TỐ CÁO", subject=f"Đối với {BLANK}",
        body=[
            Line(f"{opening(in_words(case.accepted_on))}, {case.agency.name} đã thụ lý tố cáo về việc: "
                 f"{case.summary}."),
            Line(f"Căn cứ nội dung tố cáo, giải trình của người bị tố cáo, kết quả xác minh nội dung tố cáo, các tài "
                 f"liệu, chứng cứ có liên quan và đối chiếu với các quy định của pháp luật, {document.issuer} kết "
                 "luận nội dung tố cáo như sau:"),
            Line(f"1. Kết quả xác minh nội dung tố cáo: {verification.findings if verification else BLANK}"),
            Line(f"2. Căn cứ pháp luật để xác định có hay không có hành vi vi phạm pháp luật: {BLANK}"),
            Line(f"3. Kết luận: {_first_article(decision, 'tố cáo')} {decision.summary}".strip()),
            Line(f"4. Các biện pháp xử lý theo thẩm quyền cần thực hiện và kiến nghị: "
                 f"{' '.join(orders(decision)) or BLANK}"),
        ],
        recipients=[inspectorate_of(case.agency), "Người bị tố cáo", "Lưu: VT, hồ sơ"],
    )  # fmt: skip


def decision(case: Case) -> Paper:
    if case.kind == Classification.DENUNCIATION:
        return _conclusion(case, case.decision)
    return _complaint_decision(case, case.decision)
