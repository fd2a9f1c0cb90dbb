from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "Báo cáo"

    def ready(self) -> None:
        from reports import receivers  # noqa: F401 - connects the corrections' signal
