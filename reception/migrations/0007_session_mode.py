# A head's session is periodic (định kỳ) or ad hoc (đột xuất): only a periodic one counts toward the head's minimum.
# Until now every session counted, also the one a đột xuất visit received by the head created. Existing sessions are
# sorted by their visits: a session whose visits are all ad hoc becomes ad hoc; one holding both kinds keeps its
# periodic visits and hands its ad-hoc visits to a new ad-hoc session of the same day; one without visits was recorded
# as a scheduled session and stays periodic. The constraints follow in the next migration, in a transaction of their
# own (PostgreSQL alters no table with pending trigger events).

from django.db import migrations, models

PERIODIC, AD_HOC = "periodic", "ad_hoc"


def sort_sessions_by_their_visits(apps, schema_editor):
    ReceptionSession = apps.get_model("reception", "ReceptionSession")
    Visit = apps.get_model("reception", "Visit")
    ad_hoc = set(Visit.objects.filter(mode=AD_HOC, session__isnull=False).values_list("session_id", flat=True))
    periodic = set(Visit.objects.filter(mode=PERIODIC, session__isnull=False).values_list("session_id", flat=True))
    ReceptionSession.objects.filter(pk__in=ad_hoc - periodic).update(mode=AD_HOC)
    for session in ReceptionSession.objects.filter(pk__in=ad_hoc & periodic):
        moved = ReceptionSession.objects.create(
            agency_id=session.agency_id,
            date=session.date,
            mode=AD_HOC,
            receiver=session.receiver,
            host_name=session.host_name,
            host_title=session.host_title,
            reference=session.reference,
            created_by_id=session.created_by_id,
        )
        Visit.objects.filter(session=session, mode=AD_HOC).update(session=moved)


class Migration(migrations.Migration):

    dependencies = [
        ('reception', '0006_visit_date_ways_and_case'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='receptionsession',
            name='session_unique_per_day',
        ),
        migrations.AddField(
            model_name='receptionsession',
            name='mode',
            field=models.CharField(choices=[('periodic', 'Định kỳ'), ('ad_hoc', 'Đột xuất')], default='periodic', max_length=10, verbose_name='hình thức tiếp'),
        ),
        migrations.RunPython(sort_sessions_by_their_visits, migrations.RunPython.noop),
    ]
