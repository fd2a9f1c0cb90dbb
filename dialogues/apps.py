from django.apps import AppConfig


class DialoguesConfig(AppConfig):
    name = "dialogues"
    verbose_name = "Đối thoại, tiếp xúc cử tri"

    def ready(self) -> None:
        """Declares its register sheet to the registers app (danvan.sheets.registry) and its search picker
        (danvan.pickers)."""
        from danvan.pickers import register as add_picker
        from danvan.sheets.registry import Register
        from danvan.sheets.registry import register as add_register
        from dialogues import register
        from dialogues.filters import DIALOGUE_AGENCIES
        from dialogues.forms import DIALOGUE_UNITS
        from dialogues.importer import DIALOGUES

        add_register(Register(register.SHEET_NAME, register.TITLE, DIALOGUES, register.scope_sheet))
        add_picker(DIALOGUE_AGENCIES)
        add_picker(DIALOGUE_UNITS)
