"""The petition register's Excel export in the Don layout. (In progress.)"""

from django.http import Http404


def petition_export(request, pk=None):
    raise Http404
