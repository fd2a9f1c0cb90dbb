# Visit.classification becomes Visit.kind, the name Petition and Case use. Only Django's record of the model changes:
# the column keeps its name (db_column), so its index, the tally triggers and the stored rows stay as they are.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('reception', '0004_agency_served_by_composite_indexes'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.RemoveIndex(
                    model_name='visit',
                    name='visit_class_date',
                ),
                migrations.AlterField(
                    model_name='visit',
                    name='classification',
                    field=models.CharField(choices=[('complaint', 'Khiếu nại'), ('denunciation', 'Tố cáo'), ('recommendation', 'Kiến nghị, phản ánh')], db_column='classification', max_length=20, verbose_name='phân loại'),
                ),
                migrations.RenameField(
                    model_name='visit',
                    old_name='classification',
                    new_name='kind',
                ),
                migrations.AddIndex(
                    model_name='visit',
                    index=models.Index(fields=['kind', 'received_on'], name='visit_class_date'),
                ),
            ],
        ),
    ]
