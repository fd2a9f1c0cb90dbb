import django_filters

from danvan.models import AdminUnit, Agency


class AgencyFilter(django_filters.FilterSet):
    level = django_filters.ChoiceFilter(
        field_name="unit__level", label="Cấp", choices=AdminUnit.Level.choices, empty_label="Tất cả"
    )
    kind = django_filters.ChoiceFilter(label="Loại cơ quan", choices=Agency.Kind.choices, empty_label="Tất cả")

    class Meta:
        model = Agency
        fields = ["level", "kind"]
