from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from danvan.models import Agency, Role
from reception.models import Mode, Receiver, ReceptionSchedule, ReceptionSession
from reception.session_forms import previous_month
from tests.edit_forms import opened
from tests.factories import AgencyFactory, CitizenFactory, SessionFactory, VisitFactory, staff_with_role

pytestmark = pytest.mark.django_db

SESSION_CREATE = reverse("reception:session-create")
SESSION_LIST = reverse("reception:session-list")
COMPLIANCE = reverse("reception:compliance")


@pytest.fixture
def officer_in_ia_grai(committee_of_ia_grai):
    return staff_with_role(committee_of_ia_grai, Role.RECEPTIONIST, full_name="Rơ Mah Thị Bơ")


@pytest.fixture
def ia_grai_client(client, officer_in_ia_grai):
    client.force_login(officer_in_ia_grai)
    return client


@pytest.fixture
def session_in_ia_grai(committee_of_ia_grai):
    return SessionFactory(agency=committee_of_ia_grai, date=date(2026, 3, 12), host_title="Chủ tịch UBND xã")


def session_form(agency, **changes):
    data = {
        "date": "05/03/2026",
        "agency": agency.pk,
        "mode": Mode.PERIODIC,
        "receiver": Receiver.HEAD,
        "host_name": "Phạm Minh Đức",
        "host_title": "Chủ tịch UBND xã",
        "reference": "",
        "conclusion_number": "",
        "conclusion": "",
    }
    return data | changes


def test_a_session_at_which_no_citizen_came_is_recorded(ia_grai_client, committee_of_ia_grai, officer_in_ia_grai):
    response = ia_grai_client.post(SESSION_CREATE, session_form(committee_of_ia_grai))

    session = ReceptionSession.objects.get()
    assert response.url == session.get_absolute_url()
    assert (session.agency, session.date, session.receiver, session.host_name, session.created_by) == (
        committee_of_ia_grai,
        date(2026, 3, 5),
        Receiver.HEAD,
        "Phạm Minh Đức",
        officer_in_ia_grai,
    )


def test_the_page_of_a_session_without_citizens_says_it_still_counts(ia_grai_client, session_in_ia_grai):
    response = ia_grai_client.get(session_in_ia_grai.get_absolute_url())

    assert list(response.context["visits"]) == []
    assert "Không có công dân đến trong kỳ tiếp này; kỳ tiếp vẫn được tính là đã tổ chức." in response.content.decode()


def test_the_page_of_an_ad_hoc_session_says_it_does_not_count_as_periodic(ia_grai_client, committee_of_ia_grai):
    session = SessionFactory(agency=committee_of_ia_grai, date=date(2026, 3, 12), mode=Mode.AD_HOC)

    response = ia_grai_client.get(session.get_absolute_url())

    expected = (
        "<dt>Tính vào tiếp định kỳ</dt><dd>Không — tiếp đột xuất (Luật Tiếp công dân, Điều 18 khoản 3) không tính "
        "vào tiếp định kỳ</dd>"
    )
    assert expected in response.content.decode()


def test_the_page_of_a_delegate_session_after_the_bar_says_its_source_is_not_verified(
    ia_grai_client, committee_of_ia_grai
):
    session = SessionFactory(agency=committee_of_ia_grai, date=date(2026, 7, 2), receiver=Receiver.DELEGATE)

    response = ia_grai_client.get(session.get_absolute_url())

    expected = (
        "<dt>Tính vào tiếp định kỳ</dt><dd>Không — từ ngày 01/07/2026, người đứng đầu không được ủy quyền tiếp định "
        "kỳ (Luật số 136/2025/QH15 — theo thông tin báo chí, chưa đối chiếu với văn bản gốc)</dd>"
    )
    assert expected in response.content.decode()


def test_the_session_list_filters_ad_hoc_sessions(ia_grai_client, committee_of_ia_grai, session_in_ia_grai):
    ad_hoc = SessionFactory(agency=committee_of_ia_grai, date=date(2026, 3, 12), mode=Mode.AD_HOC)

    response = ia_grai_client.get(SESSION_LIST, {"mode": Mode.AD_HOC})

    assert list(response.context["page"]) == [ad_hoc]


