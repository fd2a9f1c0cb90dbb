"""Recording dialogues and voter meetings, the opinions raised there and the host's directives, and their follow-up.

Every write is by staff recording for the dialogue's agency (or, for a follow-up step, for the agency the task was
given to): anyone else is refused with ``PermissionDenied``. Every other refusal is a ``ValidationError`` keyed by the
field at fault, in Vietnamese; nothing is saved when one is raised.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.db.models import Count, Min, Q, QuerySet
from django.utils import timezone

from danvan.codes import DIALOGUE_PREFIX, new_code
from danvan.corrections import Changes, Correctable, correct
from danvan.models import AdminUnit, Agency, Staff
from danvan.permissions import ensure_can_record
from danvan.selectors import area_of
from danvan.services import lock, record_event, refusing_conflicts
from dialogues.models import (
    HOST_AGENCY_KINDS,
    MINUTES_MAX_BYTES,
    Dialogue,
    Directive,
    DirectiveStatus,
    Host,
    Opinion,
    OpinionStatus,
)

# The fields of a dialogue that a form may set or change, in the order the form shows them.
DIALOGUE_FIELDS = (
    "kind",
    "date",
    "agency",
    "unit",
    "host",
    "host_name",
    "host_title",
    "co_organisers",
    "topic",
    "participants",
    "opinions_raised",
    "opinions_answered",
    "minutes",
    "minutes_file",
    "reference",
)

# The counts of a dialogue, as its form names them.
COUNTS = {
    "participants": "Số người tham dự",
    "opinions_raised": "Số ý kiến",
    "opinions_answered": "Số ý kiến trả lời tại chỗ",
}


def today() -> date:
    return timezone.localdate()


def hosts_of(agency: Agency) -> list[Host]:
    """The hosts a dialogue of ``agency`` may have: its head, or its deputies."""
    return [host for host, kind in HOST_AGENCY_KINDS.items() if kind == agency.kind]


def _check_dialogue(dialogue: Dialogue, *, recorded: dict[str, int]) -> None:
    errors: dict[str, str] = {}
    if dialogue.date > today():
        errors["date"] = "Ngày tổ chức chưa đến: chỉ ghi nhận hội nghị đã diễn ra."
    if dialogue.host not in hosts_of(dialogue.agency):
        errors["host"] = f"{dialogue.get_host_display()} không phải người chủ trì của {dialogue.agency.name}."
    if not AdminUnit.objects.valid_on(dialogue.date).filter(pk=dialogue.agency.unit_id).exists():
        errors["date"] = f"Vào ngày {dialogue.date:%d/%m/%Y}, {dialogue.agency.unit.name} không còn hoặc chưa có."
    elif not AdminUnit.objects.valid_on(dialogue.date).filter(pk=dialogue.unit_id).exists():
        errors["unit"] = f"Vào ngày {dialogue.date:%d/%m/%Y}, {dialogue.unit.name} không còn hoặc chưa có."
    elif not area_of(dialogue.agency.unit).filter(pk=dialogue.unit_id).exists():
        errors["unit"] = f"{dialogue.unit.name} không thuộc địa bàn của {dialogue.agency.name}."
    negative = {name: f"{label} không được là số âm." for name, label in COUNTS.items() if getattr(dialogue, name) < 0}
    errors |= negative or _count_errors(dialogue, recorded)
    if dialogue.reference and _same_reference(dialogue).exists():
        errors["reference"] = (
            f"{dialogue.agency.name} đã ghi một hội nghị ngày {dialogue.date:%d/%m/%Y} với mã hồ sơ "
            f"“{dialogue.reference}”."
        )
    if dialogue.minutes_file and dialogue.minutes_file.size > MINUTES_MAX_BYTES:
        errors["minutes_file"] = "Tệp biên bản lớn hơn 10 MB."
    if errors:
        raise ValidationError(errors)


def _count_errors(dialogue: Dialogue, recorded: dict[str, int]) -> dict[str, str]:
    """The opinions answered on the spot are some of those raised, and never fewer than those recorded one by one."""
    if dialogue.opinions_answered > dialogue.opinions_raised:
        return {
            "opinions_answered": f"Số ý kiến trả lời tại chỗ ({dialogue.opinions_answered}) không được lớn hơn số ý "
            f"kiến ({dialogue.opinions_raised})."
        }
    if dialogue.opinions_raised < recorded["all"]:
        return {"opinions_raised": f"Đã ghi {recorded['all']} ý kiến của hội nghị: số ý kiến không được nhỏ hơn."}
    if dialogue.opinions_answered < recorded["on_spot"]:
        return {
            "opinions_answered": f"Đã ghi {recorded['on_spot']} ý kiến trả lời tại chỗ: số ý kiến trả lời tại chỗ "
            "không được nhỏ hơn."
        }
    return {}


def _same_reference(dialogue: Dialogue) -> QuerySet[Dialogue]:
    """Another dialogue of the agency on the same day with the same reference (the database refuses a second one)."""
    return Dialogue.objects.filter(agency=dialogue.agency_id, date=dialogue.date, reference=dialogue.reference).exclude(
        pk=dialogue.pk
    )


def _recorded_opinions(dialogue: Dialogue) -> dict[str, int]:
    if dialogue.pk is None:
        return {"all": 0, "on_spot": 0}
    return dialogue.opinion_records.aggregate(
        all=Count("pk"), on_spot=Count("pk", filter=Q(status=OpinionStatus.ANSWERED_ON_SPOT))
    )


@refusing_conflicts
@transaction.atomic
def record_dialogue(*, by: Staff | None, minutes_file: File | None = None, **fields) -> Dialogue:
    """Records a dialogue or voter meeting held in the past, with its code; ``fields`` are those of
    ``DIALOGUE_FIELDS``."""
    ensure_can_record(by, fields.get("agency"))
    code = new_code(DIALOGUE_PREFIX, taken=lambda code: Dialogue.objects.filter(code=code).exists())
    dialogue = Dialogue(created_by=by, code=code, **fields)
    if minutes_file:
        dialogue.minutes_file = minutes_file
    _check_dialogue(dialogue, recorded=_recorded_opinions(dialogue))
    dialogue.save()
    record_event(dialogue, by=by, kind="recorded", label=f"Ghi nhận {dialogue.get_kind_display().lower()}", on=today())
    return dialogue


def _check_correction(dialogue: Dialogue, changes: Changes, staff: Staff | None) -> None:
    if "agency" in changes:
        ensure_can_record(staff, dialogue.agency)
    _check_dialogue(dialogue, recorded=_recorded_opinions(dialogue))
    if "date" in changes:
        _check_follow_up_after(dialogue)


# A dialogue is corrected by staff recording for its agency (and for the agency it is moved to), in every field its
# form sets; the opinion counts never fall below the opinions recorded one by one, nor its date after its follow-up.
DIALOGUE = Correctable(
    what="hội nghị",
    code=lambda dialogue: dialogue.code,
    ensure=lambda staff, dialogue: ensure_can_record(staff, dialogue.agency),
    fields=DIALOGUE_FIELDS,
    agency=lambda dialogue: dialogue.agency,
    days=lambda dialogue: (dialogue.date,),
    check=_check_correction,
)


def update_dialogue(
    dialogue: Dialogue, *, by: Staff | None, reason: str, version: str | None = None, **fields
) -> Dialogue:
    """Corrects a recorded dialogue for the reason given (danvan.corrections), old → new on its timeline; a form opened
    before the dialogue's last correction (``version``) is refused."""
    correct(DIALOGUE, dialogue, fields, by=by, reason=reason, version=version)
    return dialogue


