from django.apps import AppConfig


class ComplaintsConfig(AppConfig):
    name = "complaints"
    verbose_name = "Xử lý đơn, giải quyết khiếu nại, tố cáo"

    def ready(self) -> None:
        """Connects the desk's signal and declares its register sheet (danvan.sheets.registry)."""
        from complaints import (
            receivers,  # noqa: F401 - connects the desk's signal
            register,
        )
        from complaints.importer import PETITIONS
        from danvan.sheets.registry import Register
        from danvan.sheets.registry import register as add_register

        add_register(Register(register.SHEET_NAME, register.TITLE, PETITIONS, register.scope_sheet))
