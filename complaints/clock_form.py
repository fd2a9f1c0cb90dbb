"""The form of the page "Tính thời hạn": its cleaned data are the arguments of complaints.clock.due."""

from django import forms
from django.core.exceptions import ValidationError

from complaints.clock import CLOCKS, FIRST_DAY, LAST_DAY, read_pause
from danvan.forms import Form, date_field


class ClockForm(Form):
    kind = forms.ChoiceField(label="Loại thời hạn", choices=[(name, clock.label) for name, clock in CLOCKS.items()])
    start = date_field("Ngày bắt đầu tính", earliest=FIRST_DAY, latest=LAST_DAY)
    pauses = forms.CharField(
        label="Các khoảng tạm đình chỉ",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "placeholder": "dd/mm/yyyy-dd/mm/yyyy"}),
        help_text="Mỗi dòng một khoảng: ngày tạm đình chỉ - ngày tiếp tục giải quyết.",
    )
    complex = forms.BooleanField(label="Vụ việc phức tạp", required=False)
    remote = forms.BooleanField(label="Vùng sâu, vùng xa đi lại khó khăn", required=False)
    several_places = forms.BooleanField(label="Phải kiểm tra, xác minh tại nhiều nơi hoặc ủy quyền", required=False)

    def clean_pauses(self) -> list:
        try:
            return [read_pause(line) for line in self.cleaned_data["pauses"].splitlines() if line.strip()]
        except ValidationError as error:
            raise ValidationError(error.message_dict["pauses"]) from None
