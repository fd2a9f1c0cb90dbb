"""Pages of the visit register: the filtered list, a visit, its receipt slip, the Excel export. (In progress.)"""

from django.http import Http404


def visit_list(request):
    raise Http404


def visit_export(request):
    raise Http404


def visit_detail(request, pk):
    raise Http404


def visit_receipt(request, pk):
    raise Http404
