import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from complaints.models import DenouncerIdentity, IdentityDocument, IdentityReveal
from complaints.services.vault import reveal_denouncer
from danvan.citizens import CitizenDetails
from danvan.models import Classification, Role, Staff
from tests.factories import staff_with_role

pytestmark = pytest.mark.django_db

NEVER_CACHE = "max-age=0, no-cache, no-store, must-revalidate, private"
REASON = "Xác minh nội dung tố cáo theo chỉ đạo của Chủ tịch UBND"


def permitted(staff: Staff) -> Staff:
    staff.user_permissions.add(Permission.objects.get(codename="reveal_denouncer"))
    return Staff.objects.get(pk=staff.pk)  # a fresh instance: Django caches permissions on the old one


@pytest.fixture
def denunciation(receive):
    details = CitizenDetails(
        full_name="Trần Thị Tố Giác", cccd="064190004321", address="Thôn 2, xã Ia Grai", phone="0905123456"
    )
    return receive(kind=Classification.DENUNCIATION, details=details)


@pytest.fixture
def inspector_of_ia_grai(handler_of_ia_grai):
    return permitted(handler_of_ia_grai)


@pytest.fixture
def inspector_of_pleiku(committee_of_pleiku):
    return permitted(staff_with_role(committee_of_pleiku, Role.HANDLER, full_name="Lê Văn Ngoài"))


def reveal_url(petition) -> str:
    return reverse("complaints:denouncer-reveal", args=[petition.pk])


def test_without_the_permission_the_reveal_is_forbidden_and_not_logged(client, denunciation, handler_of_ia_grai):
    client.force_login(handler_of_ia_grai)

    response = client.post(reveal_url(denunciation), {"reason": REASON})

    page = response.content.decode()
    assert (response.status_code, IdentityReveal.objects.count()) == (403, 0)
    assert '<p role="alert">Bạn không có quyền xem danh tính người tố cáo.</p>' in page
    assert "Trần Thị Tố Giác" not in page


def test_a_short_reason_is_refused_on_its_field_and_not_logged(client, denunciation, inspector_of_ia_grai):
    client.force_login(inspector_of_ia_grai)

    response = client.post(reveal_url(denunciation), {"reason": "cần xem"})

    assert response.context["form"].errors == {"reason": ["Hãy nêu rõ lý do cần xem danh tính người tố cáo."]}
    assert IdentityReveal.objects.count() == 0
    assert "Trần Thị Tố Giác" not in response.content.decode()


def test_a_stated_reason_reveals_the_denouncer_and_logs_who_and_why(client, denunciation, inspector_of_ia_grai):
    client.force_login(inspector_of_ia_grai)

    response = client.post(reveal_url(denunciation), {"reason": REASON})

    page = response.content.decode()
    assert "<dt>Họ và tên</dt><dd>Trần Thị Tố Giác</dd>" in page
    assert "<dt>Số CCCD</dt><dd>064190004321</dd>" in page
    assert "<dt>Điện thoại</dt><dd>0905123456</dd>" in page
    assert list(IdentityReveal.objects.values_list("staff", "reason")) == [(inspector_of_ia_grai.pk, REASON)]


def test_the_revealed_identity_is_never_cached(client, denunciation, inspector_of_ia_grai):
    client.force_login(inspector_of_ia_grai)

    response = client.post(reveal_url(denunciation), {"reason": REASON})

    assert response["Cache-Control"] == NEVER_CACHE


def test_the_identity_is_shown_on_the_reveal_response_only(client, denunciation, inspector_of_ia_grai):
    client.force_login(inspector_of_ia_grai)
    client.post(reveal_url(denunciation), {"reason": REASON})

    page = client.get(reveal_url(denunciation)).content.decode()

    assert "Trần Thị Tố Giác" not in page
    assert "Trần Thị Tố Giác" not in str(dict(client.session.items()))


def test_the_reveal_page_lists_earlier_reveals_with_who_and_why(client, denunciation, inspector_of_ia_grai):
    reveal_denouncer(petition=denunciation, by=inspector_of_ia_grai, reason=REASON)
    client.force_login(inspector_of_ia_grai)

    response = client.get(reveal_url(denunciation))

    at = timezone.localtime(IdentityReveal.objects.get().at)
    assert f"<tr><td>Đặng Văn Tâm</td><td>{at:%H:%M %d/%m/%Y}</td><td>{REASON}</td></tr>" in response.content.decode()


def test_the_reveal_page_of_a_petition_outside_the_scope_is_not_found(client, denunciation, inspector_of_pleiku):
    client.force_login(inspector_of_pleiku)

    response = client.post(reveal_url(denunciation), {"reason": REASON})

    assert (response.status_code, IdentityReveal.objects.count()) == (404, 0)
    assert "Trần Thị Tố Giác" not in response.content.decode()


def test_a_petition_without_a_denouncer_has_no_reveal_page(client, receive, inspector_of_ia_grai):
    client.force_login(inspector_of_ia_grai)

    response = client.get(reveal_url(receive(kind=Classification.COMPLAINT)))

    assert response.status_code == 404


def test_an_anonymous_visitor_is_sent_to_the_login_page(client, denunciation):
    response = client.get(reveal_url(denunciation))

    assert response.url == f"{reverse('login')}?next={reveal_url(denunciation)}"


def test_a_vault_document_is_sent_with_the_reason_and_logged(client, denunciation, inspector_of_ia_grai):
    document = IdentityDocument.objects.create(
        identity=denunciation.denouncer, file=ContentFile(b"%PDF-1.7 don to cao", name="don-to-cao.pdf")
    )
    client.force_login(inspector_of_ia_grai)

    response = client.post(reveal_url(denunciation), {"reason": REASON, "document": document.pk})

    assert (b"".join(response.streaming_content), response["Cache-Control"]) == (b"%PDF-1.7 don to cao", NEVER_CACHE)
    assert list(IdentityReveal.objects.values_list("staff", "reason")) == [(inspector_of_ia_grai.pk, REASON)]


def test_the_vault_is_not_in_the_admin():
    assert (DenouncerIdentity in admin.site._registry, IdentityDocument in admin.site._registry) == (False, False)


def test_the_reveal_log_is_read_only_in_the_admin(rf):
    request = rf.get("/")
    request.user = Staff(is_superuser=True, is_staff=True, is_active=True)
    log = admin.site._registry[IdentityReveal]

    allowed = [log.has_add_permission(request), log.has_change_permission(request), log.has_delete_permission(request)]

    assert allowed == [False, False, False]


def test_the_admin_list_of_petitions_does_not_show_the_denouncer(client, denunciation):
    client.force_login(Staff.objects.create(username="quantri", is_superuser=True, is_staff=True))

    page = client.get(reverse("admin:complaints_petition_changelist")).content.decode()

    assert denunciation.receipt_code in page
    assert "Trần Thị Tố Giác" not in page


def test_the_admin_shows_petitions_but_cannot_change_them(admin_client, receive):
    petition = receive()

    response = admin_client.post(reverse("admin:complaints_petition_change", args=[petition.pk]), {"content": "sửa"})

    petition.refresh_from_db()
    assert (response.status_code, petition.content) == (403, "Khiếu nại quyết định thu hồi đất của UBND xã")
