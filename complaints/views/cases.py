"""Case pages: list, the case with its clock and timeline, and its resolution steps. (In progress.)"""

from django.http import Http404


def case_list(request, pk=None):
    raise Http404


def case_detail(request, pk=None):
    raise Http404


def case_extend(request, pk=None):
    raise Http404


def case_suspend(request, pk=None):
    raise Http404


def case_resume(request, pk=None):
    raise Http404


def case_decide(request, pk=None):
    raise Http404


def case_enforce(request, pk=None):
    raise Http404
