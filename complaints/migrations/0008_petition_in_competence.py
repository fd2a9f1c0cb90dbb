# The petitions within competence, from the index alone: 02/XLD's matters and second rounds and the matters of 03/GQKN
# and 04/GQTC (TT 06/2025) read them among a window's petitions (a third of them; the table is three times wider).

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('complaints', '0007_tt06_facts'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='petition',
            index=models.Index(condition=models.Q(('in_competence', True), ('processable', True)), fields=['received_on'], include=('handled_on', 'agency', 'kind', 'case'), name='petition_in_competence'),
        ),
    ]
