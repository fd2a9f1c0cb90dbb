# visit_date also carries the way of reception (mode, receiver) and the case: 01/TCD (TT 06/2025) reads a window's
# visits from the index alone, without the table. It replaces the index it widens, so an import writes no more indexes.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('reception', '0005_visit_kind'),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='visit',
            name='visit_date',
        ),
        migrations.AddIndex(
            model_name='visit',
            index=models.Index(fields=['received_on'], include=('agency', 'people', 'mode', 'receiver', 'case'), name='visit_date'),
        ),
    ]
