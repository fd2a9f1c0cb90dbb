import unicodedata

import django.core.validators
from django.db import migrations, models


def _ascii_digits(text):
    return "".join(char if (digit := unicodedata.decimal(char, None)) is None else str(digit) for char in text)


def write_cccds_in_ascii_digits(apps, schema_editor):
    """A CCCD stored as typed in another script's digits (full-width, Arabic-Indic) is written 0-9, unless another
    citizen already has that number: then both stay, for staff to tell whether they are one person."""
    Citizen = apps.get_model("danvan", "Citizen")
    numbers = Citizen.objects.filter(cccd__isnull=False).values_list("pk", "cccd")
    typed = [(pk, cccd) for pk, cccd in numbers.iterator(chunk_size=10_000) if not cccd.isascii()]
    for pk, cccd in typed:
        digits = _ascii_digits(cccd)
        if not Citizen.objects.filter(cccd=digits).exists():
            Citizen.objects.filter(pk=pk).update(cccd=digits)


class Migration(migrations.Migration):

    dependencies = [
        ('danvan', '0020_case_citizen_accepted'),
    ]

    operations = [
        migrations.AlterField(
            model_name='citizen',
            name='cccd',
            field=models.CharField(blank=True, max_length=12, null=True, unique=True, validators=[django.core.validators.RegexValidator('^[0-9]{12}$', 'Số CCCD gồm đúng 12 chữ số.')], verbose_name='số CCCD'),
        ),
        migrations.RunPython(write_cccds_in_ascii_digits, migrations.RunPython.noop),
    ]
