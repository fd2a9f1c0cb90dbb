from django.apps import AppConfig


class ReceptionConfig(AppConfig):
    name = "reception"
    verbose_name = "Tiếp công dân"

    def ready(self) -> None:
        """Declares its register sheet to the registers app (danvan.sheets.registry) and its search picker
        (danvan.pickers)."""
        from danvan.pickers import register as add_picker
        from danvan.sheets.registry import Register
        from danvan.sheets.registry import register as add_register
        from reception import register
        from reception.importer import VISITS
        from reception.session_filters import SESSION_AGENCIES

        add_register(Register(register.SHEET_NAME, register.TITLE, VISITS, register.scope_sheet))
        add_picker(SESSION_AGENCIES)
