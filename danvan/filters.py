from datetime import date

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


def criteria_for_log(filterset: django_filters.FilterSet) -> dict[str, object]:
    """A list's valid filter as an export log records it; the searched text is left out, it may name a citizen."""
    criteria = {}
    for name, value in filterset.form.cleaned_data.items():
        if value in (None, "", False):
            continue
        if name == "q":
            value = "<hidden>"
        elif isinstance(value, date):
            value = f"{value:%d/%m/%Y}"
        criteria[name] = getattr(value, "pk", value)
    return criteria
