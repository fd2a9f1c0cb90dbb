# A visit whose citizen was guided or answered on the spot opened a case that never closed: the desk and the register
# import now close it (reception.services.receive_visit). The cases opened that way before are closed here: never
# accepted nor declined, no petition about them, every visit of theirs guided or answered on the spot. The migration
# lives with the petitions, the app that sees both the visits and the petitions of a case.

from django.db import migrations
from django.db.models import Exists, OuterRef

ENDED_ON_THE_SPOT = ("guided", "answered")


def close_cases_ended_at_the_desk(apps, schema_editor):
    Case = apps.get_model("danvan", "Case")
    Visit = apps.get_model("reception", "Visit")
    Petition = apps.get_model("complaints", "Petition")
    # Anti-joins (NOT EXISTS), not NOT IN: over a million visits PostgreSQL cannot hash a NOT IN's list in memory and
    # would test every case against every visit (the migration ran for over ten minutes on the benchmark's database).
    visits = Visit.objects.filter(case=OuterRef("pk"))
    ended = Case.objects.filter(status="open", accepted_on=None, declined_on=None, resolved_on=None).filter(
        Exists(visits),
        ~Exists(visits.exclude(result__in=ENDED_ON_THE_SPOT)),
        ~Exists(Petition.objects.filter(case=OuterRef("pk"))),
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
