from danvan.models.agencies import Agency
from danvan.models.audit import AuditEntry
from danvan.models.calendar import CalendarRecompute, DayOverride
from danvan.models.cases import Case, Classification, SubjectField
from danvan.models.citizens import Citizen
from danvan.models.events import Event
from danvan.models.given import GivenDetails
from danvan.models.staff import Membership, Role, Staff
from danvan.models.units import AdminUnit, UnitSuccession

__all__ = [
    "AdminUnit",
    "Agency",
    "AuditEntry",
    "CalendarRecompute",
    "Case",
    "Citizen",
    "Classification",
    "DayOverride",
    "Event",
    "GivenDetails",
    "Membership",
    "Role",
    "Staff",
    "SubjectField",
    "UnitSuccession",
]
