"""The citizens' public lookup of a petition by its receipt code. (In progress.)"""

from django.http import Http404


def lookup(request, pk=None):
    raise Http404
