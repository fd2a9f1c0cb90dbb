from django.apps import AppConfig


class DialoguesConfig(AppConfig):
    name = "dialogues"
    verbose_name = "Đối thoại, tiếp xúc cử tri"

    def ready(self) -> None:
        """Declares its register sheet to the registers app (danvan.sheets.registry)."""
        from danvan.sheets.registry import Register
        from danvan.sheets.registry import register as add_register
        from dialogues import register
        from dialogues.importer import DIALOGUES

        add_register(Register(register.SHEET_NAME, register.TITLE, DIALOGUES, register.scope_sheet))
