# One session per agency, day, mode, receiver and reference; a session is periodic or ad hoc (see 0007).

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('reception', '0007_session_mode'),
    ]

    operations = [
        migrations.AddConstraint(
            model_name='receptionsession',
            constraint=models.UniqueConstraint(fields=('agency', 'date', 'mode', 'receiver', 'reference'), name='session_unique_per_day_and_mode'),
        ),
        migrations.AddConstraint(
            model_name='receptionsession',
            constraint=models.CheckConstraint(condition=models.Q(('mode__in', ('periodic', 'ad_hoc'))), name='session_periodic_or_ad_hoc'),
        ),
    ]
