# The second-round complaints and repeat denunciations, few among the cases: 02/XLD (TT 06/2025) tests a window's
# petitions within competence against them (a hashed IN over this small index, instead of joining every petition to its
# case).

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
    ]
