from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "Báo cáo"

    def ready(self) -> None:
        from danvan.pickers import register
        from reports import receivers  # noqa: F401 - connects the corrections' signal
        from reports.page_forms import REPORT_UNITS

        register(REPORT_UNITS)
