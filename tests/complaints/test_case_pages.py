"""The case pages: the filtered list of accepted cases, the case with its clock, and its resolution steps."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from complaints.models import Decision, Extension, Outcome
from complaints.services.resolution import decide_case, extend_case, suspend_case
from danvan.models import Case, Classification, Role
from danvan.workdays import add_working_days
from tests.factories import DecisionFactory, staff_with_role, verified

pytestmark = pytest.mark.django_db

LIST = reverse("complaints:case-list")


@pytest.fixture
def case(receive, accept):
    """A first-round complaint received on 02/03/2026 and accepted on 05/03/2026, due 06/04/2026."""
    return accept(receive(on=date(2026, 3, 2)), date(2026, 3, 5))


@pytest.fixture
def handler(client, handler_of_ia_grai):
    client.force_login(handler_of_ia_grai)
    return client


def page_of(case):
    return reverse("complaints:case-detail", args=[case.pk])


def step(name, case):
    return reverse(f"complaints:case-{name}", args=[case.pk])


def listed(client, **params):
    return list(client.get(LIST, params).context["page"].object_list)


def due(case, day):
    Case.objects.filter(pk=case.pk).update(due_on=day)


# The list.


def test_the_list_filters_by_kind(handler, receive, accept, case):
    denunciation = accept(receive(kind=Classification.DENUNCIATION, on=date(2026, 3, 2)), date(2026, 3, 5))

    assert listed(handler, kind="denunciation") == [denunciation]


def test_the_list_filters_by_round(handler, receive, accept, case):
    second = accept(receive(on=date(2026, 3, 2)), date(2026, 3, 5), round=Case.Round.SECOND)

    assert listed(handler, round="second") == [second]


@pytest.mark.parametrize(
    ("state", "expected"), [("running", "running"), ("suspended", "suspended"), ("resolved", "resolved")]
)
def test_the_list_filters_by_state(handler, receive, accept, handler_of_ia_grai, state, expected):
    cases = {name: accept(receive(on=date(2026, 3, 2)), date(2026, 3, 5)) for name in ("running", "resolved")}
    # A denunciation: a complaint can be suspended from 01/07/2026 only.
    cases["suspended"] = accept(receive(kind=Classification.DENUNCIATION, on=date(2026, 3, 2)), date(2026, 3, 5))
    suspend_case(case=cases["suspended"], by=handler_of_ia_grai, on=date(2026, 3, 20), number="01/QĐ-TĐC")
    decide_case(case=verified(cases["resolved"]), by=handler_of_ia_grai, issued_on=date(2026, 3, 30), number="7/QĐ",
                outcome=Outcome.UNFOUNDED)  # fmt: skip

    assert listed(handler, state=state) == [cases[expected]]


@pytest.mark.parametrize(("deadline", "expected"), [("overdue", "overdue"), ("due_soon", "soon")])
def test_the_list_filters_by_resolution_deadline(handler, receive, accept, handler_of_ia_grai, deadline, expected):
    cases = {name: accept(receive(on=date(2026, 3, 2)), date(2026, 3, 5)) for name in ("overdue", "soon", "later")}
    today = timezone.localdate()
    due(cases["overdue"], today - timedelta(days=1))
    due(cases["soon"], add_working_days(today, 5))
    due(cases["later"], add_working_days(today, 6))

    assert listed(handler, deadline=deadline) == [cases[expected]]


def test_the_list_filters_hotspots(handler, receive, accept, case):
    hotspot = accept(receive(on=date(2026, 3, 2)), date(2026, 3, 5))
    Case.objects.filter(pk=hotspot.pk).update(hotspot=True, hotspot_plan="Tổ công tác liên ngành")

    assert listed(handler, hotspot="on") == [hotspot]


def test_the_text_search_finds_a_case_by_its_petitions_content(handler, receive, accept, case):
    accept(receive(on=date(2026, 3, 2), content="Đề nghị sửa đường liên thôn"), date(2026, 3, 5))

    assert listed(handler, q="thu hoi dat") == [case]


def test_the_text_search_finds_a_case_by_its_code(handler, receive, accept, case):
    accept(receive(on=date(2026, 3, 2)), date(2026, 3, 5))

    assert listed(handler, q=f"vv{case.pk}") == [case]


def test_the_text_search_finds_a_case_by_its_number_without_vv(handler, receive, accept, case):
    accept(receive(on=date(2026, 3, 2)), date(2026, 3, 5))

    assert listed(handler, q=str(case.pk)) == [case]


def test_the_text_search_never_finds_a_denunciation_by_its_denouncers_name(handler, receive, accept):
    accept(receive(kind=Classification.DENUNCIATION, on=date(2026, 3, 2)), date(2026, 3, 5))

    assert listed(handler, q="Nguyễn Văn Khiếu") == []


def test_a_case_not_yet_accepted_is_not_listed(handler, receive):
    receive()
    Case.objects.create(
        agency=receive().agency, summary="Chưa thụ lý", kind=Classification.COMPLAINT, opened_on=date(2026, 3, 2)
    )

    assert listed(handler) == []


# The case page.


def test_another_communes_case_does_not_exist_for_a_handler(handler, receive, accept, committee_of_pleiku):
    elsewhere = accept(receive(agency=committee_of_pleiku, by=None, on=date(2026, 3, 2)), date(2026, 3, 5))

    assert handler.get(page_of(elsewhere)).status_code == 404


def test_a_running_case_shows_the_days_left_counted_as_its_rule_counts(handler, receive, accept):
    today = timezone.localdate()
    running = accept(receive(on=today), today)

    page = handler.get(page_of(running)).content.decode()

    assert f"Còn {(running.due_on - today).days} ngày" in page
    assert "tính theo ngày, kể cả ngày nghỉ" in page


def test_an_overdue_case_shows_in_red_how_many_days_it_is_late(handler, case):
    late = (timezone.localdate() - case.due_on).days

    page = handler.get(page_of(case)).content.decode()

    assert ('class="deadline deadline-overdue"' in page, f"Quá hạn {late} ngày" in page) == (True, True)


def test_a_case_in_a_remote_area_says_why_its_deadline_is_longer(handler, case):
    case.agency.unit.remote_area = True
    case.agency.unit.save()

    assert handler.get(page_of(case)).context["remote_area"] is True


def test_a_denunciation_case_page_hides_the_denouncer(handler, receive, accept):
    denunciation = accept(receive(kind=Classification.DENUNCIATION, on=date(2026, 3, 2)), date(2026, 3, 5))

    page = handler.get(page_of(denunciation)).content.decode()

    assert ("Người tố cáo (bảo mật)" in page, "Nguyễn Văn Khiếu" in page) == (True, False)


def test_a_running_case_offers_suspension_and_decision_but_no_extension_for_a_complaint(handler, case):
    context = handler.get(page_of(case)).context

    shown = {name for name in ("extension_form", "suspension_form", "resumption_form", "decision_form",
                               "enforcement_form") if context[name] is not None}  # fmt: skip
    assert shown == {"suspension_form", "decision_form"}


def test_the_outcomes_offered_are_those_of_the_round(handler, receive, accept):
    second = verified(accept(receive(on=date(2026, 3, 2)), date(2026, 3, 5), round=Case.Round.SECOND))

    choices = handler.get(page_of(second)).context["decision_form"].fields["outcome"].choices

    assert [value for value, _ in choices] == ["", "upheld_first", "overturned_first", "withdrawn", "terminated"]


def test_the_decision_form_presets_neither_an_outcome_nor_a_date(handler, receive, accept):
    case = accept(receive(on=date(2026, 3, 2)), date(2026, 3, 5))

    form = handler.get(page_of(case)).context["decision_form"]

    assert (form["outcome"].value(), form["issued_on"].value()) == (None, None)


def test_a_decision_without_an_outcome_is_refused_with_a_reason(handler, receive, accept):
    case = accept(receive(on=date(2026, 3, 2)), date(2026, 3, 5))

    response = handler.post(step("decide", case), DECISION | {"outcome": ""})

    assert response.context["decision_form"].errors["outcome"] == ["Hãy chọn kết quả giải quyết."]


# The steps.

DECISION = {"issued_on": "30/03/2026", "number": "7/QĐ-UBND", "outcome": "partly_founded", "money_due": "1,5",
            "land_due": "0", "returned_money": "0", "returned_land": "0", "returned_organisations": "0",
            "returned_individuals": "1", "sanctioned_people": "0", "sanctioned_officials": "0", "referred_cases": "0",
            "referred_people": "0"}  # fmt: skip


def test_a_decision_closes_the_case_on_time(handler, case):
    verified(case)
    response = handler.post(step("decide", case), DECISION, follow=True)

    case.refresh_from_db()
    assert (case.resolved_on, case.decision.money_due, response.context["on_time"]) == (
        date(2026, 3, 30),
        Decimal("1.5"),
        True,
    )


def test_a_decision_recorded_without_its_number_shows_its_date_alone(handler, case):
    DecisionFactory(case=case, number="", issued_on=date(2026, 3, 30))

    page = handler.get(page_of(case)).content.decode()

    assert "<dt>Số, ngày</dt><dd>Ngày 30/03/2026</dd>" in page


def test_a_decision_dated_before_acceptance_is_explained_and_nothing_saved(handler, case):
    verified(case)
    response = handler.post(step("decide", case), DECISION | {"issued_on": "04/03/2026"})

    assert response.context["decision_form"].errors == {"issued_on": ["Ngày giải quyết không được trước ngày thụ lý."]}
    assert Decision.objects.count() == 0


def test_an_outcome_that_does_not_fit_the_round_is_explained(handler, receive, accept):
    second = accept(receive(on=date(2026, 3, 2)), date(2026, 3, 5), round=Case.Round.SECOND)

    response = handler.post(step("decide", second), DECISION | {"outcome": "founded"})

    assert response.context["decision_form"].errors == {
        "outcome": ["Kết quả không phù hợp với loại vụ việc và lần giải quyết."]
    }
    assert Decision.objects.count() == 0


def test_an_extension_moves_the_deadline_of_a_complex_denunciation(handler, receive, accept):
    denunciation = accept(
        receive(kind=Classification.DENUNCIATION, on=date(2026, 3, 2)), date(2026, 3, 5),
        complexity=Case.Complexity.COMPLEX,
    )  # fmt: skip

    handler.post(step("extend", denunciation), {"decided_on": "30/03/2026", "number": "01/QĐ-GH", "days": "30"})

    denunciation.refresh_from_db()
    assert (denunciation.due_on, denunciation.extensions.get().new_due_on) == (date(2026, 5, 4), date(2026, 5, 4))


def test_a_third_extension_is_refused_with_the_reason(handler, receive, accept, handler_of_ia_grai):
    denunciation = accept(
        receive(kind=Classification.DENUNCIATION, on=date(2026, 3, 2)), date(2026, 3, 5),
        complexity=Case.Complexity.ESPECIALLY_COMPLEX,
    )  # fmt: skip
    for number, on in (("01/QĐ-GH", date(2026, 3, 30)), ("02/QĐ-GH", date(2026, 4, 30))):
        extend_case(case=denunciation, by=handler_of_ia_grai, decided_on=on, number=number, days=30)

    response = handler.post(
        step("extend", denunciation), {"decided_on": "30/05/2026", "number": "03/QĐ-GH", "days": "30"}
    )

    assert response.context["extension_form"].errors == {
        "days": ["Vụ việc đặc biệt phức tạp được gia hạn tối đa 2 lần (Luật Tố cáo, Điều 30)."]
    }
    assert Extension.objects.count() == 2


def test_a_suspended_case_is_resumed_and_its_deadline_moves(handler, receive, accept):
    case = accept(receive(kind=Classification.DENUNCIATION, on=date(2026, 3, 2)), date(2026, 3, 5))
    handler.post(step("suspend", case), {"on": "20/03/2026", "number": "01/QĐ-TĐC", "reason": "Chờ giám định"})
    assert handler.get(page_of(case)).context["resumption_form"] is not None

    handler.post(step("resume", case), {"on": "30/03/2026", "number": "02/QĐ-TT"})

    # 30 days end on Saturday 04/04/2026 (due Monday 06/04); + 10 suspended days = Tuesday 14/04/2026.
    case.refresh_from_db()
    assert (case.suspended_since, case.due_on) == (None, date(2026, 4, 14))


def test_a_complaint_suspended_before_1_july_2026_is_refused_beside_the_date(handler, case):
    response = handler.post(step("suspend", case), {"on": "20/03/2026", "number": "01/QĐ-TĐC", "reason": "Chờ"})

    case.refresh_from_db()
    assert case.suspended_since is None
    assert response.context["suspension_form"].errors["on"] == [
        "Chỉ được tạm đình chỉ giải quyết khiếu nại từ ngày 01/07/2026 (Luật Khiếu nại, Điều 11a (sửa đổi, bổ "
        "sung); Nghị định 155/2026/NĐ-CP, Điều 22 khoản 1); trước ngày này pháp luật về khiếu nại chưa quy định "
        "tạm đình chỉ."
    ]


def test_carrying_out_a_decision_is_recorded_with_what_was_recovered(handler, case, handler_of_ia_grai):
    decide_case(case=verified(case), by=handler_of_ia_grai, issued_on=date(2026, 3, 30), number="7/QĐ",
                outcome=Outcome.FOUNDED, money_due=2)  # fmt: skip

    handler.post(step("enforce", case), {"on": "15/04/2026", "money_recovered": "2", "land_recovered": "0"})

    enforcement = Decision.objects.get().enforcement
    assert (enforcement.completed_on, enforcement.money_recovered) == (date(2026, 4, 15), 2)


def test_a_user_who_only_sees_the_case_cannot_decide_it(client, case, committee_of_ia_grai):
    client.force_login(staff_with_role(committee_of_ia_grai, Role.REPORTER))

    response = client.post(step("decide", case), DECISION)

    assert (response.status_code, Decision.objects.count()) == (403, 0)


def test_a_handler_marks_a_hotspot_with_its_plan_and_completes_it(client, receive, accept, handler_of_ia_grai):
    case = accept(receive(on=date(2026, 3, 2)), date(2026, 3, 3))
    client.force_login(handler_of_ia_grai)

    client.post(reverse("complaints:case-hotspot", args=[case.pk]), {"plan": "Đối thoại với 12 hộ dân"})
    client.post(reverse("complaints:case-hotspot-done", args=[case.pk]), {"on": "10/04/2026"})

    case.refresh_from_db()
    assert (case.hotspot, case.hotspot_plan, case.hotspot_plan_done_on) == (
        True,
        "Đối thoại với 12 hộ dân",
        date(2026, 4, 10),
    )


def test_the_case_page_says_when_the_rule_of_its_deadline_rests_on_an_unverified_source(handler, case):
    content = handler.get(page_of(case)).content.decode()

    assert "Căn cứ Luật Khiếu nại, Điều 28 (căn cứ chưa được kiểm chứng)" in content
