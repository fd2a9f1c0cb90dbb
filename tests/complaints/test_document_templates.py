"""A unit admin's edited templates: refused when they name placeholders the document does not have (named in the
refusal), kept as a draft until put in use, every version kept and restorable."""

from io import BytesIO
from zipfile import ZIP_DEFLATED, ZipFile

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from docx import Document

from complaints.documents import DOCUMENTS
from complaints.documents.filling import built_in
from complaints.services.templates import publish_template, restore_template, upload_template
from danvan.models import Role
from tests.factories import staff_with_role

pytestmark = pytest.mark.django_db
RECEIPT = DOCUMENTS["giay-bien-nhan"]


@pytest.fixture
def admin(committee_of_ia_grai):
    return staff_with_role(committee_of_ia_grai, Role.UNIT_ADMIN)


def edited(agency, old: str, new: str) -> bytes:
    """The portal's receipt template of ``agency`` with one paragraph's text replaced, as Word would save it."""
    document = Document(BytesIO(built_in(RECEIPT, agency)))
    paragraph = next(p for p in document.paragraphs if old in p.text)
    for run in paragraph.runs[1:]:
        run.text = ""
    paragraph.runs[0].text = paragraph.text.replace(old, new) if paragraph.runs[0].text else new
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def upload(agency, admin, content, slug="giay-bien-nhan"):
    return upload_template(agency=agency, slug=slug, content=content, filename="mau.docx", by=admin)


def receipt_text(client, petition) -> str:
    response = client.get(reverse("complaints:petition-document", args=[petition.pk, "giay-bien-nhan"]))
    return "\n".join(p.text for p in Document(BytesIO(response.content)).paragraphs)


def test_a_template_with_an_unknown_placeholder_is_refused_naming_it(admin, committee_of_ia_grai):
    content = edited(committee_of_ia_grai, "Số người đứng tên", "Số người: {{ so_nguoi }} và {{ ho_ten }}")

    with pytest.raises(ValidationError) as refused:
        upload(committee_of_ia_grai, admin, content)

    assert refused.value.message_dict["file"][0].startswith(
        "Mẫu dùng trường không có trong văn bản này: ho_ten, so_nguoi. Các trường dùng được: "
    )


def test_a_file_that_is_not_a_docx_is_refused(admin, committee_of_ia_grai):
    with pytest.raises(ValidationError) as refused:
        upload(committee_of_ia_grai, admin, b"%PDF-1.4 not a docx")

    assert refused.value.message_dict == {"file": ["Tệp tải lên không phải là tệp Word (.docx)."]}


def test_a_template_that_unpacks_a_thousand_times_its_size_is_refused_unparsed(admin, committee_of_ia_grai):
    out = BytesIO()
    with ZipFile(out, "w", ZIP_DEFLATED) as package, package.open("word/document.xml", "w") as document:
        for _ in range(40):
            document.write(b" " * 2**20)  # 40 MB of blanks that python-docx would hold whole

    with pytest.raises(ValidationError) as refused:
        upload(committee_of_ia_grai, admin, out.getvalue())

    message = refused.value.message_dict["file"][0]
    assert message.startswith("Phần “word/document.xml” của tệp giải nén ra 40 MB từ ")
    assert message.endswith("tệp Office thường gấp dưới 100 lần): tệp này không được đọc.")


def test_a_placeholder_written_wrong_is_refused(admin, committee_of_ia_grai):
    content = edited(committee_of_ia_grai, "Số người đứng tên", "Số người: {{ signatories ")

    with pytest.raises(ValidationError) as refused:
        upload(committee_of_ia_grai, admin, content)

    assert "Mẫu có chỗ đặt trường viết sai" in refused.value.message_dict["file"][0]


def test_only_a_unit_admin_uploads_a_template(committee_of_ia_grai, handler_of_ia_grai):
    content = built_in(RECEIPT, committee_of_ia_grai)

    with pytest.raises(PermissionDenied):
        upload(committee_of_ia_grai, handler_of_ia_grai, content)


def test_an_uploaded_template_is_used_once_put_in_use_not_before(
    client, admin, committee_of_ia_grai, handler_of_ia_grai, receive
):
    client.force_login(handler_of_ia_grai)
    draft = upload(committee_of_ia_grai, admin, edited(committee_of_ia_grai, "Hạn xử lý đơn", "Hẹn trả lời trước"))
    before = receipt_text(client, receive())

    publish_template(template=draft, by=admin)

    assert ("Hạn xử lý đơn" in before, "Hẹn trả lời trước" in receipt_text(client, receive())) == (True, True)


def test_restoring_puts_an_earlier_version_back_as_a_new_one(
    client, admin, committee_of_ia_grai, handler_of_ia_grai, receive
):
    petition = receive()
    client.force_login(handler_of_ia_grai)
    first = upload(committee_of_ia_grai, admin, edited(committee_of_ia_grai, "Hạn xử lý đơn", "Bản sửa thứ nhất"))
    publish_template(template=first, by=admin)
    second = upload(committee_of_ia_grai, admin, edited(committee_of_ia_grai, "Hạn xử lý đơn", "Bản sửa thứ hai"))
    publish_template(template=second, by=admin)

    restored = restore_template(agency=committee_of_ia_grai, slug="giay-bien-nhan", version=1, by=admin)

    assert (restored.version, restored.restored_from, restored.published_by) == (3, 1, admin)
    assert "Bản sửa thứ nhất" in receipt_text(client, petition)


def test_restoring_the_portals_own_template_drops_the_edits(
    client, admin, committee_of_ia_grai, handler_of_ia_grai, receive
):
    petition = receive()
    client.force_login(handler_of_ia_grai)
    publish_template(
        template=upload(committee_of_ia_grai, admin, edited(committee_of_ia_grai, "Hạn xử lý đơn", "Bản sửa")),
        by=admin,
    )

    restore_template(agency=committee_of_ia_grai, slug="giay-bien-nhan", version=None, by=admin)

    assert ("Bản sửa" in receipt_text(client, petition), "Hạn xử lý đơn" in receipt_text(client, petition)) == (
        False, True,
    )  # fmt: skip
