from datetime import date

import pytest
from django.core.exceptions import ValidationError

from danvan.models import AdminUnit, UnitSuccession
from danvan.selectors import area_of, resolve_unit, units_under
from danvan.unit_loader import load_admin_units
from tests.factories import current_unit, legacy_unit

pytestmark = pytest.mark.django_db

PROVINCE, DISTRICT, COMMUNE = AdminUnit.Level.PROVINCE, AdminUnit.Level.DISTRICT, AdminUnit.Level.COMMUNE


def _count(level, *, legacy):
    return AdminUnit.objects.filter(level=level, valid_from__isnull=legacy).count()


def test_the_whole_country_is_loaded_in_both_eras():
    counts = {
        "legacy": [_count(level, legacy=True) for level in (PROVINCE, DISTRICT, COMMUNE)],
        "current": [_count(level, legacy=False) for level in (PROVINCE, DISTRICT, COMMUNE)],
    }

    assert counts == {"legacy": [63, 696, 10051], "current": [34, 0, 3321]}


def test_loading_again_changes_nothing():
    before = AdminUnit.objects.count(), UnitSuccession.objects.count()

    result = load_admin_units()

    assert (result.created, result.updated, result.successions_created) == (0, 0, 0)
    assert (AdminUnit.objects.count(), UnitSuccession.objects.count()) == before


def test_reloading_keeps_the_remote_area_flag_set_by_an_admin():
    commune = current_unit("23764")
    commune.remote_area = True
    commune.save()

    load_admin_units()

    commune.refresh_from_db()
    assert commune.remote_area is True


def test_province_code_52_is_binh_dinh_before_the_reform():
    assert resolve_unit("52", on=date(2024, 1, 1)).name == "Tỉnh Bình Định"


def test_province_code_52_is_gia_lai_after_the_reform():
    assert resolve_unit("52", on=date(2026, 1, 1)).name == "Tỉnh Gia Lai"


def test_the_last_day_of_the_old_era_still_resolves_to_the_old_unit():
    assert resolve_unit("52", on=date(2025, 6, 30)).valid_to == date(2025, 6, 30)


def test_the_width_of_a_code_names_its_level():
    resolved = [resolve_unit(code, on=date(2024, 1, 1)).name for code in ("01", "001", "00001")]

    assert resolved == ["Thành phố Hà Nội", "Quận Ba Đình", "Phường Phúc Xá"]


def test_a_district_code_does_not_resolve_after_districts_were_abolished():
    with pytest.raises(ValidationError) as error:
        resolve_unit("622", on=date(2026, 1, 1))

    assert error.value.messages == ["Không có đơn vị hành chính mã “622” vào ngày 01/01/2026."]


def test_a_code_of_the_wrong_width_is_refused_with_a_vietnamese_message():
    with pytest.raises(ValidationError) as error:
        resolve_unit("5200", on=date(2026, 1, 1))

    assert error.value.messages == [
        "Mã đơn vị hành chính “5200” không hợp lệ: mã tỉnh có 2 chữ số, mã huyện 3 chữ số, mã xã 5 chữ số."
    ]


def test_all_units_under_old_gia_lai_are_its_17_districts_and_their_communes():
    under = units_under(legacy_unit("64"))
    by_level = {level: under.filter(level=level).count() for level in (PROVINCE, DISTRICT, COMMUNE)}

    assert by_level == {
        PROVINCE: 1,
        DISTRICT: 17,
        COMMUNE: AdminUnit.objects.filter(parent__parent__code="64", valid_from__isnull=True).count(),
    }
    assert by_level[COMMUNE] > 200


def test_all_units_under_new_gia_lai_are_its_135_communes():
    under = units_under(current_unit("52"))

    assert (under.filter(level=PROVINCE).count(), under.filter(level=COMMUNE).count()) == (1, 135)


def test_all_units_under_a_province_is_one_query(django_assert_num_queries):
    province = legacy_unit("64")

    with django_assert_num_queries(1):
        list(units_under(province))


def test_the_area_of_new_gia_lai_includes_old_gia_lai_and_binh_dinh_with_their_districts():
    area = area_of(current_unit("52"))

    old_provinces = sorted(area.filter(level=PROVINCE, valid_from__isnull=True).values_list("name", flat=True))
    old_districts = area.filter(level=DISTRICT).count()
    assert (old_provinces, old_districts) == (
        ["Tỉnh Bình Định", "Tỉnh Gia Lai"],
        AdminUnit.objects.filter(level=DISTRICT, parent__code__in=["52", "64"]).count(),
    )


def test_the_area_of_a_new_commune_is_itself_and_the_old_communes_merged_into_it():
    ia_grai = current_unit("23764")

    area = set(area_of(ia_grai))

    assert area == {ia_grai, *AdminUnit.objects.filter(successors=ia_grai)}
    assert len(area) > 1


def test_a_split_province_goes_partly_into_each_new_province():
    tien_giang = legacy_unit("82")

    successors = UnitSuccession.objects.filter(old=tien_giang).values_list("new__code", "partly")

    assert sorted(successors) == [("80", True), ("82", True)]
