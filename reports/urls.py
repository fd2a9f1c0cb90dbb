from django.urls import path

from reports import management_views, narrative_views, opening_views, sent_views, views

app_name = "reports"

urlpatterns = [
    path("", views.report, name="report"),
    path("van-ban.docx", narrative_views.narrative_download, name="narrative-docx"),
    path("noi-dung/", narrative_views.sections_save, name="sections-save"),
    path("bang-dieu-khien/", views.dashboard, name="dashboard"),
    path("so-lieu.json", views.figures_json, name="figures-json"),
    path("gui/", sent_views.report_mark_sent, name="mark-sent"),
    path("da-gui/", sent_views.sent_list, name="sent-list"),
    path("da-gui/<int:pk>/", sent_views.sent_detail, name="sent-detail"),
    path("bieu-mau.xlsx", views.forms_xlsx, name="forms-xlsx"),
    path("chi-tiet/", views.drilldown, name="drilldown"),
    path("so-lieu-dau-ky/", opening_views.openings, name="openings"),
    path("so-lieu-dau-ky/<int:pk>/xoa/", opening_views.opening_delete, name="opening-delete"),
    path("quan-ly-nha-nuoc/", management_views.management, name="management"),
]
