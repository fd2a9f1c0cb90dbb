from django.apps import AppConfig


class DialoguesConfig(AppConfig):
    name = "dialogues"
    verbose_name = "Đối thoại, tiếp xúc cử tri"
