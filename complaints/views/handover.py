"""The hand-over page (bàn giao) for unit admins: pick an agency whose unit ended and the agency that carries on its
work, see how many open petitions and cases would move, confirm; the hand-overs already made are listed below."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from complaints.selectors import hand_over_choices, hand_overs_for
from complaints.services.handover import hand_over, pending_hand_over
from danvan.forms import Form
from danvan.models import Agency, Staff
from danvan.pages import paginate
from danvan.permissions import MATRIX, Action, holds
from danvan.pickers import Picker, SearchPicker

CONFIRM = "xac_nhan"
_NOT_LISTED = {"invalid_choice": "Hãy chọn một cơ quan trong danh sách.", "required": "Hãy chọn cơ quan."}


def _coded(agency: Agency) -> str:
    return f"{agency.name} ({agency.unit.code})"


def _giving(staff: Staff) -> QuerySet[Agency]:
    return hand_over_choices(staff, today=timezone.localdate())[0]


def _receiving(staff: Staff) -> QuerySet[Agency]:
    return hand_over_choices(staff, today=timezone.localdate())[1]


# A province's admin hands over from some thousand agencies of the earlier era: searches, not selects.
GIVING = Picker("co-quan-ban-giao", _giving, _coded)
RECEIVING = Picker("co-quan-nhan-ban-giao", _receiving, _coded)


class HandOverForm(Form):
    giving = forms.ModelChoiceField(
        label="Cơ quan bàn giao (đã kết thúc hoạt động)",
        queryset=None,
        error_messages=_NOT_LISTED,
        widget=SearchPicker(GIVING.name),
    )
    receiving = forms.ModelChoiceField(
        label="Cơ quan nhận bàn giao", queryset=None, error_messages=_NOT_LISTED, widget=SearchPicker(RECEIVING.name)
    )

    def __init__(self, data=None, *, staff, today) -> None:
        super().__init__(data)
        self.fields["giving"].queryset, self.fields["receiving"].queryset = hand_over_choices(staff, today=today)

    def add_refusal(self, error: ValidationError | PermissionDenied) -> None:
        """A service's refusal beside the field it names, a permission refusal above the form."""
        if isinstance(error, PermissionDenied):
            self.add_error(None, str(error))
            return
        for field, refusals in error.message_dict.items():
            self.add_error(field if field in self.fields else None, refusals)


@login_required
def hand_over_page(request: HttpRequest) -> HttpResponse:
    """GET: the form. POST: the confirmation with the counts; POST with ``xac_nhan``: the hand-over itself."""
    if not holds(request.user, Action.HAND_OVER):
        raise PermissionDenied(MATRIX[Action.HAND_OVER].refusal)
    today = timezone.localdate()
    posted = request.method == "POST"
    form = HandOverForm(request.POST if posted else None, staff=request.user, today=today)
    pending = None
    if posted and form.is_valid():
        chosen = {"giving": form.cleaned_data["giving"], "receiving": form.cleaned_data["receiving"]}
        try:
            if CONFIRM not in request.POST:
                pending = pending_hand_over(**chosen, by=request.user, on=today)
            else:
                done = hand_over(**chosen, by=request.user, on=today)
                messages.success(
                    request,
                    f"Đã bàn giao {done.petitions} đơn chưa xử lý và {done.cases} vụ việc chưa giải quyết của"
                    f" {done.giving.name} cho {done.receiving.name} ngày {done.on:%d/%m/%Y}.",
                )
                return redirect("complaints:hand-over")
        except (ValidationError, PermissionDenied) as error:
            form.add_refusal(error)
    context = {
        "form": form,
        "pending": pending,
        "confirm": CONFIRM,
        "today": today,
        "page": paginate(request, hand_overs_for(request.user)),
    }
    return render(request, "complaints/hand_over.html", context, status=400 if form.errors else 200)
