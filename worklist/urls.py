from django.urls import path

from worklist import counters, views

app_name = "worklist"

urlpatterns = [
    path("", views.mine, name="mine"),
    path("bo-loc/", views.filter_save, name="filter-save"),
    path("bo-loc/<int:pk>/xoa/", views.filter_delete, name="filter-delete"),
    path("nhan-thu/", views.email_choice, name="email-choice"),
    path("thong-bao/", views.notifications, name="notifications"),
    path("dem/", counters.queue_counts, name="counts"),
    path("thong-bao/dem/", counters.unread_count, name="unread"),
]
