from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("complaints", "0021_one_open_suspension_left"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name="suspension",
            constraint=models.UniqueConstraint(
                condition=models.Q(("resumed_on__isnull", True)),
                fields=("case",),
                name="suspension_one_open_per_case",
                violation_error_message="Vụ việc đang tạm dừng tính thời hạn (tạm đình chỉ hoặc giám định).",
            ),
        ),
    ]
