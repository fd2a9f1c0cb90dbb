from django.urls import path

from registers import views

app_name = "registers"

urlpatterns = [
    path("nhap-so/", views.import_upload, name="import"),
    path("nhap-so/<int:pk>/", views.import_detail, name="import-detail"),
    path("nhap-so/<int:pk>/xac-nhan/", views.import_confirm, name="import-confirm"),
    path("nhap-so/<int:pk>/anh-xa/", views.import_map, name="import-map"),
    path("xuat-so/", views.register_export, name="export"),
    path("xuat-so/<int:pk>/", views.export_detail, name="export-detail"),
    path("xuat-so/<int:pk>/tai-ve/", views.export_download, name="export-download"),
]
