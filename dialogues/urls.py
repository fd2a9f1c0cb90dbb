from django.urls import path

from dialogues.views import dialogues, exports, follow_up, obligation

app_name = "dialogues"

urlpatterns = [
    path("", dialogues.dialogue_list, name="dialogue-list"),
    path("ghi-nhan/", dialogues.dialogue_create, name="dialogue-create"),
    path("<int:pk>/", dialogues.dialogue_detail, name="dialogue-detail"),
    path("<int:pk>/sua/", dialogues.dialogue_update, name="dialogue-update"),
    path("<int:pk>/y-kien/", dialogues.opinion_add, name="opinion-add"),
    path("<int:pk>/ket-luan/", dialogues.directive_add, name="directive-add"),
    path("y-kien/<int:pk>/giai-quyet/", follow_up.opinion_resolve, name="opinion-resolve"),
    path("ket-luan/<int:pk>/hoan-thanh/", follow_up.directive_complete, name="directive-complete"),
    path("theo-doi/", follow_up.follow_up, name="follow-up"),
    path("xuat-excel/", exports.dialogue_export, name="dialogue-export"),
    path("nghia-vu-hang-nam/", obligation.obligation, name="obligation"),
]
