"""Every form field and query parameter that names a record, given another unit's record (issue 20, point 1): the
response shows nothing of the other unit's citizen (name, address, phone, CCCD) nor of its records, and none of its
rows changes.

``PROBES`` sends another unit's record in each such field or parameter, one request each, as a user holding every
role at their own commune. ``test_every_field_and_parameter_naming_a_record_is_probed`` finds the fields and
parameters in the code (the model choice fields and filters of every form, and what views read of ``request.GET`` or
``request.POST``): a new one fails it until a probe sends another unit's record in it, or ``NAMES_NO_RECORD`` says why
it names none.
"""

import importlib
import inspect
import io
import pkgutil
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlencode

import django_filters
import pytest
from django import forms
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from complaints.models import Attachment, DenouncerIdentity, IdentityDocument, Petition
from danvan.models import Agency, Case, Citizen, Classification, Membership, Role, Staff
from dialogues.models import Dialogue
from reception.models import ReceptionSession, Visit
from tests.factories import (
    AgencyFactory,
    CaseFactory,
    CitizenFactory,
    DialogueFactory,
    PetitionFactory,
    SessionFactory,
    VisitFactory,
    current_unit,
    staff_with_role,
)
from tests.identity import CCCD_SHOWN, SECRETS, STORED
from tests.reception.test_desk import visit_form
from tests.shared_data import built_once

pytestmark = pytest.mark.django_db

# What the other unit's records say, which no response to the user may show.
MARKER = "Nội dung riêng của phường Pleiku"
THEIR_STAFF = "Kpă Ngoài Phạm Vi"
THEIR_FILE = "rieng-cua-pleiku.pdf"
NEVER_SHOWN = (*SECRETS, MARKER, THEIR_STAFF, THEIR_FILE)
TODAY = timezone.localdate()


def build() -> SimpleNamespace:
    ours, theirs = AgencyFactory(unit=current_unit("23764")), AgencyFactory(unit=current_unit("23575"))
    actor = staff_with_role(ours, Role.LEADER, full_name="Đặng Văn Thử")
    for role in (Role.RECEPTIONIST, Role.HANDLER, Role.REPORTER, Role.UNIT_ADMIN):
        Membership.objects.create(staff=actor, agency=ours, role=role)
    actor.user_permissions.add(Permission.objects.get(codename="reveal_denouncer"))
    citizen = CitizenFactory(**STORED)
    case = CaseFactory(agency=theirs, citizen=citizen, summary=MARKER, accepted_on=date(2026, 3, 5))
    their_visit = VisitFactory(agency=theirs, citizen=citizen, case=case, content=MARKER)
    their_petition = PetitionFactory(agency=theirs, citizen=citizen, case=case, content=MARKER)
    attachment = Attachment.objects.create(petition=their_petition, file=f"don/{THEIR_FILE}", name=THEIR_FILE)
    denounced = PetitionFactory(agency=theirs, citizen=None, kind=Classification.DENUNCIATION, content=MARKER)
    identity = DenouncerIdentity.objects.create(petition=denounced, full_name=STORED["full_name"], cccd=STORED["cccd"])
    document = IdentityDocument.objects.create(identity=identity, file=f"bao-mat/{THEIR_FILE}")
    our_denounced = PetitionFactory(agency=ours, citizen=None, kind=Classification.DENUNCIATION)
    DenouncerIdentity.objects.create(petition=our_denounced, full_name="Lê Văn Tố")
    return SimpleNamespace(
        ours=ours,
        theirs=theirs,
        actor=actor,
        our_staff=staff_with_role(ours, Role.RECEPTIONIST),
        their_staff=staff_with_role(theirs, Role.HANDLER, full_name=THEIR_STAFF),
        citizen=citizen,
        case=case,
        visit=their_visit,
        petition=their_petition,
        attachment=attachment,
        document=document,
        session=SessionFactory(agency=theirs, conclusion=MARKER),
        dialogue=DialogueFactory(agency=theirs, topic=MARKER),
        our_petition=PetitionFactory(agency=ours, received_on=TODAY, handling_due_on=TODAY),
        our_denounced=our_denounced,
        our_case=CaseFactory(agency=ours, accepted_on=date(2026, 3, 5)),
        our_dialogue=DialogueFactory(agency=ours),
    )


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker) -> Iterator[SimpleNamespace]:
    yield from built_once(django_db_blocker, build)


