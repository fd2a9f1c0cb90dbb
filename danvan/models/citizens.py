"""Citizens (công dân): the people who come to a reception desk or sign a petition."""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length
from django.db.models.lookups import Exact
from django.utils import timezone

from danvan.inputs import EARLIEST_BIRTH, ascii_digits
from danvan.text import fold

# The one CCCD rule: 12 digits (the check constraint, the validator, the QR reader and the register import use it).
CCCD_DIGITS = 12
CCCD_MESSAGE = f"Số CCCD gồm đúng {CCCD_DIGITS} chữ số."
# ASCII digits: "\d" would take any script's digits, and a number stored in full-width digits would pass the
# uniqueness of the same number in ASCII ones (what is typed is first written 0–9: danvan.inputs.ascii_digits).
cccd_validator = RegexValidator(rf"^[0-9]{{{CCCD_DIGITS}}}$", CCCD_MESSAGE)


def is_cccd(text: str) -> bool:
    """Whether ``text`` is a CCCD number as written: exactly its 12 digits, 0–9."""
    return len(text) == CCCD_DIGITS and text.isascii() and text.isdigit()


class Citizen(models.Model):
    class Gender(models.TextChoices):
        MALE = "male", "Nam"
        FEMALE = "female", "Nữ"

    full_name = models.CharField("họ và tên", max_length=150)
    # Folded name (no diacritics, lower case), kept so that a name search can use an index on every database.
    search_name = models.CharField(max_length=150, editable=False, db_index=True)
    cccd = models.CharField(
        "số CCCD", max_length=CCCD_DIGITS, null=True, blank=True, unique=True, validators=[cccd_validator]
    )
    birth_date = models.DateField("ngày sinh", null=True, blank=True)
    gender = models.CharField("giới tính", max_length=10, choices=Gender.choices, blank=True)
    address = models.CharField("địa chỉ", max_length=300, blank=True)
    phone = models.CharField("điện thoại", max_length=20, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "công dân"
        verbose_name_plural = "công dân"
        constraints = [
            models.CheckConstraint(
                condition=Q(cccd__isnull=True) | Q(Exact(Length("cccd"), CCCD_DIGITS)), name="citizen_cccd_12"
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args, **kwargs) -> None:
        self.search_name = fold(self.full_name)
        self.cccd = ascii_digits(self.cccd or "") or None
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if self.birth_date and not EARLIEST_BIRTH <= self.birth_date <= timezone.localdate():
            raise ValidationError(
                {"birth_date": f"Ngày sinh phải từ {EARLIEST_BIRTH:%d/%m/%Y} đến hôm nay: hãy kiểm tra lại."}
            )

    @property
    def masked_cccd(self) -> str:
        """The CCCD as lists show it: only its last three digits."""
        return f"*********{self.cccd[-3:]}" if self.cccd else ""

    @property
    def cccd_contradicts_birth(self) -> bool:
        """Whether the CCCD's century-and-gender digit or birth-year digits contradict the birth date and gender."""
        return bool(self.cccd) and cccd_contradiction(self.cccd, self.birth_date, self.gender)


def cccd_contradiction(cccd: str, birth_date: date | None, gender: str) -> bool:
    """A CCCD's 4th digit codes century and gender (0/1: 1900s man/woman, 2/3: 2000s, …), its 5th–6th the birth year.

    True when what is known of the person contradicts them.
    """
    if not is_cccd(cccd):
        return False
    code = int(cccd[3])
    if gender and (code % 2 == 1) != (gender == Citizen.Gender.FEMALE):
        return True
    if birth_date is None:
        return False
    century = 1900 + 100 * (code // 2)
    return birth_date.year != century + int(cccd[4:6])
