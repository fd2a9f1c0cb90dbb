"""Reads of administrative units: a code resolved by its width and a date, the units under a unit."""

from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import Model, Q, QuerySet

from danvan.models import AdminUnit, Event, UnitSuccession

_LEVEL_OF_WIDTH = {width: level for level, width in AdminUnit.CODE_WIDTH.items()}


def level_of_code(code: str) -> str:
    """The level a code names by its width: 2 digits a province, 3 a district, 5 a commune."""
    if not (code.isascii() and code.isdigit()) or len(code) not in _LEVEL_OF_WIDTH:
        raise ValidationError(
            f"Mã đơn vị hành chính “{code}” không hợp lệ: mã tỉnh có 2 chữ số, mã huyện 3 chữ số, mã xã 5 chữ số."
        )
    return _LEVEL_OF_WIDTH[len(code)]


def resolve_unit(code: str, *, on: date) -> AdminUnit:
    """The unit a code names on a date: "52" is Tỉnh Bình Định on 01/01/2024 and Tỉnh Gia Lai on 01/01/2026."""
    level = level_of_code(code)
    try:
        return AdminUnit.objects.valid_on(on).get(level=level, code=code)
    except AdminUnit.DoesNotExist:
        raise ValidationError(f"Không có đơn vị hành chính mã “{code}” vào ngày {on:%d/%m/%Y}.") from None


def units_under(unit: AdminUnit) -> QuerySet[AdminUnit]:
    """The unit and every unit below it in its own era, in one query (the tree is at most three tiers deep)."""
    children = AdminUnit.objects.filter(parent=unit.pk).values("pk")
    # Subqueries rather than a join on the parent: the database reads the small set of children once.
    return AdminUnit.objects.filter(Q(pk=unit.pk) | Q(parent=unit.pk) | Q(parent__in=children))


def area_of(unit: AdminUnit) -> QuerySet[AdminUnit]:
    """The units under ``unit`` and the units of the earlier era that went into them in the 2025 reform.

    A leader of the new Tỉnh Gia Lai thus sees the records kept before 01/07/2025 by the old provinces, districts and
    communes that make up the province today.
    """
    under = units_under(unit).values("pk")
    earlier = UnitSuccession.objects.filter(new__in=under).values("old")
    return AdminUnit.objects.filter(Q(pk__in=under) | Q(pk__in=earlier))


def timeline_of(subject: Model) -> QuerySet[Event]:
    """The steps taken on a record, in the order they happened."""
    return Event.objects.filter(
        subject_type=ContentType.objects.get_for_model(subject), subject_id=subject.pk
    ).select_related("by")
