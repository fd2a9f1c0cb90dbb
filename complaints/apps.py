from django.apps import AppConfig


class ComplaintsConfig(AppConfig):
    name = "complaints"
    verbose_name = "Xử lý đơn, giải quyết khiếu nại, tố cáo"

    def ready(self) -> None:
        """Connects the desk's signal, declares its register sheet (danvan.sheets.registry), what it offers on
        reception's pages (danvan.offers) and its pickers (danvan.pickers)."""
        from complaints import (
            receivers,  # noqa: F401 - connects the desk's signal
            register,
            visit_offers,
        )
        from complaints.importer import PETITIONS
        from complaints.views.handover import GIVING, RECEIVING
        from danvan.offers import provide
        from danvan.pickers import register as add_picker
        from danvan.sheets.registry import Register
        from danvan.sheets.registry import register as add_register
        from reception.offer_places import VISIT_LIST, VISIT_PAGE

        add_register(Register(register.SHEET_NAME, register.TITLE, PETITIONS, register.scope_sheet))
        provide(VISIT_PAGE, visit_offers.visit_documents)
        provide(VISIT_LIST, visit_offers.reception_book)
        add_picker(GIVING)
        add_picker(RECEIVING)
