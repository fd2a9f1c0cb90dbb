# Dialogues and voter meetings get a stable code of their own prefix (HN-…): the register writes it in Mã hồ sơ, so
# that importing an export finds the dialogue. The portal issued no dialogue code before; what the registers carried in
# Mã hồ sơ (the demo's "DT-000123") stays the dialogue's reference, searchable as before. The generator is inlined
# (danvan.codes draws the same codes): a migration never imports the project's code. The column becomes unique and
# required in the next migration: PostgreSQL alters no table with pending trigger events in the same transaction.

import secrets

from django.db import migrations, models

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
BATCH = 2000


def give_codes(apps, schema_editor):
    Dialogue = apps.get_model("dialogues", "Dialogue")
    taken = set()
    while pks := list(Dialogue.objects.filter(code=None).values_list("pk", flat=True)[:BATCH]):
        dialogues = []
        for pk in pks:
            code = None
            while code is None or code in taken:
                code = "HN-" + "".join(secrets.choice(ALPHABET) for _ in range(8))
            taken.add(code)
            dialogues.append(Dialogue(pk=pk, code=code))
        Dialogue.objects.bulk_update(dialogues, ["code"])


class Migration(migrations.Migration):

    dependencies = [
        ('dialogues', '0002_alter_dialogue_minutes_file'),
    ]

    operations = [
        migrations.AddField(
            model_name='dialogue',
            name='code',
            field=models.CharField(max_length=20, null=True, verbose_name='mã hội nghị'),
        ),
        migrations.RunPython(give_codes, migrations.RunPython.noop),
    ]