def their_rows(w: SimpleNamespace) -> dict:
    """Every row of the other unit that a request could change, as stored."""
    theirs = {"agency": w.theirs}
    return {
        "citizen": list(Citizen.objects.filter(pk=w.citizen.pk).values()),
        "agency": list(Agency.objects.filter(pk=w.theirs.pk).values()),
        "staff": list(Staff.objects.filter(pk=w.their_staff.pk).values("full_name", "is_active", "password")),
        "roles": list(Membership.objects.filter(agency=w.theirs).values("staff", "role")),
        "visits": list(Visit.objects.filter(**theirs).order_by("pk").values()),
        "petitions": list(Petition.objects.filter(**theirs).order_by("pk").values()),
        "cases": list(Case.objects.filter(**theirs).order_by("pk").values()),
        "sessions": list(ReceptionSession.objects.filter(**theirs).values()),
        "dialogues": list(Dialogue.objects.filter(**theirs).values()),
        "attachments": list(Attachment.objects.filter(petition__agency=w.theirs).values()),
        "identities": list(DenouncerIdentity.objects.filter(petition__agency=w.theirs).values()),
    }


@dataclass(frozen=True)
class Probe:
    """One request that sends another unit's record in the fields or parameters it ``covers`` (``Form.field``,
    ``FilterSet.filter`` or ``module:parameter``). ``cccd_typed``: the user typed the other citizen's CCCD, which the
    response may then show."""

    name: str
    covers: tuple[str, ...]
    method: str
    url: Callable[[SimpleNamespace], str]
    data: Callable[[SimpleNamespace], dict]
    cccd_typed: bool = False


def _get(name, covers, url, data, **kwargs) -> Probe:
    return Probe(name, covers, "get", url, data, **kwargs)


def _post(name, covers, url, data, **kwargs) -> Probe:
    return Probe(name, covers, "post", url, data, **kwargs)


def _at(name: str, *args) -> Callable[[SimpleNamespace], str]:
    return lambda w: reverse(name, args=[getattr(w, arg).pk for arg in args])


def _desk(w, **changes) -> dict:
    return visit_form(w.ours) | changes


def _intake(w, **changes) -> dict:
    return {
        "agency": w.ours.pk, "received_on": f"{TODAY:%d/%m/%Y}", "source": "post", "full_name": "Trần Thị Thử",
        "signatories": "1", "kind": "complaint", "content": "Khiếu nại việc cấp giấy chứng nhận quyền sử dụng đất",
    } | changes  # fmt: skip


def _handling(w, **changes) -> dict:
    forward = {"letter_number": "12/PC", "letter_date": f"{TODAY:%d/%m/%Y}"}
    return (
        {"on": f"{TODAY:%d/%m/%Y}", "processable": "1", "in_competence": "0", "handling": "forward"} | forward | changes
    )


def _dialogue(w, **changes) -> dict:
    return {
        "agency": w.ours.pk, "kind": "dialogue", "date": "20/03/2026", "host": "committee_chair",
        "host_name": "Phạm Minh Thử", "host_title": "Chủ tịch UBND", "topic": "Thử", "participants": "10",
        "opinions_raised": "0", "opinions_answered": "0",
    } | changes  # fmt: skip


def _period(unit) -> dict:
    return {"unit": unit, "period": "year", "year": "2026"}


