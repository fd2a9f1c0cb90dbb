"""A person as given at a record (a visit, a petition) whose citizen is on record elsewhere.

Typing a CCCD that belongs to a citizen outside the recording staff's sight links the record to that citizen, whose
stored details stay theirs to see and correct (danvan.citizens.register_citizen): the record keeps the details as
given there and shows them instead, and it does not put the citizen within its agency's sight (danvan.scope).
"""

from django.db import models

from danvan.models.cases import Classification
from danvan.models.citizens import Citizen

# Each detail a record keeps as given, by the citizen's field it stands for (the CCCD is the citizen's: it matched).
GIVEN_FIELDS = {
    "full_name": "given_name",
    "birth_date": "given_birth_date",
    "gender": "given_gender",
    "address": "given_address",
    "phone": "given_phone",
}


def shown_detail(row: object, name: str) -> object:
    """The citizen's detail ``name`` as a record (or a row of an export reading ``given_…`` and ``citizen__…``)
    shows it: as given when its citizen is known elsewhere, else as stored."""
    if row.given_name and name in GIVEN_FIELDS:
        return getattr(row, GIVEN_FIELDS[name])
    return getattr(row, f"citizen__{name}")


class GivenDetails(models.Model):
    """The details a record keeps when its citizen is known elsewhere; all empty otherwise. The record has a ``citizen``
    and a ``kind``."""

    given_name = models.CharField("họ và tên như đã khai", max_length=150, blank=True)
    given_birth_date = models.DateField("ngày sinh như đã khai", null=True, blank=True)
    given_gender = models.CharField("giới tính như đã khai", max_length=10, choices=Citizen.Gender.choices, blank=True)
    given_address = models.CharField("địa chỉ như đã khai", max_length=300, blank=True)
    given_phone = models.CharField("điện thoại như đã khai", max_length=20, blank=True)

    class Meta:
        abstract = True

    @property
    def known_elsewhere(self) -> bool:
        """Whether the record's citizen was matched by CCCD outside the sight of the staff who recorded it."""
        return bool(self.given_name)

    def keep_given(self, person) -> None:
        """Keeps what ``person`` (details typed, or another record's ``person``) says as this record's own."""
        for name, given in GIVEN_FIELDS.items():
            setattr(self, given, getattr(person, name))

    @property
    def person(self) -> Citizen | None:
        """The person as the record shows them: its citizen, or one known elsewhere as given here (an unsaved
        citizen with the CCCD that matched, which was typed here too)."""
        if not self.known_elsewhere or self.citizen is None:
            return self.citizen
        return Citizen(cccd=self.citizen.cccd, **{name: getattr(self, given) for name, given in GIVEN_FIELDS.items()})

    @property
    def citizen_of_case(self) -> Citizen | None:
        """The citizen a case this record opens names: none for a denouncer, whose identity is confidential (Luật Tố
        cáo, Điều 47), nor for a citizen known elsewhere, whose stored details the case's pages would show."""
        if self.kind == Classification.DENUNCIATION or self.known_elsewhere:
            return None
        return self.citizen
