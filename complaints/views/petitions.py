"""Petition pages: list, intake, detail, handling, forward reply, duplicates. (In progress.)"""

from django.http import Http404


def petition_list(request, pk=None):
    raise Http404


def petition_create(request, pk=None):
    raise Http404


def petition_detail(request, pk=None):
    raise Http404


def petition_handle(request, pk=None):
    raise Http404


def petition_reply(request, pk=None):
    raise Http404


def petition_duplicate(request, pk=None):
    raise Http404
