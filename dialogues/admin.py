"""Admin of dialogues, voter meetings, their opinions and directives: view-only, like the petitions' admin."""

from django.contrib import admin

from danvan.admin import ViewOnlyAdmin
from dialogues.models import Dialogue, Directive, Opinion


@admin.register(Dialogue)
class DialogueAdmin(ViewOnlyAdmin):
    list_display = ["date", "kind", "unit", "agency", "host", "topic", "participants", "opinions_raised"]
    list_filter = ["kind", "host", "unit__level"]
    search_fields = ["topic", "reference", "host_name"]
    date_hierarchy = "date"
    list_select_related = ["unit", "agency"]
    raw_id_fields = ["unit", "agency", "created_by"]


@admin.register(Opinion)
class OpinionAdmin(ViewOnlyAdmin):
    list_display = ["content", "dialogue", "status", "assignee", "due_on", "resolved_on"]
    list_filter = ["status"]
    list_select_related = ["dialogue__unit", "assignee"]
    raw_id_fields = ["dialogue", "assignee"]


@admin.register(Directive)
class DirectiveAdmin(ViewOnlyAdmin):
    list_display = ["content", "dialogue", "owner", "due_on", "status", "done_on"]
    list_filter = ["status"]
    list_select_related = ["dialogue__unit", "owner"]
    raw_id_fields = ["dialogue", "owner"]
