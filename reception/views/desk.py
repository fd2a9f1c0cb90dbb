"""The reception desk. (In progress.)"""

from django.http import Http404


def desk(request):
    raise Http404


def citizen_lookup(request):
    raise Http404


def citizen_pick(request):
    raise Http404
