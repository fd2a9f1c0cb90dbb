"""The annual obligation page: the communes in the user's scope whose People's Committee has held no dialogue with the
people in a year (Luật Thực hiện dân chủ ở cơ sở 2022, Điều 32: at least one a year)."""

from datetime import date
from itertools import groupby

from django import forms
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from danvan.forms import Form
from danvan.pages import paginate
from dialogues.selectors import PREDECESSORS_COUNT_UNTIL, communes_without_dialogue

# The Law on grassroots democracy (Luật Thực hiện dân chủ ở cơ sở 2022) is in force from 01/07/2023.
FIRST_YEAR = 2023


class YearForm(Form):
    """The year whose obligation is checked; the current year unless one is picked."""

    year = forms.IntegerField(
        label="Năm",
        min_value=FIRST_YEAR,
        error_messages={
            "invalid": "Hãy nhập năm, ví dụ 2025.",
            "min_value": f"Luật Thực hiện dân chủ ở cơ sở có hiệu lực từ năm {FIRST_YEAR}.",
        },
    )

    def __init__(self, data=None) -> None:
        self.default = timezone.localdate().year
        picked = data is not None and "year" in data
        super().__init__(data if picked else None, initial={"year": self.default})
        self.fields["year"].widget.attrs["max"] = self.default

    def clean_year(self) -> int:
        year = self.cleaned_data["year"]
        if year > timezone.localdate().year:
            raise forms.ValidationError("Năm được chọn chưa đến.")
        return year

    @property
    def picked_year(self) -> int:
        """The year picked, or the current year when nothing valid was picked."""
        if self.is_bound and self.is_valid():
            return self.cleaned_data["year"]
        return self.default


@login_required
def obligation(request: HttpRequest) -> HttpResponse:
    form = YearForm(request.GET)
    year, today = form.picked_year, timezone.localdate()
    communes = communes_without_dialogue(request.user, year=year, today=today)
    per_parent = dict(
        communes.order_by().values("unit__parent").annotate(count=Count("pk")).values_list("unit__parent", "count")
    )
    page = paginate(request, communes)
    context = {
        "form": form,
        "year": year,
        "judged_on": min(today, date(year, 12, 31)),
        "in_progress": year == today.year,
        # The year the communes merged: the dialogues of the former communes before the reform count for the new one.
        "predecessors_until": PREDECESSORS_COUNT_UNTIL if year == PREDECESSORS_COUNT_UNTIL.year else None,
        "page": page,
        # The page's committees under the unit they belong to, with how many of that unit's communes are missing.
        "groups": [
            (parent, per_parent[parent.pk], list(committees))
            for parent, committees in groupby(page.object_list, key=lambda committee: committee.unit.parent)
        ],
    }
    return render(request, "dialogues/obligation.html", context)
