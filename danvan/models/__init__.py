from danvan.models.agencies import Agency
from danvan.models.calendar import DayOverride
from danvan.models.staff import Membership, Role, Staff
from danvan.models.units import AdminUnit, UnitSuccession

__all__ = ["AdminUnit", "Agency", "DayOverride", "Membership", "Role", "Staff", "UnitSuccession"]
