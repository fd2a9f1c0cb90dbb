# The register imports moved from the core app (danvan) to this app: the tables stay as they are (danvan 0005 made
# them), only Django's record of which app holds the models changes.

import django.core.validators
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('danvan', '0005_registerimport_importedrow_and_more'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='RegisterImport',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('file', models.FileField(upload_to='nhap-so/%Y/%m/', validators=[django.core.validators.FileExtensionValidator(['xlsx', 'xlsm', 'xls', 'ods'])], verbose_name='tệp Excel')),
                        ('filename', models.CharField(max_length=255, verbose_name='tên tệp')),
                        ('status', models.CharField(choices=[('queued', 'Đang chờ xử lý'), ('checking', 'Đang kiểm tra'), ('checked', 'Đã kiểm tra, chờ xác nhận'), ('invalid', 'Có lỗi, chưa nhập'), ('writing', 'Đang ghi dữ liệu'), ('done', 'Đã nhập xong'), ('failed', 'Không nhập được')], default='queued', max_length=10, verbose_name='tình trạng')),
                        ('rows_total', models.PositiveIntegerField(default=0, verbose_name='số dòng')),
                        ('rows_done', models.PositiveIntegerField(default=0, verbose_name='số dòng đã xử lý')),
                        ('counts', models.JSONField(blank=True, default=dict, verbose_name='số liệu theo sheet')),
                        ('problems', models.JSONField(blank=True, default=list, verbose_name='lỗi')),
                        ('message', models.TextField(blank=True, verbose_name='thông báo')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('finished_at', models.DateTimeField(blank=True, null=True, verbose_name='hoàn thành lúc')),
                        ('created_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'danvan_registerimport',
                        'verbose_name': 'lần nhập sổ',
                        'verbose_name_plural': 'lần nhập sổ',
                        'ordering': ['-created_at', '-pk'],
                    },
                ),
                migrations.CreateModel(
                    name='ImportedRow',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('key', models.CharField(max_length=64, unique=True)),
                        ('sheet', models.CharField(max_length=20)),
                        ('batch', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='registers.registerimport')),
                    ],
                    options={
                        'db_table': 'danvan_importedrow',
                        'verbose_name': 'dòng đã nhập',
                        'verbose_name_plural': 'dòng đã nhập',
                    },
                ),
                migrations.AddIndex(
                    model_name='registerimport',
                    index=models.Index(fields=['created_by', 'created_at'], name='import_by_created'),
                ),
                migrations.AddConstraint(
                    model_name='registerimport',
                    constraint=models.CheckConstraint(condition=models.Q(('rows_done__lte', models.F('rows_total'))), name='import_done_within_total'),
                ),
            ],
        ),
    ]
