"""The pre-filled document of each step (the forms annexed to the decrees and to TT 05/2021/TT-TTCP), as editable
.docx on one layout (complaints.paper): which documents a petition or a case offers at its current step."""

from collections.abc import Callable
from dataclasses import dataclass

from complaints.documents.cases import decision, extension_decision, verification_decision
from complaints.documents.petitions import (
    acceptance_notice,
    forwarding_slip,
    guidance_slip,
    receipt_slip,
    refusal_notice,
)  # fmt: skip
from complaints.models import Handling
from complaints.steps import has_steps


@dataclass(frozen=True)
class Template:
    slug: str
    label: str
    build: Callable
    available: Callable[[object], bool]


PETITION_DOCUMENTS = (
    Template("giay-bien-nhan", "Giấy biên nhận đơn", receipt_slip, lambda p: True),
    Template("thong-bao-thu-ly", "Thông báo thụ lý", acceptance_notice, lambda p: p.handling == Handling.ACCEPT),
    Template(
        "thong-bao-khong-thu-ly",
        "Thông báo không thụ lý",
        refusal_notice,
        lambda p: p.processable is False or p.handling == Handling.DECLINE,
    ),
    Template("phieu-chuyen-don", "Phiếu chuyển đơn", forwarding_slip, lambda p: p.handling == Handling.FORWARD),
    Template("phieu-huong-dan", "Phiếu hướng dẫn", guidance_slip, lambda p: p.handling == Handling.GUIDE),
)
CASE_DOCUMENTS = (
    # A recommendation, never accepted, has neither a verification nor a decision on it (complaints.steps).
    Template("giao-xac-minh", "Quyết định xác minh nội dung", verification_decision, has_steps),
    Template(
        "gia-han",
        "Quyết định gia hạn (lần gần nhất)",
        lambda c: extension_decision(c.extensions.last()),
        lambda c: c.extensions.exists(),
    ),
    Template(
        "giai-quyet", "Quyết định giải quyết / Kết luận", decision, lambda c: has_steps(c) and hasattr(c, "decision")
    ),
)


def available(templates: tuple[Template, ...], subject: object) -> list[Template]:
    return [template for template in templates if template.available(subject)]