PROBES = [
    # The reception desk.
    _post(
        "desk: hidden citizen", ("DeskForm.citizen",), _at("reception:desk"), lambda w: _desk(w, citizen=w.citizen.pk)
    ),
    _post("desk: case", ("DeskForm.case",), _at("reception:desk"), lambda w: _desk(w, case=w.case.pk)),
    _post("desk: agency", ("DeskForm.agency",), _at("reception:desk"), lambda w: _desk(w, agency=w.theirs.pk)),
    _post(
        "desk: their CCCD", ("DeskForm.cccd",), _at("reception:desk"),
        lambda w: _desk(w, cccd=STORED["cccd"]), cccd_typed=True,
    ),
    _post(
        "desk warnings: hidden citizen", ("reception.views.desk:citizen",), _at("reception:desk-warnings"),
        lambda w: _desk(w, citizen=w.citizen.pk),
    ),
    _post(
        "lookup: their CCCD", ("reception.views.desk:cccd",), _at("reception:citizen-lookup"),
        lambda w: {"cccd": STORED["cccd"]}, cccd_typed=True,
    ),
    _post(
        "lookup: their name", ("reception.views.desk:full_name",), _at("reception:citizen-lookup"),
        lambda w: {"full_name": "rah lan blong"},
    ),
    _post(
        "pick: citizen", ("reception.views.desk:citizen",), _at("reception:citizen-pick"),
        lambda w: {"citizen": w.citizen.pk},
    ),
    _post(
        "case search: citizen", ("reception.views.desk:citizen",), _at("reception:case-search"),
        lambda w: {"citizen": w.citizen.pk},
    ),
    _post(
        "case search: their case's words", ("reception.views.desk:case_query",), _at("reception:case-search"),
        lambda w: {"case_query": "rieng cua phuong pleiku"},
    ),
    _post(
        "case search: their case's number", ("reception.views.desk:case_query",), _at("reception:case-search"),
        lambda w: {"case_query": f"VV{w.case.pk}"},
    ),
    _post("case pick: case", ("reception.views.desk:case",), _at("reception:case-pick"), lambda w: {"case": w.case.pk}),
    _get("citizen page", (), _at("reception:citizen-detail", "citizen"), lambda w: {}),
    _post(
        "citizen correction", (), _at("reception:citizen-correct", "citizen"),
        lambda w: {"full_name": "Nguyễn Văn Đổi", "cccd": STORED["cccd"], "reason": "Thử"},
    ),
    # The visit register and the sessions.
    _get("visits: agency", ("VisitFilter.agency",), _at("reception:visit-list"), lambda w: {"agency": w.theirs.pk}),
    _get("visits: unit", ("VisitFilter.unit",), _at("reception:visit-list"), lambda w: {"unit": w.theirs.unit.pk}),
    _get(
        "visits export: agency", ("VisitFilter.agency",), _at("reception:visit-export"),
        lambda w: {"agency": w.theirs.pk},
    ),
    _get(
        "sessions: agency", ("SessionFilter.agency",), _at("reception:session-list"), lambda w: {"agency": w.theirs.pk}
    ),
    _post(
        "new session: agency", ("SessionForm.agency",), _at("reception:session-create"),
        lambda w: {"date": f"{TODAY:%d/%m/%Y}", "agency": w.theirs.pk, "mode": "periodic", "receiver": "head",
                   "host_name": "Phạm Minh Thử", "host_title": "Chủ tịch UBND"},
    ),
    _post(
        "new schedule: agency", ("ScheduleForm.agency",), _at("reception:schedule-create"),
        lambda w: {"agency": w.theirs.pk, "head_name": "Phạm Minh Thử", "head_title": "Chủ tịch UBND",
                   "description": "Thứ Năm hằng tuần", "place": "Trụ sở", "valid_from": f"{TODAY:%d/%m/%Y}"},
    ),
    # Petitions and cases.
    _post(
        "intake: agency", ("IntakeForm.agency",), _at("complaints:petition-create"),
        lambda w: _intake(w, agency=w.theirs.pk),
    ),
    _post(
        "intake: forwarded by", ("IntakeForm.forwarded_by",), _at("complaints:petition-create"),
        lambda w: _intake(w, source="forwarded", forwarded_by=w.theirs.pk),
    ),
    _post(
        "intake: their CCCD", ("IntakeForm.cccd",), _at("complaints:petition-create"),
        lambda w: _intake(w, cccd=STORED["cccd"], address="Thôn 9", phone="0911000111"), cccd_typed=True,
    ),
    _post(
        "intake warnings: their CCCD", ("IntakeForm.cccd",), _at("complaints:petition-warnings"),
        lambda w: _intake(w, cccd=STORED["cccd"]), cccd_typed=True,
    ),
    _get(
        "petition: their attachment", ("complaints.views.petitions:tep",),
        _at("complaints:petition-detail", "our_petition"),
        lambda w: {"tep": w.attachment.pk},
    ),
    _post(
        "handling: forwarded to", ("HandlingForm.forwarded_to",), _at("complaints:petition-handle", "our_petition"),
        lambda w: _handling(w, forwarded_to=w.theirs.pk),
    ),
    _post(
        "duplicate of: their code", ("DuplicateForm.duplicate_of",),
        _at("complaints:petition-duplicate", "our_petition"), lambda w: {"duplicate_of": w.petition.receipt_code},
    ),
    _post(
        "reveal: their vault document", ("RevealForm.document",), _at("complaints:denouncer-reveal", "our_denounced"),
        lambda w: {"reason": "Kiểm tra hồ sơ theo yêu cầu thanh tra", "document": w.document.pk},
    ),
    _post(
        "assign petition: staff and agency", ("AssignForm.handler", "AssignForm.agency"),
        _at("complaints:petition-assign", "our_petition"),
        lambda w: {"handler": w.their_staff.pk, "agency": w.theirs.pk, "on": f"{TODAY:%d/%m/%Y}"},
    ),
    _post(
        "assign case: staff and agency", ("AssignForm.handler", "AssignForm.agency"),
        _at("complaints:case-assign", "our_case"),
        lambda w: {"handler": w.their_staff.pk, "agency": w.theirs.pk, "on": f"{TODAY:%d/%m/%Y}"},
    ),
    _get(
        "petitions: agency", ("PetitionFilter.agency",), _at("complaints:petition-list"),
        lambda w: {"agency": w.theirs.pk},
    ),
    _get(
        "petitions export: agency", ("PetitionFilter.agency",), _at("complaints:petition-export"),
        lambda w: {"agency": w.theirs.pk},
    ),
    _get("cases: agency", ("CaseFilter.agency",), _at("complaints:case-list"), lambda w: {"agency": w.theirs.pk}),
    _post(
        "hand-over: agencies", ("HandOverForm.giving", "HandOverForm.receiving"), _at("complaints:hand-over"),
        lambda w: {"giving": w.theirs.pk, "receiving": w.ours.pk},
    ),
    _get(
        "templates: agency", ("complaints.views.templates:co_quan",), _at("complaints:template-list"),
        lambda w: {"co_quan": w.theirs.pk},
    ),
    # Dialogues.
    _post(
        "new dialogue: agency and unit", ("DialogueForm.agency", "DialogueForm.unit"),
        _at("dialogues:dialogue-create"),
        lambda w: _dialogue(w, agency=w.theirs.pk, unit=w.theirs.unit.pk),
    ),
    _post(
        "new dialogue: unit", ("DialogueForm.unit",), _at("dialogues:dialogue-create"),
        lambda w: _dialogue(w, unit=w.theirs.unit.pk),
    ),
    _get(
        "dialogues: agency", ("DialogueFilter.agency",), _at("dialogues:dialogue-list"),
        lambda w: {"agency": w.theirs.pk},
    ),
    _get(
        "dialogues export: agency", ("DialogueFilter.agency",), _at("dialogues:dialogue-export"),
        lambda w: {"agency": w.theirs.pk},
    ),
    _post(
        "opinion: assignee", ("OpinionForm.assignee",), _at("dialogues:opinion-add", "our_dialogue"),
        lambda w: {"opinion-content": "Ý kiến thử", "opinion-status": "assigned", "opinion-assignee": w.theirs.pk,
                   "opinion-due_on": "31/12/2026"},
    ),
    _post(
        "directive: owner", ("DirectiveForm.owner",), _at("dialogues:directive-add", "our_dialogue"),
        lambda w: {"directive-content": "Chỉ đạo thử", "directive-owner": w.theirs.pk,
                   "directive-due_on": "31/12/2026"},
    ),
    # Reports.
    _get("report: unit", ("ReportPageForm.unit",), _at("reports:report"), lambda w: _period(w.theirs.unit.pk)),
    _post(
        "narrative: unit", ("NarrativeForm.unit",), _at("reports:sections-save"),
        lambda w: _period(w.theirs.unit.pk) | {"text": "Thử"},
    ),
    _get("dashboard: unit", ("reports.views:unit",), _at("reports:dashboard"), lambda w: {"unit": w.theirs.unit.pk}),
    _get("figures: unit", ("ReportForm.unit",), _at("reports:figures-json"), lambda w: _period(w.theirs.unit.code)),
    _get(
        "drill-down: unit", ("reports.views:key",), _at("reports:drilldown"),
        lambda w: _period(w.theirs.unit.code) | {"key": "reception.visits"},
    ),
    _post(
        "openings: agency", ("OpeningsForm.agency", "reports.opening_views:name"), _at("reports:openings"),
        lambda w: {"agency": w.theirs.pk, "month": "2026-01"},
    ),
    _post(
        "management: agency", ("reports.management_views:agency",),
        lambda w: f"{reverse('reports:management')}?{urlencode(_period(w.ours.unit.pk))}",
        lambda w: {"agency": w.theirs.pk},
    ),
    # Staff and the audit log.
    _post(
        "new staff: agency", ("NewStaffForm.agency",), _at("staff-new"),
        lambda w: {"username": "thu.moi", "full_name": "Thử Mới", "email": "thu@example.vn", "agency": w.theirs.pk,
                   "roles": ["receptionist"], "password": "mat-khau-rat-dai-2026"},
    ),
    _post(
        "staff roles: agency", ("RolesForm.agency",), _at("staff-roles", "our_staff"),
        lambda w: {"agency": w.theirs.pk, "roles": ["handler"]},
    ),
    _get("audit log: by", ("AuditFilter.by",), _at("audit-log"), lambda w: {"by": w.their_staff.pk}),
    _get("queue: agency", ("QueueFilterForm.co_quan",), _at("worklist:mine"), lambda w: {"co_quan": w.theirs.pk}),
    # The search pickers (danvan/pickers.py): picking, and searching by name, another unit's staff member.
    _get(
        "picker: pick their staff", ("danvan.views:chon",), lambda w: reverse("pick", args=["can-bo"]),
        lambda w: {"field": "by", "id": "id_by", "chon": w.their_staff.pk},
    ),
    _get(
        "picker: search their staff", ("danvan.views:tim",), lambda w: reverse("pick", args=["can-bo"]),
        lambda w: {"field": "by", "id": "id_by", "tim": THEIR_STAFF},
    ),
    # The header search.
    _get("search: their name", (), _at("search"), lambda w: {"q": "rah lan blong"}),
    _get("search: their CCCD", (), _at("search"), lambda w: {"q": STORED["cccd"]}, cccd_typed=True),
]  # fmt: skip


