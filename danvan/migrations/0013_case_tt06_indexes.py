# What the TT 06/2025 forms read of the cases, from small indexes instead of the table:
# - the second-round complaints and repeat denunciations, few among the cases: 02/XLD tests a window's petitions within
#   competence against them (a hashed IN over this index, instead of joining every petition to its case);
# - the complaints and denunciations with their agency, kind, round and acceptance: the matters of 03/GQKN and 04/GQTC,
#   and the case of each decision of 03/GQKN to 05/KQTH.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('danvan', '0012_case_declined_on'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='case',
            index=models.Index(condition=models.Q(('round', 'second'), ('repeat_denunciation', True), _connector='OR'), fields=['id'], name='case_second_round'),
        ),
        migrations.AddIndex(
            model_name='case',
            index=models.Index(condition=models.Q(('kind__in', ['complaint', 'denunciation'])), fields=['id'], include=('agency', 'kind', 'round', 'repeat_denunciation', 'accepted_on', 'declined_on'), name='case_resolvable'),
        ),
    ]
