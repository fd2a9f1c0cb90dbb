"""Admin of petitions and their resolution.

The denouncer identity vault (DenouncerIdentity, IdentityDocument) is deliberately not registered: an admin list would
show denouncers to anyone with admin access, without a reason and without a log (Luật Tố cáo, Điều 8). Its reveal log
is shown read-only. Petitions are listed and searched without their citizen, so that no denouncer can be found here.
"""

from django.contrib import admin

from complaints.models import (
    Assignment,
    Decision,
    Enforcement,
    Extension,
    IdentityReveal,
    Petition,
    Proposal,
    Suspension,
)
from danvan.admin import ViewOnlyAdmin


@admin.register(Petition)
class PetitionAdmin(ViewOnlyAdmin):
    list_display = ["receipt_code", "agency", "kind", "received_on", "handling"]
    list_filter = ["kind", "handling", "source"]
    search_fields = ["receipt_code", "reference"]
    date_hierarchy = "received_on"
    list_select_related = ["agency"]
    raw_id_fields = ["agency", "forwarded_by", "visit", "citizen", "forwarded_to", "duplicate_of", "case", "created_by"]


@admin.register(Decision)
class DecisionAdmin(ViewOnlyAdmin):
    list_display = ["number", "issued_on", "outcome", "case"]
    list_filter = ["outcome"]
    search_fields = ["number"]
    date_hierarchy = "issued_on"
    list_select_related = ["case"]
    raw_id_fields = ["case", "by"]


@admin.register(Extension)
class ExtensionAdmin(ViewOnlyAdmin):
    list_display = ["number", "decided_on", "days", "new_due_on", "case"]
    search_fields = ["number"]
    list_select_related = ["case"]
    raw_id_fields = ["case", "by"]


@admin.register(Suspension)
class SuspensionAdmin(ViewOnlyAdmin):
    list_display = ["number", "suspended_on", "resumed_on", "case"]
    search_fields = ["number", "resume_number"]
    list_select_related = ["case"]
    raw_id_fields = ["case"]


@admin.register(Enforcement)
class EnforcementAdmin(ViewOnlyAdmin):
    list_display = ["decision", "completed_on", "money_recovered", "land_recovered"]
    list_select_related = ["decision"]
    raw_id_fields = ["decision"]


@admin.register(IdentityReveal)
class IdentityRevealAdmin(admin.ModelAdmin):
    """The reveal log, read-only: nobody edits or deletes who saw a denouncer, when and why."""

    list_display = ["petition", "staff", "at", "reason"]
    search_fields = ["identity__petition__receipt_code", "staff__username", "staff__full_name"]
    date_hierarchy = "at"
    list_select_related = ["identity__petition", "staff"]

    @admin.display(description="đơn", ordering="identity__petition__receipt_code")
    def petition(self, reveal: IdentityReveal) -> str:
        return reveal.identity.petition.receipt_code

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Assignment)
class AssignmentAdmin(ViewOnlyAdmin):
    list_display = ["on", "petition", "case", "agency", "handler", "done_on"]
    list_select_related = ["petition", "case", "agency", "handler"]


@admin.register(Proposal)
class ProposalAdmin(ViewOnlyAdmin):
    list_display = ["submitted_at", "kind", "status", "petition", "case", "by"]
    list_filter = ["kind", "status"]
    list_select_related = ["petition", "case", "by"]
