"""What one request works out about its user once, not in every query that needs it: their memberships and the
agencies each action gives them (a province leader's scope is a thousand agencies, drawn from the units' tree). Kept
for the request only (``RequestMemoMiddleware``): a role given or taken shows at the next request. Outside a request
(a command, a job, a test calling a selector) nothing is kept."""

from collections.abc import Callable, Hashable
from contextvars import ContextVar
from typing import TypeVar

from django.http import HttpRequest, HttpResponse

T = TypeVar("T")
_memo: ContextVar[dict | None] = ContextVar("danvan_request_memo", default=None)


def remembered(key: Hashable, build: Callable[[], T]) -> T:
    """``build()``, once per request for ``key``."""
    memo = _memo.get()
    if memo is None:
        return build()
    if key not in memo:
        memo[key] = build()
    return memo[key]


class RequestMemoMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _memo.set({})
        try:
            return self.get_response(request)
        finally:
            _memo.reset(token)