def text_of(response) -> str:
    """What the response says: a page, or every part of a downloaded workbook or document."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if content.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return " ".join(archive.read(name).decode(errors="replace") for name in archive.namelist())
    return content.decode(errors="replace")


@pytest.mark.parametrize("probe", PROBES, ids=[probe.name for probe in PROBES])
def test_another_units_record_named_in_a_field_is_neither_shown_nor_changed(client, world, probe):
    before = their_rows(world)
    client.force_login(world.actor)

    response = getattr(client, probe.method)(probe.url(world), probe.data(world), follow=True)

    text = text_of(response)
    shown = [secret for secret in NEVER_SHOWN + (() if probe.cccd_typed else CCCD_SHOWN) if secret in text]
    assert (response.status_code < 500, shown) == (True, [])
    assert their_rows(world) == before


# Fields and parameters that name no record: what each is.
NAMES_NO_RECORD = {
    "danvan.pages:parameter": "the page number of a list",
    "worklist.views:trang": "the page number of the worklist",
    "danvan.calendar_views:nam": "a year",
    "danvan.accounts.login:settings": "the username being logged in (django-axes)",
    "danvan.accounts.views:active": "whether an account is enabled",
    "complaints.views.workflow:quyet_dinh": "a review's decision (approve or return)",
    "complaints.views.workflow:muc": "which queue a list shows",
    "danvan.views:field": "the name of the form field a search picker fills",
    "danvan.views:id": "the id of the search picker's element",
    "danvan.views:placeholder": "the search picker's hint",
}
# Text fields that name a record by a value it holds, not by its id.
NAMED_BY_VALUE = {
    "DeskForm.cccd": "a citizen, by their CCCD",
    "IntakeForm.cccd": "a citizen, by their CCCD",
    "ReportForm.unit": "a unit, by its code",
}

APPS = ("danvan", "reception", "complaints", "dialogues", "reports", "registers", "worklist", "portal")
_READ = re.compile(r"request\.(?:GET|POST)(?:\.get|\.getlist)?[(\[]\s*(?:\"(\w+)\"|'(\w+)'|(\w+))")
_SET_FIELD = re.compile(r"self\.fields\[\"(\w+)\"\] = (\w+)\(")


def _modules() -> Iterator:
    for app in APPS:
        package = importlib.import_module(app)
        for info in pkgutil.walk_packages(package.__path__, f"{app}."):
            if not {"migrations", "management"} & set(info.name.split(".")):
                yield importlib.import_module(info.name)


def _named_fields(cls: type) -> Iterator[str]:
    """The model choice fields and filters ``cls`` (a form or a filter set) declares or adds in ``__init__``."""
    if issubclass(cls, forms.BaseForm):
        declared = cls.base_fields.items()
        yield from (name for name, field in declared if isinstance(field, forms.ModelChoiceField))
        module = inspect.getmodule(cls)
        for name, field_class in _SET_FIELD.findall(inspect.getsource(cls)):
            made = getattr(module, field_class, None)
            if inspect.isclass(made) and issubclass(made, forms.ModelChoiceField):
                yield name
    if issubclass(cls, django_filters.FilterSet):
        chosen = (django_filters.ModelChoiceFilter, django_filters.ModelMultipleChoiceFilter)
        yield from (name for name, filter_ in cls.base_filters.items() if isinstance(filter_, chosen))


def fields_and_parameters() -> set[str]:
    """Every model choice field and filter of the project's forms (``Form.field``), and every parameter its views read
    off the request (``module:parameter``)."""
    found = set()
    for module in _modules():
        for cls in vars(module).values():
            if inspect.isclass(cls) and cls.__module__ == module.__name__:
                found |= {f"{cls.__name__}.{name}" for name in _named_fields(cls)}
        for quoted, single, name in _READ.findall(Path(module.__file__).read_text()):
            # A parameter named by a constant of the module: its value.
            parameter = quoted or single or (getattr(module, name) if name.isupper() else name)
            found.add(f"{module.__name__}:{parameter}")
    return found


def test_every_field_and_parameter_naming_a_record_is_probed():
    probed = {key for probe in PROBES for key in probe.covers}
    in_code = fields_and_parameters() | NAMED_BY_VALUE.keys()

    assert (in_code - probed - NAMES_NO_RECORD.keys(), probed - in_code) == (set(), set())
