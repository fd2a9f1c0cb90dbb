"""Pages of heads' reception sessions and published schedules. (In progress.)"""

from django.http import Http404


def session_list(request):
    raise Http404


def session_create(request):
    raise Http404


def session_detail(request, pk):
    raise Http404


def session_conclude(request, pk):
    raise Http404


def schedule_list(request):
    raise Http404


def schedule_create(request):
    raise Http404
