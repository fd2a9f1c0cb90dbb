# Register jobs note when they last made progress, so that one whose worker died is failed after a while (the setting
# REGISTER_JOB_STALLED_AFTER) instead of showing "Đang kiểm tra" forever. A job running when this is applied counts
# from now.

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('registers', '0003_value_mappings'),
    ]

    operations = [
        migrations.AddField(
            model_name='registerexport',
            name='progress_at',
            field=models.DateTimeField(default=django.utils.timezone.now, verbose_name='có tiến độ lúc'),
        ),
        migrations.AddField(
            model_name='registerimport',
            name='progress_at',
            field=models.DateTimeField(default=django.utils.timezone.now, verbose_name='có tiến độ lúc'),
        ),
    ]
