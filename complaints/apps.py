from django.apps import AppConfig


class ComplaintsConfig(AppConfig):
    name = "complaints"
    verbose_name = "Xử lý đơn, giải quyết khiếu nại, tố cáo"

    def ready(self) -> None:
        from complaints import receivers  # noqa: F401 - connects the desk's signal
