from django.apps import AppConfig


class ReceptionConfig(AppConfig):
    name = "reception"
    verbose_name = "Tiếp công dân"

    def ready(self) -> None:
        """Declares its register sheet to the registers app (danvan.sheets.registry)."""
        from danvan.sheets.registry import Register
        from danvan.sheets.registry import register as add_register
        from reception import register
        from reception.importer import VISITS

        add_register(Register(register.SHEET_NAME, register.TITLE, VISITS, register.scope_sheet))
