"""The navigation bar's counters: the items of one's queue (and how many are overdue), the unread notifications."""

from django.core.cache import cache
from django.http import HttpRequest
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from worklist.models import Digest
from worklist.selectors import counters

# The queue's counts are kept this long per person; the unread notifications are counted on every page.
COUNTERS_SECONDS = 120


def _queue_counts(staff) -> tuple[int, int]:
    today = timezone.localdate()
    key = f"worklist:counters:{staff.pk}:{today.isoformat()}"
    found = cache.get(key)
    if found is None:
        found = counters(staff, today=today)
        cache.set(key, found, COUNTERS_SECONDS)
    return found


def forget_counters(staff) -> None:
    cache.delete(f"worklist:counters:{staff.pk}:{timezone.localdate().isoformat()}")


def worklist(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "queue_counts": SimpleLazyObject(lambda: _queue_counts(user)),
        "unread_count": SimpleLazyObject(lambda: Digest.objects.filter(staff=user, read_at__isnull=True).count()),
    }
