"""Where uploaded files are stored: a petition's attachment under its month of receipt and the petition, a dialogue's
minutes under its month (as the callable upload_to of the first migrations placed them)."""

from datetime import date
from uuid import uuid4

from django.core.files.uploadedfile import SimpleUploadedFile

from complaints.models import Attachment
from tests.factories import DialogueFactory


def test_an_attachment_is_stored_under_the_month_of_receipt_and_its_petition(receive):
    petition = receive(on=date(2026, 3, 2))
    name = f"don-khieu-nai-{uuid4().hex}.pdf"  # the test storage is shared by the tests of this process

    attachment = Attachment.objects.create(petition=petition, name="Đơn", file=SimpleUploadedFile(name, b"%PDF-1.4"))

    assert attachment.file.name == f"don/2026/03/{petition.pk}/{name}"


def test_dialogue_minutes_are_stored_under_the_dialogue_s_month(committee_of_ia_grai):
    dialogue = DialogueFactory(agency=committee_of_ia_grai, date=date(2026, 3, 20))

    name = f"bien-ban-{dialogue.pk}.pdf"  # the test storage is shared by the tests of this process

    dialogue.minutes_file = SimpleUploadedFile(name, b"%PDF-1.4")
    dialogue.save()
    dialogue.save()  # a stored file stays where it is

    assert dialogue.minutes_file.name == f"doi-thoai/2026/03/{name}"
