"""Reference data that administrators exchange as spreadsheets (django-import-export, in the admin): the agencies of
a province and the calendar's days off and make-up working days."""

from django.utils import timezone
from import_export import fields, resources
from import_export.widgets import DateWidget, ForeignKeyWidget

from danvan.day_overrides import announce_change
from danvan.models import AdminUnit, Agency, DayOverride


class UnitCodeWidget(ForeignKeyWidget):
    """A unit by its official code, the unit of today's structure (a code names different units in the two eras)."""

    def __init__(self) -> None:
        super().__init__(AdminUnit, field="code")

    def get_queryset(self, value, row, *args, **kwargs):
        return AdminUnit.objects.valid_on(timezone.localdate())


class AgencyResource(resources.ModelResource):
    unit = fields.Field(attribute="unit", column_name="Mã ĐVHC", widget=UnitCodeWidget())
    name = fields.Field(attribute="name", column_name="Tên cơ quan")
    kind = fields.Field(attribute="kind", column_name="Loại cơ quan")

    class Meta:
        model = Agency
        fields = ("id", "unit", "kind", "name")
        import_id_fields = ("id",)
        skip_unchanged = True
        report_skipped = False


class DayOverrideResource(resources.ModelResource):
    date = fields.Field(attribute="date", column_name="Ngày", widget=DateWidget("%d/%m/%Y"))
    kind = fields.Field(attribute="kind", column_name="Loại")
    note = fields.Field(attribute="note", column_name="Căn cứ, ghi chú")

    class Meta:
        model = DayOverride
        fields = ("date", "kind", "note")
        import_id_fields = ("date",)
        skip_unchanged = True

    def after_save_instance(self, instance, row, **kwargs) -> None:
        """A day imported (not merely checked) has the open deadlines across it recomputed."""
        if not kwargs.get("dry_run"):
            announce_change(instance.date, by=kwargs.get("user"))
