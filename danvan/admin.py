from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from import_export.admin import ImportExportModelAdmin

from danvan.day_overrides import announce_change
from danvan.models import AdminUnit, Agency, AuditEntry, DayOverride, Membership, Staff
from danvan.resources import AgencyResource, DayOverrideResource

admin.site.site_header = "Quản trị danvan"
admin.site.site_title = "Quản trị danvan"
admin.site.index_title = "Danh mục và tài khoản"


class ViewOnlyAdmin(admin.ModelAdmin):
    """Records that change only through the portal's services, which check the law's rules, keep the deadlines and
    totals and write the timeline: the admin shows them."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(AdminUnit)
class AdminUnitAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "level", "valid_from", "valid_to", "remote_area"]
    list_filter = ["level", "remote_area", "type"]
    list_editable = ["remote_area"]
    search_fields = ["code", "name"]
    list_select_related = ["parent"]
    raw_id_fields = ["parent"]
    readonly_fields = ["code", "level", "valid_from", "valid_to"]


@admin.register(Agency)
class AgencyAdmin(ImportExportModelAdmin):
    resource_classes = [AgencyResource]
    list_display = ["name", "kind", "unit"]
    list_filter = ["kind", "unit__level"]
    search_fields = ["name", "unit__code"]
    list_select_related = ["unit"]
    raw_id_fields = ["unit"]


class MembershipInline(admin.TabularInline):
    model = Membership
    raw_id_fields = ["agency"]
    extra = 1


@admin.register(Staff)
class StaffAdmin(UserAdmin):
    list_display = ["username", "full_name", "title", "is_active", "is_superuser"]
    search_fields = ["username", "full_name"]
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        ("Thông tin cán bộ", {"fields": ["full_name", "title", "email"]}),
        ("Quyền", {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]}),
        ("Thời gian", {"fields": ["last_login", "date_joined"]}),
    ]
    inlines = [MembershipInline]


@admin.register(DayOverride)
class DayOverrideAdmin(ImportExportModelAdmin):
    resource_classes = [DayOverrideResource]
    list_display = ["date", "kind", "note"]
    list_filter = ["kind"]
    date_hierarchy = "date"

    # Each change has the open deadlines across the day recomputed, as on the page "Lịch làm việc".
    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        for day in {obj.date, form.initial.get("date")} - {None}:
            announce_change(day, by=request.user)

    def delete_model(self, request, obj) -> None:
        super().delete_model(request, obj)
        announce_change(obj.date, by=request.user)

    def delete_queryset(self, request, queryset) -> None:
        days = list(queryset.values_list("date", flat=True))
        super().delete_queryset(request, queryset)
        for day in days:
            announce_change(day, by=request.user)


@admin.register(AuditEntry)
class AuditEntryAdmin(ViewOnlyAdmin):
    list_display = ["at", "by", "action", "summary"]
    list_filter = ["action"]
    search_fields = ["summary", "by__username", "by__full_name"]
    list_select_related = ["by"]
    date_hierarchy = "at"
