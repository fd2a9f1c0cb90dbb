# The answer to a citizen on what a reception received (10 working days, Luật Tiếp công dân 2013, Điều 28 khoản 1), and
# the partial index of the visits still awaiting it.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('reception', '0008_session_mode_constraints'),
    ]

    operations = [
        migrations.AddField(
            model_name='visit',
            name='answer_due_on',
            field=models.DateField(blank=True, null=True, verbose_name='hạn trả lời công dân'),
        ),
        migrations.AddField(
            model_name='visit',
            name='answered_on',
            field=models.DateField(blank=True, null=True, verbose_name='ngày trả lời công dân'),
        ),
        migrations.AddIndex(
            model_name='visit',
            index=models.Index(condition=models.Q(('answer_due_on__isnull', False), ('answered_on__isnull', True)), fields=['answer_due_on'], name='visit_awaiting_answer'),
        ),
    ]
