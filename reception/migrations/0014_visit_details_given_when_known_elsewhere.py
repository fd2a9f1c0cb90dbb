# The details a visit keeps of a person when its citizen is known elsewhere (danvan.models.GivenDetails): matched by
# the CCCD typed, outside the sight of the staff recording it, the visit shows these instead of the citizen's stored
# ones. Added by ALTER TABLE on both databases: Django's AddField of a NOT NULL column rebuilds the table on SQLite,
# which would drop the tally's triggers (reports/migrations/0003). Every visit so far has its citizen in sight: the
# columns start empty.

from django.db import migrations, models

TABLE = "reception_visit"
COLUMNS = (
    ("given_name", "varchar(150) NOT NULL DEFAULT ''"),
    ("given_birth_date", "date NULL"),
    ("given_gender", "varchar(10) NOT NULL DEFAULT ''"),
    ("given_address", "varchar(300) NOT NULL DEFAULT ''"),
    ("given_phone", "varchar(20) NOT NULL DEFAULT ''"),
)


class Migration(migrations.Migration):

    dependencies = [
        ('reception', '0013_reference_index'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL(
                    f"ALTER TABLE {TABLE} ADD COLUMN {name} {definition}", f"ALTER TABLE {TABLE} DROP COLUMN {name}"
                )
                for name, definition in COLUMNS
            ],
            state_operations=[
                migrations.AddField(
                    model_name='visit',
                    name='given_name',
                    field=models.CharField(blank=True, max_length=150, verbose_name='họ và tên như đã khai'),
                ),
                migrations.AddField(
                    model_name='visit',
                    name='given_birth_date',
                    field=models.DateField(blank=True, null=True, verbose_name='ngày sinh như đã khai'),
                ),
                migrations.AddField(
                    model_name='visit',
                    name='given_gender',
                    field=models.CharField(blank=True, choices=[('male', 'Nam'), ('female', 'Nữ')], max_length=10, verbose_name='giới tính như đã khai'),
                ),
                migrations.AddField(
                    model_name='visit',
                    name='given_address',
                    field=models.CharField(blank=True, max_length=300, verbose_name='địa chỉ như đã khai'),
                ),
                migrations.AddField(
                    model_name='visit',
                    name='given_phone',
                    field=models.CharField(blank=True, max_length=20, verbose_name='điện thoại như đã khai'),
                ),
            ],
        ),
    ]
