"""Revealing a denouncer's identity to a permitted user who states a reason. (In progress.)"""

from django.http import Http404


def reveal(request, pk=None):
    raise Http404
