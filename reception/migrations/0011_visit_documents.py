# What the citizen handed over, listed on the receipt slip: a column of its own (the slip listed the visit's notes).
# Added by ALTER TABLE with a default on both databases: Django's AddField of a NOT NULL column rebuilds the table on
# SQLite, which would drop the tally's triggers (reports/migrations/0003). The visits that handed documents over keep
# what their slip listed: their notes.

from django.db import migrations, models


def documents_from_notes(apps, schema_editor):
    Visit = apps.get_model("reception", "Visit")
    Visit.objects.filter(documents_received=True, documents="").exclude(notes="").update(documents=models.F("notes"))


class Migration(migrations.Migration):

    dependencies = [
        ('reception', '0010_every_visit_gets_a_receipt_code'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL(
                    "ALTER TABLE reception_visit ADD COLUMN documents text NOT NULL DEFAULT ''",
                    "ALTER TABLE reception_visit DROP COLUMN documents",
                ),
            ],
            state_operations=[
                migrations.AddField(
                    model_name='visit',
                    name='documents',
                    field=models.TextField(blank=True, verbose_name='giấy tờ, tài liệu nhận'),
                ),
            ],
        ),
        migrations.RunPython(documents_from_notes, migrations.RunPython.noop, elidable=True),
    ]
