from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from complaints.views import lookup
from danvan import calendar_views, views
from portal.search import search
from portal.views import home
from reception.views import public as reception_public

urlpatterns = [
    path("", home, name="home"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include("danvan.accounts.urls")),
    path("co-quan/", views.agency_list, name="agency-list"),
    path("co-quan/<int:pk>/", views.agency_detail, name="agency-detail"),
    path("chon/<slug:picker>/", views.pick, name="pick"),
    path("lich-lam-viec/", calendar_views.calendar, name="calendar"),
    path("lich-lam-viec/<int:pk>/xoa/", calendar_views.calendar_delete, name="calendar-delete"),
    path("", include("registers.urls")),
    path("tiep-cong-dan/", include("reception.urls")),
    path("tiep-cong-dan/", include("complaints.visit_urls")),
    path("don-thu/", include("complaints.urls")),
    path("doi-thoai/", include("dialogues.urls")),
    path("bao-cao/", include("reports.urls")),
    path("viec-cua-toi/", include("worklist.urls")),
    path("tra-cuu/", lookup.lookup, name="public-lookup"),
    path("tim-kiem/", search, name="search"),
    path("lich-tiep-cong-dan/", reception_public.schedule_board, name="public-schedules"),
    path("quan-tri/", admin.site.urls),
]
