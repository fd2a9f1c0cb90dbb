import pytest

from danvan.unit_loader import load_admin_units
from tests.factories import AgencyFactory, current_unit, legacy_unit
from tests.shared_data import reference_data_again


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test database holds the whole country, both eras, as production does."""
    with django_db_blocker.unblock():
        load_admin_units()


@pytest.fixture(scope="module")
def country_loaded_again(django_db_blocker):
    """For a module of tests that commit (``transaction=True``): the flush after each of them empties the database, so
    the tests this process runs after them (under pytest-xdist, any module) find the country and the shipped calendar
    again, as the session set them up. Ask for it with ``pytest.mark.usefixtures("country_loaded_again")``."""
    yield
    with django_db_blocker.unblock():
        reference_data_again()


@pytest.fixture
def gia_lai(db):
    """Tỉnh Gia Lai since 01/07/2025 (code 52, formerly Bình Định's)."""
    return current_unit("52")


@pytest.fixture
def committee_of_ia_grai(db):
    return AgencyFactory(unit=current_unit("23764"))


@pytest.fixture
def committee_of_pleiku(db):
    return AgencyFactory(unit=current_unit("23575"))


@pytest.fixture
def committee_of_gia_lai(gia_lai):
    return AgencyFactory(unit=gia_lai)


@pytest.fixture
def committee_of_old_gia_lai(db):
    """The People's Committee of the old Tỉnh Gia Lai (code 64), until 30/06/2025."""
    return AgencyFactory(unit=legacy_unit("64"))
