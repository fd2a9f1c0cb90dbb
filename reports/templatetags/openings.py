"""The report page's mentions of opening figures, read without widening the report's view: whether the user keys them
in (a link to their page) and which agencies' openings the report on the page added."""

from django import template

from danvan.models import AdminUnit, Staff
from reports.openings_selectors import ReportOpenings, keys_openings, report_openings
from reports.periods import Window
from reports.selectors import agencies_in_scope

register = template.Library()


@register.filter(name="keys_openings")
def keys_openings_filter(user: Staff) -> bool:
    """``{% if user|keys_openings %}``: whether the user may key in opening figures."""
    return user.is_authenticated and keys_openings(user)


@register.simple_tag(takes_context=True)
def openings_added(context: template.Context, place: AdminUnit, window: Window) -> ReportOpenings | None:
    """``{% openings_added place window as openings %}``: the openings the report of ``place`` over ``window`` added,
    counting the agencies the user sees, as the report does."""
    return report_openings(agencies_in_scope(context["request"].user, place), window)
