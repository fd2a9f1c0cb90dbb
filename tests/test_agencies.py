import pytest
from django.core.management import CommandError, call_command

from danvan.models import AdminUnit, Agency
from danvan.selectors import units_under
from danvan.services import create_standard_agencies
from tests.factories import current_unit, legacy_unit

pytestmark = pytest.mark.django_db


def _names(unit):
    return dict(Agency.objects.filter(unit=unit).values_list("kind", "name"))


def test_a_province_gets_its_six_standard_agencies():
    gia_lai = current_unit("52")

    create_standard_agencies(province=gia_lai)

    assert _names(gia_lai) == {
        "committee": "Ủy ban nhân dân tỉnh Gia Lai",
        "party": "Tỉnh ủy Gia Lai",
        "council": "Hội đồng nhân dân tỉnh Gia Lai",
        "assembly_delegation": "Đoàn đại biểu Quốc hội tỉnh Gia Lai",
        "reception_office": "Ban Tiếp công dân tỉnh Gia Lai",
        "inspectorate": "Thanh tra tỉnh Gia Lai",
    }


def test_a_commune_gets_a_committee_a_party_committee_and_a_council():
    create_standard_agencies(province=current_unit("52"))

    assert _names(current_unit("23764")) == {
        "committee": "Ủy ban nhân dân xã Ia Grai",
        "party": "Đảng ủy xã Ia Grai",
        "council": "Hội đồng nhân dân xã Ia Grai",
    }


def test_an_old_city_district_has_a_city_party_committee():
    create_standard_agencies(province=legacy_unit("64"))

    assert _names(AdminUnit.objects.get(code="622"))["party"] == "Thành ủy Pleiku"


def test_every_unit_under_the_province_gets_its_agencies():
    province = legacy_unit("64")

    created = create_standard_agencies(province=province)

    units = units_under(province).count()
    assert created == Agency.objects.filter(unit__in=units_under(province)).count() == 6 + 3 * (units - 1)


def test_creating_standard_agencies_twice_creates_nothing_more():
    create_standard_agencies(province=current_unit("52"))

    assert create_standard_agencies(province=current_unit("52")) == 0


def test_the_command_creates_agencies_for_a_code_in_both_eras():
    call_command("load_admin_units", "--agencies", "52", stdout=None)

    committees = Agency.objects.filter(kind=Agency.Kind.COMMITTEE, unit__level="province")
    assert sorted(committees.values_list("name", flat=True)) == [
        "Ủy ban nhân dân tỉnh Bình Định",
        "Ủy ban nhân dân tỉnh Gia Lai",
    ]


def test_the_command_refuses_a_code_that_is_not_a_province():
    with pytest.raises(CommandError, match="“622” không phải mã tỉnh"):
        call_command("load_admin_units", "--agencies", "622")
