from django.urls import path

from reception.views import citizens, compliance, desk, sessions, visits

app_name = "reception"

urlpatterns = [
    path("", desk.desk, name="desk"),
    path("tra-cuu-cong-dan/", desk.citizen_lookup, name="citizen-lookup"),
    path("chon-cong-dan/", desk.citizen_pick, name="citizen-pick"),
    path("canh-bao/", desk.live_warnings, name="desk-warnings"),
    path("cong-dan/<int:pk>/", citizens.citizen_detail, name="citizen-detail"),
    path("cong-dan/<int:pk>/sua/", citizens.citizen_correct, name="citizen-correct"),
    path("tim-vu-viec/", desk.case_search, name="case-search"),
    path("chon-vu-viec/", desk.case_pick, name="case-pick"),
    path("luot-tiep/", visits.visit_list, name="visit-list"),
    path("luot-tiep/xuat-excel/", visits.visit_export, name="visit-export"),
    path("luot-tiep/<int:pk>/", visits.visit_detail, name="visit-detail"),
    path("luot-tiep/<int:pk>/sua/", visits.visit_correct, name="visit-correct"),
    path("luot-tiep/<int:pk>/bien-nhan/", visits.visit_receipt, name="visit-receipt"),
    path("ky-tiep/", sessions.session_list, name="session-list"),
    path("ky-tiep/them/", sessions.session_create, name="session-create"),
    path("ky-tiep/<int:pk>/", sessions.session_detail, name="session-detail"),
    path("ky-tiep/<int:pk>/ket-luan/", sessions.session_conclude, name="session-conclude"),
    path("ky-tiep/<int:pk>/sua/", sessions.session_correct, name="session-correct"),
    path("lich-tiep/", sessions.schedule_list, name="schedule-list"),
    path("lich-tiep/them/", sessions.schedule_create, name="schedule-create"),
    path("tan-suat/", compliance.compliance, name="compliance"),
]
