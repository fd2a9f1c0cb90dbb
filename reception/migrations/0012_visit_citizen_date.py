# The header search (issue 18) sorts the records of the citizens a name matches, latest first: an index by citizen and
# date that holds what the search filters on lets PostgreSQL do it from the index alone.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('reception', '0011_visit_documents'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='visit',
            index=models.Index(fields=['citizen', 'received_on'], include=('received_time', 'agency', 'kind', 'id'), name='visit_citizen_date'),
        ),
    ]
