"""Login throttling with django-axes, counted three ways (``settings.LOGIN_FAILURE_LIMITS``): one username from one
address (5 failures), one address whatever the usernames (20: guesses spread over many accounts), one username from
any address (30: guesses spread over many addresses). Reaching any limit locks for ``AXES_COOLOFF_TIME``; a locked try
is refused by ``AxesStandaloneBackend`` before the next backend hashes its password.

Axes counts every group of ``AXES_LOCKOUT_PARAMETERS`` against one limit, ``AXES_FAILURE_LIMIT``: the handler tells it
the failures of the group nearest its own limit, as that one limit sees them. The login form's warning and the lock
page then hold whichever group locks. A failure counts once it is recorded: tries running at the same moment all pass
the check, so a burst can pass a limit by at most the number of requests the server runs at once."""

import ipaddress
from collections.abc import Sequence

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_failure_limit, get_lockout_parameters
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest

# One subscriber holds a whole IPv6 /64: its addresses count as one.
IPV6_NETWORK = 64


def client_address(request: HttpRequest) -> str | None:
    """The address a login counts from (``AXES_CLIENT_IP_CALLABLE``): the one the other throttles count from
    (``RATELIMIT_IP_META_KEY``: behind a proxy, the header it sets), an IPv6 address as its /64 network; None when the
    request has none."""
    given = request.META.get(settings.RATELIMIT_IP_META_KEY or "REMOTE_ADDR") or ""
    try:
        address = ipaddress.ip_address(given.strip())
    except ValueError:
        return None
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/{IPV6_NETWORK}", strict=False).network_address)
    return str(address)


def _limit_of(group: str | Sequence[str]) -> int:
    return settings.LOGIN_FAILURE_LIMITS[(group,) if isinstance(group, str) else tuple(group)]


class LoginThrottle(AxesDatabaseHandler):
    """Axes' database handler with a limit for each group of lockout parameters (``AXES_HANDLER``)."""

    def get_failures(self, request: HttpRequest, credentials: dict | None = None) -> int:
        """The failures as ``AXES_FAILURE_LIMIT`` sees them: that limit less the fewest tries any group has left, so
        that axes locks (and the form warns) when any group reaches (or nears) its own limit."""
        groups = get_lockout_parameters(request, credentials)
        left = min(
            _limit_of(group) - (attempts.aggregate(failures=Sum("failures_since_start"))["failures"] or 0)
            for group, attempts in zip(groups, self.get_user_attempts(request, credentials), strict=True)
        )
        return get_failure_limit(request, credentials) - left

    def reset_user_attempts(self, request: HttpRequest, credentials: dict | None = None) -> int:
        """After a login, forgets the failures of that username from that address only: a valid account does not clear
        the failures its address made on other accounts, nor theirs elsewhere on this one."""
        attempts = AccessAttempt.objects.filter(
            username=get_client_username(request, credentials), ip_address=request.axes_ip_address
        )
        return attempts.delete()[0]
