"""Sessions end after an idle time, so every request a person makes saves theirs (SESSION_SAVE_EVERY_REQUEST). A
request the page makes by itself (a counter loaded after the page) is not the person acting: it leaves the session as
it was — it neither keeps an idle session alive nor writes the session beside the page's own request."""

from collections.abc import Callable
from functools import wraps

from django.contrib.sessions.middleware import SessionMiddleware as DjangoSessionMiddleware
from django.http import HttpRequest, HttpResponse


def passive(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Marks a view as one the page calls by itself: its request does not save the session."""

    @wraps(view)
    def marked(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        request.passive = True
        return view(request, *args, **kwargs)

    return marked


class SessionMiddleware(DjangoSessionMiddleware):
    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if getattr(request, "passive", False) and not request.session.modified:
            return response
        return super().process_response(request, response)
