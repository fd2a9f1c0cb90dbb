# Every dialogue has its code (0003): it becomes required and unique.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('dialogues', '0003_dialogue_code'),
    ]

    operations = [
        migrations.AlterField(
            model_name='dialogue',
            name='code',
            field=models.CharField(max_length=20, unique=True, verbose_name='mã hội nghị'),
        ),
    ]
