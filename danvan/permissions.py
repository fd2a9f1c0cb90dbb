"""Who may do what, for which agency: the portal's one permission matrix.

A role held in an agency grants an action for that agency (``own``), or for every agency of its unit and of the units
under it, those of the earlier era that went into them included (``area``). A superuser holds the actions marked
``superuser`` for every agency; they record and handle nothing on an agency's behalf (they hold no role there).

=====================  ==============================  ====================================  =========
action                 own agency                      its unit and below                    superuser
=====================  ==============================  ====================================  =========
see its records        receptionist                    leader, handler, reporter, unit admin yes
record                 receptionist, handler, leader                                         no
handle a petition      handler, leader                                                       no
resolve a case         handler, leader                                                       no
approve                leader                                                                no
import registers       receptionist, handler           leader, unit admin                    yes
key in figures         reporter, leader, unit admin                                          yes
send reports                                           leader, reporter                      yes
hand over records                                      unit admin (over both agencies)       yes
administer staff                                       unit admin                            yes
=====================  ==============================  ====================================  =========

Recording covers visits, petitions, reception sessions and schedules, dialogues and their follow-up; approving is
assigning a petition or case and reviewing what the assignee proposes; keying in figures covers those no record holds,
an agency's opening figures and its biểu 06/QLKNTC figures; handing over is moving the open petitions and cases of an
agency whose unit ended (the 2025 reform) to one that carries on its work, by an admin of a unit whose area holds both.
Revealing a denouncer takes the ``complaints.reveal_denouncer`` permission, on a petition of an agency whose records
one sees. Exporting needs no role: one exports the records one sees (``danvan.scope``). Administering staff is
adding the accounts of the agencies of one's area, setting their roles there, disabling them, sending them a new
password and reading the audit log of that area (``danvan.accounts``); units and agencies are the Django admin's.

Every write service calls ``ensure_can_*`` with its ``by`` and the record's agency: a refusal is ``PermissionDenied``
with its reason in Vietnamese. ``by`` None is the portal itself (demo seeding, a register import from the command
line), which acts for every agency. Views call the ``can_*`` predicates only to decide what to show.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet

from danvan.memo import remembered
from danvan.models import AdminUnit, Agency, Membership, Role, Staff
from danvan.selectors import area_of
from danvan.structure import kept_for_unit

REVEAL_PERMISSION = "complaints.reveal_denouncer"


class Action(Enum):
    SEE = "see"
    RECORD = "record"
    HANDLE = "handle"
    RESOLVE = "resolve"
    APPROVE = "approve"
    IMPORT = "import"
    OPEN = "open"
    SEND = "send"
    HAND_OVER = "hand_over"
    STAFF = "staff"
    TEMPLATES = "templates"


@dataclass(frozen=True)
class Grant:
    """Who holds an action: ``own`` roles for their agency, ``area`` roles for their unit and below; ``refusal`` says
    why someone else may not."""

    refusal: str
    own: frozenset[Role] = frozenset()
    area: frozenset[Role] = frozenset()
    superuser: bool = False

    @property
    def roles(self) -> frozenset[Role]:
        return self.own | self.area


MATRIX = {
    Action.SEE: Grant(
        "Hồ sơ ngoài phạm vi của bạn.",
        own=frozenset({Role.RECEPTIONIST}),
        area=frozenset({Role.LEADER, Role.HANDLER, Role.REPORTER, Role.UNIT_ADMIN}),
        superuser=True,
    ),
    Action.RECORD: Grant(
        "Bạn không ghi nhận thay cho cơ quan này.", own=frozenset({Role.RECEPTIONIST, Role.HANDLER, Role.LEADER})
    ),
    Action.HANDLE: Grant("Bạn không xử lý đơn thay cho cơ quan này.", own=frozenset({Role.HANDLER, Role.LEADER})),
    Action.RESOLVE: Grant(
        "Bạn không giải quyết vụ việc thay cho cơ quan này.", own=frozenset({Role.HANDLER, Role.LEADER})
    ),
    Action.APPROVE: Grant(
        "Chỉ lãnh đạo cơ quan có đơn, vụ việc mới được giao việc và duyệt.", own=frozenset({Role.LEADER})
    ),
    Action.IMPORT: Grant(
        "Bạn không có quyền nhập sổ.",
        own=frozenset({Role.RECEPTIONIST, Role.HANDLER}),
        area=frozenset({Role.LEADER, Role.UNIT_ADMIN}),
        superuser=True,
    ),
    Action.OPEN: Grant(
        "Chỉ cán bộ tổng hợp, lãnh đạo, quản trị đơn vị của cơ quan mới nhập số liệu báo cáo (số liệu đầu kỳ, biểu"
        " 06/QLKNTC) của cơ quan đó.",
        own=frozenset({Role.REPORTER, Role.LEADER, Role.UNIT_ADMIN}),
        superuser=True,
    ),
    Action.SEND: Grant(
        "Chỉ lãnh đạo, cán bộ tổng hợp thấy toàn bộ số liệu của đơn vị mới đánh dấu gửi báo cáo.",
        area=frozenset({Role.LEADER, Role.REPORTER}),
        superuser=True,
    ),
    Action.HAND_OVER: Grant(
        "Chỉ quản trị đơn vị quản lý cả cơ quan bàn giao và cơ quan nhận bàn giao mới được bàn giao đơn, vụ việc.",
        area=frozenset({Role.UNIT_ADMIN}),
        superuser=True,
    ),
    Action.STAFF: Grant(
        "Chỉ quản trị đơn vị mới quản lý cán bộ, và chỉ cán bộ của các cơ quan trong phạm vi đơn vị mình.",
        area=frozenset({Role.UNIT_ADMIN}),
        superuser=True,
    ),
    Action.TEMPLATES: Grant(
        "Chỉ quản trị đơn vị mới sửa mẫu văn bản của các cơ quan trong đơn vị.",
        area=frozenset({Role.UNIT_ADMIN}),
        superuser=True,
    ),
}


def memberships_of(staff: Staff) -> list[Membership]:
    """``staff``'s roles with their agencies and units, read once per request."""
    return remembered(("memberships", staff.pk), lambda: list(staff.memberships.select_related("agency__unit")))