def test_a_session_dated_in_the_future_is_refused_and_nothing_is_saved(ia_grai_client, committee_of_ia_grai):
    tomorrow = timezone.localdate() + timedelta(days=1)

    response = ia_grai_client.post(SESSION_CREATE, session_form(committee_of_ia_grai, date=f"{tomorrow:%d/%m/%Y}"))

    assert response.context["form"].errors == {"date": ["Không ghi nhận kỳ tiếp ở ngày tương lai."]}
    assert ReceptionSession.objects.count() == 0


def test_a_session_before_the_commune_existed_is_refused(ia_grai_client, committee_of_ia_grai):
    response = ia_grai_client.post(SESSION_CREATE, session_form(committee_of_ia_grai, date="30/06/2025"))

    assert response.context["form"].errors == {
        "date": ["Vào ngày 30/06/2025, Xã Ia Grai không còn hoặc chưa được thành lập."]
    }
    assert ReceptionSession.objects.count() == 0


def test_the_same_session_recorded_twice_is_explained(ia_grai_client, committee_of_ia_grai, session_in_ia_grai):
    response = ia_grai_client.post(SESSION_CREATE, session_form(committee_of_ia_grai, date="12/03/2026"))

    assert response.context["form"].errors == {
        "__all__": [
            "Cơ quan đã có kỳ tiếp ngày này với cùng hình thức và người tiếp. Nếu đây là một kỳ tiếp khác "
            "trong ngày, hãy nhập mã kỳ tiếp."
        ]
    }
    assert ReceptionSession.objects.count() == 1


def test_a_session_cannot_be_recorded_for_another_commune(ia_grai_client, committee_of_pleiku):
    response = ia_grai_client.post(SESSION_CREATE, session_form(committee_of_pleiku))

    assert response.context["form"].errors == {
        "agency": ["Hãy chọn một lựa chọn hợp lệ. Lựa chọn đó không phải là một trong các lựa chọn khả thi."]
    }
    assert ReceptionSession.objects.count() == 0


def test_the_concluding_notice_is_stored(ia_grai_client, session_in_ia_grai):
    url = reverse("reception:session-conclude", args=[session_in_ia_grai.pk])

    response = ia_grai_client.post(
        url, {"conclusion_number": "15/TB-UBND", "conclusion": "Giao địa chính xã kiểm tra."}
    )

    session_in_ia_grai.refresh_from_db()
    assert response.url == session_in_ia_grai.get_absolute_url()
    assert (session_in_ia_grai.conclusion_number, session_in_ia_grai.conclusion) == (
        "15/TB-UBND",
        "Giao địa chính xã kiểm tra.",
    )


def test_an_empty_concluding_notice_is_refused(ia_grai_client, session_in_ia_grai):
    url = reverse("reception:session-conclude", args=[session_in_ia_grai.pk])

    response = ia_grai_client.post(url, {"conclusion_number": "15/TB-UBND", "conclusion": "  "})

    session_in_ia_grai.refresh_from_db()
    assert response.context["conclusion_form"].errors == {"conclusion": ["Hãy nhập nội dung thông báo kết luận."]}
    assert session_in_ia_grai.conclusion_number == ""


def test_the_concluding_notice_is_only_accepted_by_post(ia_grai_client, session_in_ia_grai):
    response = ia_grai_client.get(reverse("reception:session-conclude", args=[session_in_ia_grai.pk]))

    assert response.status_code == 405


def test_a_province_reporter_reads_a_commune_session_but_cannot_conclude_it(
    client, committee_of_gia_lai, session_in_ia_grai
):
    client.force_login(staff_with_role(committee_of_gia_lai, Role.REPORTER))

    page = client.get(session_in_ia_grai.get_absolute_url())
    refused = client.post(
        reverse("reception:session-conclude", args=[session_in_ia_grai.pk]), {"conclusion": "Đã giải quyết."}
    )

    session_in_ia_grai.refresh_from_db()
    assert (page.context["session"], page.context["conclusion_form"]) == (session_in_ia_grai, None)
    assert (refused.status_code, session_in_ia_grai.conclusion) == (403, "")


def test_an_officer_of_another_commune_gets_404_on_the_session(client, committee_of_pleiku, session_in_ia_grai):
    client.force_login(staff_with_role(committee_of_pleiku, Role.LEADER))

    page = client.get(session_in_ia_grai.get_absolute_url())
    conclude = client.post(
        reverse("reception:session-conclude", args=[session_in_ia_grai.pk]), {"conclusion": "Đã giải quyết."}
    )

    session_in_ia_grai.refresh_from_db()
    assert (page.status_code, conclude.status_code, session_in_ia_grai.conclusion) == (404, 404, "")


