from django import forms

from danvan.forms import Form, LongSelect
from worklist.kinds import Kind
from worklist.selectors import ALL, STATES, Filters


class QueueFilterForm(Form):
    loai = forms.ChoiceField(label="Loại việc", choices=[("", "Tất cả"), *Kind.choices], required=False)
    # The agencies' ids and names only: a province leader's list holds a thousand of them.
    co_quan = forms.TypedChoiceField(label="Cơ quan", coerce=int, empty_value=None, required=False, widget=LongSelect)
    han = forms.ChoiceField(label="Thời hạn", choices=list(STATES.items()), required=False)

    def __init__(self, *args, agencies, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["co_quan"].choices = [("", "Tất cả"), *agencies.values_list("pk", "name")]

    def filters(self) -> Filters:
        if not self.is_valid():
            return Filters()
        return Filters(self.cleaned_data["loai"], self.cleaned_data["co_quan"], self.cleaned_data["han"] or ALL)


class SaveFilterForm(Form):
    name = forms.CharField(label="Tên bộ lọc", max_length=80)
    query = forms.CharField(max_length=300, required=False, widget=forms.HiddenInput)


class EmailChoiceForm(Form):
    email = forms.BooleanField(label="Nhận thư nhắc việc hằng ngày qua thư điện tử", required=False)