def _check_follow_up_after(dialogue: Dialogue) -> None:
    """A dialogue moved to a later date keeps its follow-up after it: no deadline or resolution before the dialogue."""
    opinions = dialogue.opinion_records.aggregate(due=Min("due_on"), resolved=Min("resolved_on"))
    directives = dialogue.directives.aggregate(due=Min("due_on"), done=Min("done_on"))
    earliest = min((on for on in (*opinions.values(), *directives.values()) if on), default=None)
    if earliest is not None and earliest < dialogue.date:
        what = "hạn hoặc ngày giải quyết ý kiến, kết luận đã ghi"
        raise ValidationError({"date": f"Ngày tổ chức không được sau {what} ({earliest:%d/%m/%Y})."})


def _check_follow_up_date(dialogue: Dialogue, on: date | None, field: str, what: str) -> None:
    if on is None:
        raise ValidationError({field: f"Nhập {what}."})
    if on < dialogue.date:
        raise ValidationError(
            {field: f"{what.capitalize()} không được trước ngày tổ chức hội nghị ({dialogue.date:%d/%m/%Y})."}
        )


@transaction.atomic
def add_opinion(
    dialogue: Dialogue,
    *,
    by: Staff | None,
    content: str,
    status: OpinionStatus,
    raised_by: str = "",
    answer: str = "",
    assignee: Agency | None = None,
    due_on: date | None = None,
) -> Opinion:
    """Records an opinion raised at ``dialogue``, answered on the spot or assigned to an agency with a deadline.

    The dialogue's totals grow when the opinions recorded one by one outnumber them: they are never less.
    """
    dialogue = Dialogue.objects.select_for_update().get(pk=dialogue.pk)
    ensure_can_record(by, dialogue.agency)
    if not content.strip():
        raise ValidationError({"content": "Nhập nội dung ý kiến."})
    if status == OpinionStatus.ASSIGNED:
        if assignee is None:
            raise ValidationError({"assignee": "Chọn cơ quan được giao xử lý ý kiến."})
        _check_follow_up_date(dialogue, due_on, "due_on", "hạn giải quyết")
        answer = ""  # the answer comes with its resolution
    elif status == OpinionStatus.ANSWERED_ON_SPOT:
        assignee, due_on = None, None
    else:
        raise ValidationError({"status": "Ý kiến mới được trả lời tại chỗ hoặc giao cơ quan xử lý."})
    opinion = Opinion.objects.create(
        dialogue=dialogue,
        content=content.strip(),
        raised_by=raised_by,
        status=status,
        answer=answer,
        assignee=assignee,
        due_on=due_on,
    )
    recorded = _recorded_opinions(dialogue)
    dialogue.opinions_raised = max(dialogue.opinions_raised, recorded["all"])
    dialogue.opinions_answered = max(dialogue.opinions_answered, recorded["on_spot"])
    dialogue.save(update_fields=["opinions_raised", "opinions_answered"])
    label = (
        "Ghi ý kiến trả lời tại chỗ" if status == OpinionStatus.ANSWERED_ON_SPOT else f"Giao {assignee} xử lý ý kiến"
    )
    # Raised, answered or assigned at the dialogue: the step is the dialogue's day, even when recorded later.
    record_event(dialogue, by=by, kind="opinion", label=label, on=dialogue.date)
    return opinion