def _granted_through(staff: Staff, grant: Grant) -> tuple[list[AdminUnit], list[int]]:
    """The units whose whole area ``grant`` gives ``staff`` (an area role there) and the agencies it gives them alone
    (an own role)."""
    areas, own = [], []
    for membership in memberships_of(staff):
        if membership.role in grant.area:
            areas.append(membership.agency.unit)
        elif membership.role in grant.own:
            own.append(membership.agency_id)
    return areas, own


def agencies_granted(staff: Staff, action: Action) -> QuerySet[Agency]:
    """The agencies for which ``staff`` holds ``action``."""
    grant = MATRIX[action]
    if grant.superuser and staff.is_superuser:
        return Agency.objects.all()
    if not grant.area:
        return Agency.objects.filter(memberships__staff=staff, memberships__role__in=grant.own).distinct()
    areas, own = _granted_through(staff, grant)
    condition = Q(pk__in=own)
    for unit in areas:
        condition |= Q(unit__in=area_of(unit).values("pk"))
    return Agency.objects.filter(condition)


def agency_ids_of_area(unit: AdminUnit) -> list[int]:
    """The ids of the agencies of ``unit``'s area, kept while the structure stays as it is (danvan.structure)."""

    def build() -> list[int]:
        return list(Agency.objects.filter(unit__in=area_of(unit).values("pk")).values_list("pk", flat=True))

    return kept_for_unit("area-agencies", unit.pk, build)


def agency_ids_granted(staff: Staff, action: Action) -> list[int]:
    """The ids of ``agencies_granted`` in order, the areas' read from the structure's cache: drawing a province's
    area takes longer than a search's own queries."""
    grant = MATRIX[action]

    def granted() -> list[int]:
        if (grant.superuser and staff.is_superuser) or not grant.area:
            return sorted(agencies_granted(staff, action).values_list("pk", flat=True))
        areas, own = _granted_through(staff, grant)
        return sorted({*own, *(pk for unit in areas for pk in agency_ids_of_area(unit))})

    return remembered(("granted", staff.pk, action), granted)


def own_agencies_granted(staff: Staff, memberships: Iterable[Membership], action: Action) -> set[int] | None:
    """The agencies for which ``staff`` holds ``action``, known from their ``memberships`` alone (read once for many
    staff): those where a role holds it for its own agency. None when the grant reaches further (an area role, a
    superuser): ``agencies_granted`` reads those."""
    grant = MATRIX[action]
    memberships = list(memberships)
    if (grant.superuser and staff.is_superuser) or any(membership.role in grant.area for membership in memberships):
        return None
    return {membership.agency_id for membership in memberships if membership.role in grant.own}


def holds(staff: Staff, action: Action) -> bool:
    """Whether ``staff`` holds ``action`` for some agency: whether its page is theirs at all."""
    grant = MATRIX[action]
    return (grant.superuser and staff.is_superuser) or any(m.role in grant.roles for m in memberships_of(staff))


def units_held_over(staff: Staff, action: Action) -> QuerySet[AdminUnit]:
    """The units for every agency of whose area ``staff`` holds ``action``, known without drawing the areas: every unit
    for a superuser, else the units at which, or under which in their own era, they hold an ``area`` role."""
    grant = MATRIX[action]
    if grant.superuser and staff.is_superuser:
        return AdminUnit.objects.all()
    held = staff.memberships.filter(role__in=grant.area).values("agency__unit")
    return AdminUnit.objects.filter(Q(pk__in=held) | Q(parent__in=held) | Q(parent__parent__in=held))


