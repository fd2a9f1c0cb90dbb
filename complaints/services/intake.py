"""Receiving petitions (tiếp nhận đơn): from any source, each with a receipt code and its handling deadline."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from complaints.deadlines import answer_deadline, handling_deadline
from complaints.models import DenouncerIdentity, Petition, Source
from complaints.rules import new_receipt_code, vaults_signer
from danvan.citizens import CitizenDetails, Registration, register_citizen
from danvan.models import Agency, Case, Citizen, Staff
from danvan.permissions import ensure_can_record
from danvan.services import record_event
from danvan.validity import before_unit
from reception.models import Result, Visit
from reception.services import await_answer


@transaction.atomic
def receive_petition(
    *,
    agency: Agency,
    by: Staff | None,
    received_on: date,
    source: str,
    kind: str,
    content: str,
    details: CitizenDetails | None = None,
    citizen: Citizen | None = None,
    anonymous: bool = False,
    signatories: int = 1,
    field: str = "",
    reference: str = "",
    forwarded_by: Agency | None = None,
    forwarded_by_name: str = "",
    visit: Visit | None = None,
    case: Case | None = None,
) -> Petition:
    """Receives a petition. A denouncer's identity goes straight into the vault, never onto the petition. Another
    petitioner is the citizen picked or found by the CCCD typed (whose stored details stay as they are), or a new one;
    one known elsewhere (danvan.citizens.register_citizen) is linked, and the petition keeps the details as given."""
    ensure_can_record(by, agency)
    errors = {}
    if received_on > timezone.localdate():
        errors["received_on"] = "Ngày nhận đơn không được sau hôm nay."
    elif early := before_unit(agency.unit, received_on):
        errors["received_on"] = early
    if not anonymous and details is None and citizen is None:
        errors["full_name"] = "Hãy nhập người đứng đơn, hoặc đánh dấu đơn nặc danh."
    if source == Source.FORWARDED and forwarded_by is None and not forwarded_by_name.strip():
        errors["forwarded_by"] = "Hãy chọn hoặc ghi tên cơ quan chuyển đơn đến."
    if errors:
        raise ValidationError(errors)
    petition = Petition(
        agency=agency,
        received_on=received_on,
        source=source,
        kind=kind,
        field=field,
        content=content,
        anonymous=anonymous,
        signatories=signatories,
        reference=reference,
        forwarded_by=forwarded_by,
        forwarded_by_name=forwarded_by_name,
        visit=visit,
        case=case,
        created_by=by,
        handling_due_on=handling_deadline(kind=kind, received_on=received_on),
        receipt_code=new_receipt_code(taken=lambda code: Petition.objects.filter(receipt_code=code).exists()),
    )
    denouncer = vaults_signer(kind) and not anonymous
    if not anonymous and not denouncer:
        registration = register_citizen(details=details, by=by, citizen=citizen) if details else Registration(citizen)
        petition.citizen = registration.citizen
        if registration.known_elsewhere:
            petition.keep_given(details)
    petition.full_clean()
    petition.save()
    if denouncer:
        _lock_away(petition, details or _details_of(citizen))
    record_event(petition, by=by, kind="received", label="Tiếp nhận đơn", on=received_on)
    return petition


def _lock_away(petition: Petition, details: CitizenDetails) -> DenouncerIdentity:
    return DenouncerIdentity.objects.create(
        petition=petition, full_name=details.full_name, cccd=details.cccd, address=details.address, phone=details.phone
    )


def _details_of(citizen: Citizen) -> CitizenDetails:
    """What ``citizen`` (a citizen, or a record's ``person``) says, as if typed."""
    return CitizenDetails(
        full_name=citizen.full_name,
        cccd=citizen.cccd or "",
        birth_date=citizen.birth_date,
        gender=citizen.gender,
        address=citizen.address,
        phone=citizen.phone,
    )


def receive_petition_from_visit(*, visit: Visit, by: Staff) -> Petition | None:
    """A visit whose result is "tiếp nhận đơn" hands the citizen's petition over: received the same day, about the
    visit's case. The citizen is to be answered on it within 10 working days (Luật Tiếp công dân 2013, Điều 28 khoản
    1): the visit awaits its answer until the petition is handled. A citizen known elsewhere is found again by the CCCD
    the visit matched, with the details given there."""
    if visit.result != Result.PETITION_RECEIVED:
        return None
    await_answer(visit=visit, due_on=answer_deadline(received_on=visit.received_on))
    return receive_petition(
        agency=visit.agency,
        by=by,
        received_on=visit.received_on,
        source=Source.RECEPTION,
        kind=visit.kind,
        field=visit.field,
        content=visit.content,
        details=_details_of(visit.person) if visit.known_elsewhere else None,
        citizen=None if visit.known_elsewhere else visit.citizen,
        signatories=visit.people,
        visit=visit,
        case=visit.case,
    )