@transaction.atomic
def resolve_opinion(opinion: Opinion, *, by: Staff | None, resolved_on: date | None, answer: str) -> Opinion:
    """Closes an assigned opinion with the date and the answer given to the people."""
    opinion = Opinion.objects.select_for_update().select_related("dialogue").get(pk=opinion.pk)
    ensure_can_record(by, opinion.dialogue.agency, opinion.assignee)
    if opinion.status != OpinionStatus.ASSIGNED:
        raise ValidationError(f"Ý kiến này {opinion.get_status_display().lower()}, không cần giải quyết thêm.")
    _check_follow_up_date(opinion.dialogue, resolved_on, "resolved_on", "ngày giải quyết")
    if resolved_on > today():
        raise ValidationError({"resolved_on": "Ngày giải quyết chưa đến."})
    if not answer.strip():
        raise ValidationError({"answer": "Nhập nội dung trả lời, kết quả giải quyết."})
    opinion.status, opinion.resolved_on, opinion.answer = OpinionStatus.RESOLVED, resolved_on, answer.strip()
    opinion.save(update_fields=["status", "resolved_on", "answer"])
    record_event(opinion.dialogue, by=by, kind="opinion_resolved", label="Ý kiến đã được giải quyết", on=resolved_on)
    return opinion


@transaction.atomic
def add_directive(
    dialogue: Dialogue, *, by: Staff | None, content: str, owner: Agency, due_on: date | None
) -> Directive:
    """Records a conclusion or instruction of the host as a task of ``owner`` due on ``due_on``, not before the
    dialogue's day as it stands (its row locked: a correction of the day waits)."""
    lock(dialogue)
    ensure_can_record(by, dialogue.agency)
    if not content.strip():
        raise ValidationError({"content": "Nhập nội dung kết luận, chỉ đạo."})
    _check_follow_up_date(dialogue, due_on, "due_on", "thời hạn")
    directive = Directive.objects.create(dialogue=dialogue, content=content.strip(), owner=owner, due_on=due_on)
    # The host concludes at the dialogue: the step is the dialogue's day, even when recorded later.
    record_event(dialogue, by=by, kind="directive", label=f"Kết luận, chỉ đạo giao {owner}", on=dialogue.date)
    return directive


@transaction.atomic
def complete_directive(directive: Directive, *, by: Staff | None, done_on: date | None, result: str) -> Directive:
    """Marks a directive carried out, with the date and what was done."""
    directive = Directive.objects.select_for_update().select_related("dialogue").get(pk=directive.pk)
    ensure_can_record(by, directive.dialogue.agency, directive.owner)
    if directive.status == DirectiveStatus.DONE:
        raise ValidationError("Kết luận, chỉ đạo này đã hoàn thành.")
    _check_follow_up_date(directive.dialogue, done_on, "done_on", "ngày hoàn thành")
    if done_on > today():
        raise ValidationError({"done_on": "Ngày hoàn thành chưa đến."})
    if not result.strip():
        raise ValidationError({"result": "Nhập kết quả thực hiện."})
    directive.status, directive.done_on, directive.result = DirectiveStatus.DONE, done_on, result.strip()
    directive.save(update_fields=["status", "done_on", "result"])
    record_event(directive.dialogue, by=by, kind="directive_done", label="Kết luận, chỉ đạo đã thực hiện", on=done_on)
    return directive
