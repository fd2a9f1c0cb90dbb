from django.apps import AppConfig


class ComplaintsConfig(AppConfig):
    name = "complaints"
    verbose_name = "Xử lý đơn, giải quyết khiếu nại, tố cáo"
