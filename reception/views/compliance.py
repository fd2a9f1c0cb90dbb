"""The frequency-compliance page for leaders. (In progress.)"""

from django.http import Http404


def compliance(request):
    raise Http404
