# The clocks of issue 15 on the petition: a denunciation checked in several places (10 working days of initial handling),
# the forwarding of a denunciation outside competence (5 working days), the result told to the forwarding body (7
# working days after the resolution), and the partial indexes their overdue filters read.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('complaints', '0010_case_steps'),
    ]

    operations = [
        migrations.AddField(
            model_name='petition',
            name='forward_due_on',
            field=models.DateField(blank=True, null=True, verbose_name='hạn chuyển đơn tố cáo'),
        ),
        migrations.AddField(
            model_name='petition',
            name='forwarder_notice_number',
            field=models.CharField(blank=True, max_length=50, verbose_name='số văn bản thông báo kết quả'),
        ),
        migrations.AddField(
            model_name='petition',
            name='forwarder_notified_on',
            field=models.DateField(blank=True, null=True, verbose_name='ngày thông báo kết quả cho cơ quan chuyển đơn'),
        ),
        migrations.AddField(
            model_name='petition',
            name='several_places',
            field=models.BooleanField(default=False, verbose_name='phải kiểm tra, xác minh tại nhiều nơi hoặc ủy quyền'),
        ),
        migrations.AddIndex(
            model_name='petition',
            index=models.Index(condition=models.Q(('forward_due_on__isnull', False), ('forward_letter_date__isnull', True)), fields=['forward_due_on'], name='petition_forward_pending'),
        ),
        migrations.AddIndex(
            model_name='petition',
            index=models.Index(condition=models.Q(('forwarder_notified_on__isnull', True), ('source__in', ('forwarded', 'elected_body'))), fields=['case'], name='petition_notify_pending'),
        ),
    ]
