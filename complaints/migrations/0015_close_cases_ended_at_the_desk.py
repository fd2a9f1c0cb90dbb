# A visit whose citizen was guided or answered on the spot opened a case that never closed: the desk and the register
# import now close it (reception.services.receive_visit). The cases opened that way before are closed here: never
# accepted nor declined, no petition about them, every visit of theirs guided or answered on the spot. The migration
# lives with the petitions, the app that sees both the visits and the petitions of a case.

from django.db import migrations

ENDED_ON_THE_SPOT = ("guided", "answered")


def close_cases_ended_at_the_desk(apps, schema_editor):
    Case = apps.get_model("danvan", "Case")
    Visit = apps.get_model("reception", "Visit")
    Petition = apps.get_model("complaints", "Petition")
    ended = (
        Case.objects.filter(status="open", accepted_on=None, declined_on=None, resolved_on=None)
        .filter(pk__in=Visit.objects.values("case"))
        .exclude(pk__in=Visit.objects.exclude(result__in=ENDED_ON_THE_SPOT).exclude(case=None).values("case"))
        .exclude(pk__in=Petition.objects.exclude(case=None).values("case"))
    )
    ended.update(status="closed")


class Migration(migrations.Migration):

    dependencies = [
        ('complaints', '0014_proposed_handling'),
        ('reception', '0011_visit_documents'),
    ]

    operations = [
        migrations.RunPython(close_cases_ended_at_the_desk, migrations.RunPython.noop, elidable=True),
    ]