def test_the_session_page_lists_its_visits_with_the_cccd_masked(ia_grai_client, session_in_ia_grai):
    citizen = CitizenFactory(full_name="Nguyễn Văn An", cccd="064090001234")
    VisitFactory(
        agency=session_in_ia_grai.agency,
        session=session_in_ia_grai,
        citizen=citizen,
        mode=Mode.PERIODIC,
        receiver=Receiver.HEAD,
        receiver_name="Phạm Minh Đức",
    )

    page = ia_grai_client.get(session_in_ia_grai.get_absolute_url()).content.decode()

    assert '<td class="code">*********234</td>' in page
    assert "064090001234" not in page


def test_the_session_list_filters_by_date_range_and_agency(
    client, committee_of_gia_lai, committee_of_ia_grai, committee_of_pleiku
):
    wanted = SessionFactory(agency=committee_of_ia_grai, date=date(2026, 3, 12))
    SessionFactory(agency=committee_of_ia_grai, date=date(2026, 2, 12))
    SessionFactory(agency=committee_of_pleiku, date=date(2026, 3, 12))
    client.force_login(staff_with_role(committee_of_gia_lai, Role.LEADER))

    response = client.get(
        SESSION_LIST, {"date_from": "01/03/2026", "date_to": "31/03/2026", "agency": committee_of_ia_grai.pk}
    )

    assert list(response.context["page"]) == [wanted]


def test_the_session_list_holds_only_the_sessions_in_scope(ia_grai_client, session_in_ia_grai, committee_of_pleiku):
    SessionFactory(agency=committee_of_pleiku)

    response = ia_grai_client.get(SESSION_LIST)

    assert list(response.context["page"]) == [session_in_ia_grai]


def test_a_published_schedule_is_kept_and_listed(ia_grai_client, committee_of_ia_grai):
    response = ia_grai_client.post(
        reverse("reception:schedule-create"),
        {
            "agency": committee_of_ia_grai.pk,
            "head_name": "Phạm Minh Đức",
            "head_title": "Chủ tịch UBND xã",
            "description": "Thứ Năm hằng tuần",
            "place": "Trụ sở UBND xã Ia Grai",
            "valid_from": "01/01/2026",
            "document": "Thông báo số 3/TB-UBND",
        },
        follow=True,
    )

    schedule = ReceptionSchedule.objects.get()
    assert (schedule.agency, schedule.description, schedule.valid_from) == (
        committee_of_ia_grai,
        "Thứ Năm hằng tuần",
        date(2026, 1, 1),
    )
    assert list(response.context["page"]) == [schedule]


def test_the_compliance_page_lists_the_head_who_fell_short_first(
    client, committee_of_gia_lai, committee_of_ia_grai, committee_of_pleiku
):
    SessionFactory(agency=committee_of_gia_lai, date=date(2026, 3, 5))
    for monday in (2, 9, 16, 23, 30):
        SessionFactory(agency=committee_of_ia_grai, date=date(2026, 3, monday))
    client.force_login(staff_with_role(committee_of_gia_lai, Role.LEADER))

    response = client.get(COMPLIANCE, {"month": 3, "year": 2026})

    rows = [(head.agency, head.required, head.held, head.met) for head in response.context["page"]]
    assert rows == [
        (committee_of_pleiku, 5, 0, False),
        (committee_of_gia_lai, 1, 1, True),
        (committee_of_ia_grai, 5, 5, True),
    ]
    assert response.context["short"] == 1
    assert '<span class="mark mark-short">Chưa đạt</span>' in response.content.decode()


def test_the_compliance_page_shows_the_previous_month_by_default(client, committee_of_gia_lai):
    client.force_login(staff_with_role(committee_of_gia_lai, Role.LEADER))

    response = client.get(COMPLIANCE)

    year, month = previous_month(timezone.localdate())
    assert response.context["month"] == date(year, month, 1)


def test_a_month_still_to_come_is_refused_on_the_compliance_page(client, committee_of_gia_lai):
    next_month = timezone.localdate().replace(day=28) + timedelta(days=4)
    client.force_login(staff_with_role(committee_of_gia_lai, Role.LEADER))

    response = client.get(COMPLIANCE, {"month": next_month.month, "year": next_month.year})

    assert response.context["form"].errors == {"month": ["Tháng được chọn chưa đến."]}


