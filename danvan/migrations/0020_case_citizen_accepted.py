# The header search (issue 18) sorts the accepted cases of the citizens a name matches, latest first: an index by
# citizen and acceptance day that holds what the search filters on lets PostgreSQL do it from the index alone.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('danvan', '0019_search_trigram'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='case',
            index=models.Index(condition=models.Q(('accepted_on__isnull', False)), fields=['citizen', 'accepted_on'], include=('agency', 'kind', 'id'), name='case_citizen_accepted'),
        ),
    ]
