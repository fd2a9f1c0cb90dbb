"""The forms of staff administration: a new account, its details, its roles in one agency, and the filters of the
staff list and of the audit log. Agencies offered are the admin's (``selectors.offered_agencies``); one posted from
outside them is refused as a choice not offered."""

import django_filters
from django import forms
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.db.models import QuerySet

from danvan.accounts.selectors import matching, offered_agencies
from danvan.filters import ALL, DateRangeForm, date_filter, search_filter
from danvan.forms import Form
from danvan.models import Agency, AuditEntry, Membership, Role, Staff
from danvan.pickers import ADMINISTERED_AGENCIES, STAFF, SearchPicker
from danvan.versions import version_field

NOT_OFFERED = "Cơ quan này không thuộc phạm vi quản trị của bạn."


class AgencyField(forms.ModelChoiceField):
    def __init__(self, queryset: QuerySet[Agency], **kwargs) -> None:
        kwargs.setdefault("error_messages", {"invalid_choice": NOT_OFFERED, "required": "Hãy chọn cơ quan."})
        super().__init__(queryset, label="Cơ quan", widget=SearchPicker(ADMINISTERED_AGENCIES.name), **kwargs)

    def label_from_instance(self, agency: Agency) -> str:
        return agency.name


def roles_field(*, required: bool) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label="Vai trò",
        choices=Role.choices,
        required=required,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Hãy chọn ít nhất một vai trò."},
    )


class DetailsForm(Form):
    full_name = forms.CharField(label="Họ và tên", max_length=150)
    title = forms.CharField(label="Chức vụ", max_length=150, required=False)
    email = forms.EmailField(
        label="E-mail",
        required=False,
        help_text="Để gửi liên kết đặt mật khẩu.",
        error_messages={"invalid": "Địa chỉ e-mail không hợp lệ."},
    )


class StaffDetailsForm(DetailsForm):
    """A staff member's details as stored, with their version (``services.details_version``)."""

    version = version_field("")


class NewStaffForm(DetailsForm):
    field_order = ["username", "full_name", "title", "email", "password", "agency", "roles"]

    username = forms.CharField(
        label="Tên đăng nhập",
        max_length=150,
        validators=[UnicodeUsernameValidator()],
        help_text="Chữ, số và các ký tự . @ + - _ ; ví dụ: lan.nt",
    )
    password = forms.CharField(
        label="Mật khẩu ban đầu",
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="Để trống để gửi đến e-mail của cán bộ một liên kết tự đặt mật khẩu (nên dùng).",
    )

    def __init__(self, *args, admin: Staff, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"] = AgencyField(offered_agencies(admin))
        self.fields["roles"] = roles_field(required=True)
        self.order_fields(self.field_order)


class RolesForm(Form):
    """A staff member's roles in one agency: an agency they work in, or one to add them to."""

    roles = roles_field(required=False)
    version = version_field("")  # of the staff member's roles (``services.roles_version``)

    def __init__(self, *args, agencies: QuerySet[Agency], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"] = AgencyField(agencies)


class ActiveForm(Form):
    reason = forms.CharField(label="Lý do", max_length=500, required=False)


class StaffFilter(django_filters.FilterSet):
    """Pass ``agencies``: those whose roles the role filter looks at (the admin's)."""

    q = search_filter("Tìm cán bộ")
    active = django_filters.ChoiceFilter(
        field_name="is_active",
        label="Trạng thái",
        choices=[("1", "Đang hoạt động"), ("0", "Đã khóa")],
        empty_label=ALL,
        method="filter_active",
    )
    role = django_filters.ChoiceFilter(label="Vai trò", choices=Role.choices, empty_label=ALL, method="filter_role")

    class Meta:
        model = Staff
        fields = ["q", "active", "role"]
        form = Form

    def __init__(self, *args, agencies: QuerySet[Agency], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.agencies = agencies

    def filter_text(self, queryset: QuerySet[Staff], name: str, value: str) -> QuerySet[Staff]:
        return matching(queryset, value)

    def filter_active(self, queryset: QuerySet[Staff], name: str, value: str) -> QuerySet[Staff]:
        return queryset.filter(is_active=value == "1")

    def filter_role(self, queryset: QuerySet[Staff], name: str, value: str) -> QuerySet[Staff]:
        held = Membership.objects.filter(role=value, agency__in=self.agencies.values("pk")).values("staff")
        return queryset.filter(pk__in=held)


class AuditFilter(django_filters.FilterSet):
    """Pass ``staff``: the staff whose entries may be picked (the admin's area)."""

    action = django_filters.ChoiceFilter(label="Thao tác", choices=AuditEntry.Action.choices, empty_label=ALL)
    by = django_filters.ModelChoiceFilter(
        label="Người thực hiện", queryset=Staff.objects.none(), widget=SearchPicker(STAFF.name, placeholder=ALL)
    )
    date_from = date_filter("at__date", "gte", "Từ ngày")
    date_to = date_filter("at__date", "lte", "Đến ngày")

    class Meta:
        model = AuditEntry
        fields = ["action", "by", "date_from", "date_to"]
        form = DateRangeForm

    def __init__(self, *args, staff: QuerySet[Staff], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.filters["by"].queryset = staff
