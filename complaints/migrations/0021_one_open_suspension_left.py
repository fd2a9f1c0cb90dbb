# Two suspensions submitted at the same moment (a double click, two people) could both be stored open before the
# service locked the case's row: the case then had two open suspensions, and resuming closed only one of them. The
# next migration lets a case have one open suspension at a time; this one leaves each case its earliest open
# suspension (by day, then as stored) and deletes the later open ones, which repeat a decision the case's timeline
# already shows (each submit wrote its own "Tạm đình chỉ" entry there). The case stands still from the day it keeps.

from django.db import migrations
from django.db.models import Count


def leave_one_open_suspension(apps, schema_editor):
    Suspension = apps.get_model("complaints", "Suspension")
    Case = apps.get_model("danvan", "Case")
    open_suspensions = Suspension.objects.filter(resumed_on__isnull=True)
    doubled = open_suspensions.values("case").annotate(open=Count("pk")).filter(open__gt=1).values_list("case", flat=True)
    for case in doubled:
        kept, *later = open_suspensions.filter(case=case).order_by("suspended_on", "pk")
        Suspension.objects.filter(pk__in=[suspension.pk for suspension in later]).delete()
        Case.objects.filter(pk=case).update(suspended_since=kept.suspended_on)


class Migration(migrations.Migration):

    dependencies = [
        ("complaints", "0020_reference_index"),
        ("danvan", "0020_case_citizen_accepted"),
    ]

    operations = [
        migrations.RunPython(leave_one_open_suspension, migrations.RunPython.noop, elidable=True),
    ]
