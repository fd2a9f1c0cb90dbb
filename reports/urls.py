from django.urls import path

from reports import views

app_name = "reports"

urlpatterns = [
    path("", views.report, name="report"),
    path("van-ban.docx", views.narrative_download, name="narrative-docx"),
    path("bang-dieu-khien/", views.dashboard, name="dashboard"),
    path("so-lieu.json", views.figures_json, name="figures-json"),
    path("bieu-mau.xlsx", views.forms_xlsx, name="forms-xlsx"),
]
