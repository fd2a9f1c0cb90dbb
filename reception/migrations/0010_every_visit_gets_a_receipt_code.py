# Every visit gets its stable code (TD-…), not only those that handed over documents: the register writes it in Mã hồ
# sơ, so that importing an export finds the visit, and the citizen looks the visit up by it. The generator is inlined
# (danvan.codes draws the same codes): a migration never imports the project's code.

import secrets

from django.db import migrations

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
BATCH = 2000


def give_codes(apps, schema_editor):
    Visit = apps.get_model("reception", "Visit")
    taken = set(Visit.objects.exclude(receipt_code=None).values_list("receipt_code", flat=True))
    while pks := list(Visit.objects.filter(receipt_code=None).values_list("pk", flat=True)[:BATCH]):
        visits = []
        for pk in pks:
            code = None
            while code is None or code in taken:
                code = "TD-" + "".join(secrets.choice(ALPHABET) for _ in range(8))
            taken.add(code)
            visits.append(Visit(pk=pk, receipt_code=code))
        Visit.objects.bulk_update(visits, ["receipt_code"])


class Migration(migrations.Migration):

    dependencies = [
        ('reception', '0009_visit_answer_clock'),
    ]

    operations = [
        migrations.RunPython(give_codes, migrations.RunPython.noop, elidable=True),
    ]
