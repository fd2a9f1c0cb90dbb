from django import forms

from danvan.forms import Form
from danvan.pickers import AGENCIES, SearchPicker
from worklist.kinds import Kind
from worklist.selectors import ALL, STATES, Filters


class QueueFilterForm(Form):
    loai = forms.ChoiceField(label="Loại việc", choices=[("", "Tất cả"), *Kind.choices], required=False)
    # A search: a province leader's list holds a thousand agencies.
    co_quan = forms.ModelChoiceField(
        label="Cơ quan", queryset=None, required=False, widget=SearchPicker(AGENCIES.name, placeholder="Tất cả")
    )
    han = forms.ChoiceField(label="Thời hạn", choices=list(STATES.items()), required=False)

    def __init__(self, *args, agencies, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["co_quan"].queryset = agencies

    def filters(self) -> Filters:
        if not self.is_valid():
            return Filters()
        agency = self.cleaned_data["co_quan"]
        return Filters(self.cleaned_data["loai"], agency.pk if agency else None, self.cleaned_data["han"] or ALL)


class SaveFilterForm(Form):
    name = forms.CharField(label="Tên bộ lọc", max_length=80)
    query = forms.CharField(max_length=300, required=False, widget=forms.HiddenInput)


class EmailChoiceForm(Form):
    email = forms.BooleanField(label="Nhận thư nhắc việc hằng ngày qua thư điện tử", required=False)