def holds_over(staff: Staff, unit: AdminUnit, action: Action) -> bool:
    """Whether ``unit`` is among ``units_held_over``. One query."""
    return units_held_over(staff, action).filter(pk=unit.pk).exists()


def can(staff: Staff, action: Action, *agencies: Agency | None) -> bool:
    """Whether ``staff`` holds ``action`` for one of ``agencies``."""
    wanted = [agency.pk for agency in agencies if agency is not None]
    return bool(wanted) and agencies_granted(staff, action).filter(pk__in=wanted).exists()


def ensure(staff: Staff | None, action: Action, *agencies: Agency | None) -> None:
    """Refuses (``PermissionDenied``) unless ``staff`` holds ``action`` for one of ``agencies``; ``None`` is the
    portal itself."""
    if staff is not None and not can(staff, action, *agencies):
        raise PermissionDenied(MATRIX[action].refusal)


def roles_for(action: Action) -> frozenset[Role]:
    """The roles that grant ``action``, wherever held."""
    return MATRIX[action].roles


def recording_agencies(staff: Staff) -> QuerySet[Agency]:
    """The agencies on whose behalf ``staff`` records, by name: what a form offers them."""
    return agencies_granted(staff, Action.RECORD).select_related("unit").order_by("name")


def can_record(staff: Staff, *agencies: Agency | None) -> bool:
    return can(staff, Action.RECORD, *agencies)


def ensure_can_record(staff: Staff | None, *agencies: Agency | None) -> None:
    ensure(staff, Action.RECORD, *agencies)


def can_handle(staff: Staff, *agencies: Agency | None) -> bool:
    return can(staff, Action.HANDLE, *agencies)


def ensure_can_handle(staff: Staff | None, *agencies: Agency | None) -> None:
    ensure(staff, Action.HANDLE, *agencies)


def can_resolve(staff: Staff, agency: Agency) -> bool:
    return can(staff, Action.RESOLVE, agency)


def ensure_can_resolve(staff: Staff | None, agency: Agency) -> None:
    ensure(staff, Action.RESOLVE, agency)


def can_approve(staff: Staff, agency: Agency) -> bool:
    return can(staff, Action.APPROVE, agency)


def ensure_can_approve(staff: Staff | None, agency: Agency) -> None:
    ensure(staff, Action.APPROVE, agency)


def can_import(staff: Staff) -> bool:
    return bool(agency_ids_granted(staff, Action.IMPORT))


def ensure_can_import(staff: Staff | None) -> None:
    if staff is not None and not can_import(staff):
        raise PermissionDenied(MATRIX[Action.IMPORT].refusal)


def ensure_can_key_openings(staff: Staff | None, agency: Agency) -> None:
    ensure(staff, Action.OPEN, agency)


def ensure_can_key_management(staff: Staff | None, agency: Agency) -> None:
    """Biểu 06/QLKNTC's figures are keyed in by those who key in the agency's opening figures."""
    ensure(staff, Action.OPEN, agency)


def can_send(staff: Staff, unit: AdminUnit) -> bool:
    """Whether ``staff`` sends the report of ``unit``: a leader or reporter who sees the whole unit."""
    return holds_over(staff, unit, Action.SEND)


def ensure_can_send(staff: Staff | None, unit: AdminUnit) -> None:
    if staff is not None and not can_send(staff, unit):
        raise PermissionDenied(MATRIX[Action.SEND].refusal)


def can_reveal(staff: Staff, agency: Agency) -> bool:
    """Whether ``staff`` may see the denouncer of a petition of ``agency``: with the permission, within their scope."""
    return staff.has_perm(REVEAL_PERMISSION) and can(staff, Action.SEE, agency)


def ensure_can_reveal(staff: Staff, agency: Agency) -> None:
    if not can_reveal(staff, agency):
        raise PermissionDenied("Bạn không có quyền xem danh tính người tố cáo.")


def can_hand_over(staff: Staff, giving: Agency, receiving: Agency) -> bool:
    """Whether ``staff`` may hand the open records of ``giving`` over to ``receiving``: a superuser, or an admin of a
    unit whose area holds both agencies (two memberships each holding one of them are not enough)."""
    grant = MATRIX[Action.HAND_OVER]
    if grant.superuser and staff.is_superuser:
        return True
    units = {giving.unit_id, receiving.unit_id}
    for membership in staff.memberships.filter(role__in=grant.area).select_related("agency__unit"):
        if area_of(membership.agency.unit).filter(pk__in=units).count() == len(units):
            return True
    return False


def ensure_can_hand_over(staff: Staff | None, giving: Agency, receiving: Agency) -> None:
    if staff is not None and not can_hand_over(staff, giving, receiving):
        raise PermissionDenied(MATRIX[Action.HAND_OVER].refusal)
