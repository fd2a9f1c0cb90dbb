from django.contrib.auth import views as auth_views
from django.urls import path

from danvan.accounts import passwords, views
from danvan.accounts.login import LoginView

urlpatterns = [
    path("dang-nhap/", LoginView.as_view(), name="login"),
    path("tai-khoan/", passwords.account, name="account"),
    path("tai-khoan/doi-mat-khau/", passwords.PasswordChangeView.as_view(), name="password_change"),
    path("quen-mat-khau/", passwords.PasswordResetView.as_view(), name="password_reset"),
    path("quen-mat-khau/da-gui/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "dat-lai-mat-khau/<uidb64>/<token>/",
        passwords.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("dat-lai-mat-khau/xong/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path("can-bo/", views.staff_list, name="staff-list"),
    path("can-bo/them/", views.staff_new, name="staff-new"),
    path("can-bo/<int:pk>/", views.staff_detail, name="staff-detail"),
    path("can-bo/<int:pk>/thong-tin/", views.staff_details, name="staff-details"),
    path("can-bo/<int:pk>/vai-tro/", views.staff_roles, name="staff-roles"),
    path("can-bo/<int:pk>/trang-thai/", views.staff_active, name="staff-active"),
    path("can-bo/<int:pk>/dat-lai-mat-khau/", views.staff_reset, name="staff-reset"),
    path("nhat-ky-thao-tac/", views.audit_log, name="audit-log"),
]
