# The header search (issue 18) sorts the records of the citizens a name matches, latest first: an index by citizen and
# date that holds what the search filters on lets PostgreSQL do it from the index alone.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('complaints', '0015_close_cases_ended_at_the_desk'),
        ('reception', '0010_every_visit_gets_a_receipt_code'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='petition',
            index=models.Index(fields=['citizen', 'received_on'], include=('agency', 'forwarded_to', 'kind', 'id'), name='petition_citizen_received'),
        ),
    ]
