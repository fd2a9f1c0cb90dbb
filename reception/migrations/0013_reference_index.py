# An index of the agencies' own references (Mã hồ sơ), where not empty: a register import looks each row's Mã hồ sơ
# up among them (danvan.sheets.codes.recorded_rows), and without it scanned the whole table once per chunk of rows.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('reception', '0012_visit_citizen_date'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='visit',
            index=models.Index(condition=models.Q(('reference', ''), _negated=True), fields=['reference'], name='visit_reference'),
        ),
    ]