def test_the_compliance_page_of_a_commune_officer_leaves_out_another_commune(
    ia_grai_client, committee_of_ia_grai, committee_of_pleiku
):
    response = ia_grai_client.get(COMPLIANCE, {"month": 3, "year": 2026})

    assert [head.agency for head in response.context["page"]] == [committee_of_ia_grai]


def test_the_schedule_list_holds_only_the_schedules_in_scope(ia_grai_client, committee_of_ia_grai, committee_of_pleiku):
    schedule_fields = {
        "head_name": "Phạm Minh Đức",
        "head_title": "Chủ tịch UBND xã",
        "description": "Thứ Năm hằng tuần",
        "place": "Trụ sở UBND xã",
        "valid_from": date(2026, 1, 1),
    }
    own = ReceptionSchedule.objects.create(agency=committee_of_ia_grai, **schedule_fields)
    ReceptionSchedule.objects.create(agency=committee_of_pleiku, **schedule_fields)

    response = ia_grai_client.get(reverse("reception:schedule-list"))

    assert list(response.context["page"]) == [own]


def test_the_compliance_page_says_that_the_party_rule_from_23_11_2025_rests_on_an_unverified_source(
    client, committee_of_gia_lai
):
    AgencyFactory(unit=committee_of_gia_lai.unit, kind=Agency.Kind.PARTY, name="Tỉnh ủy Gia Lai")
    client.force_login(staff_with_role(committee_of_gia_lai, Role.LEADER))

    response = client.get(COMPLIANCE, {"month": 12, "year": 2025})

    assert (
        '<small class="muted">Quy định 11-QĐi/TW, sửa đổi theo Kết luận 215-KL/TW ngày 23/11/2025 của Bộ Chính trị'
        " — nguồn chưa được đối chiếu với văn bản gốc, mức tối thiểu có thể điều chỉnh</small>"
    ) in response.content.decode()


def test_a_stored_concluding_notice_is_not_overwritten_by_a_second_one(ia_grai_client, session_in_ia_grai):
    session_in_ia_grai.conclusion = "Giao địa chính xã kiểm tra."
    session_in_ia_grai.save()

    response = ia_grai_client.post(
        reverse("reception:session-conclude", args=[session_in_ia_grai.pk]), {"conclusion": "Nội dung khác."}
    )

    session_in_ia_grai.refresh_from_db()
    assert response.context["conclusion_form"].errors == {
        "conclusion": ["Kỳ tiếp đã có thông báo kết luận: hãy dùng “Sửa” và ghi lý do sửa."]
    }
    assert session_in_ia_grai.conclusion == "Giao địa chính xã kiểm tra."


def test_a_concluding_notice_is_corrected_with_its_reason_and_shown_on_the_sessions_timeline(
    ia_grai_client, session_in_ia_grai
):
    session_in_ia_grai.conclusion, session_in_ia_grai.conclusion_number = "Giao địa chính xã kiểm tra.", "15/TB-UBND"
    session_in_ia_grai.save()
    data = {
        "host_name": session_in_ia_grai.host_name,
        "host_title": session_in_ia_grai.host_title,
        "conclusion_number": "16/TB-UBND",
        "conclusion": "Giao địa chính xã kiểm tra.",
        "reason": "Nhập nhầm số thông báo",
    }

    url = reverse("reception:session-correct", args=[session_in_ia_grai.pk])

    response = ia_grai_client.post(url, data | opened(ia_grai_client, url))
    page = ia_grai_client.get(session_in_ia_grai.get_absolute_url()).content.decode()

    assert response.url == session_in_ia_grai.get_absolute_url()
    assert "Sửa thông tin kỳ tiếp: số thông báo kết luận" in page
    assert "<del>15/TB-UBND</del> → <ins>16/TB-UBND</ins>" in page
    assert "Lý do: Nhập nhầm số thông báo" in page


def test_a_concluding_notice_cannot_be_corrected_to_nothing(ia_grai_client, session_in_ia_grai):
    session_in_ia_grai.conclusion = "Giao địa chính xã kiểm tra."
    session_in_ia_grai.save()
    data = {
        "host_name": session_in_ia_grai.host_name,
        "host_title": session_in_ia_grai.host_title,
        "conclusion_number": "",
        "conclusion": "",
        "reason": "Xóa nhầm",
    }

    url = reverse("reception:session-correct", args=[session_in_ia_grai.pk])

    response = ia_grai_client.post(url, data | opened(ia_grai_client, url))

    assert response.context["form"].errors == {"conclusion": ["Hãy nhập nội dung thông báo kết luận."]}
