from django.apps import AppConfig


class DanvanConfig(AppConfig):
    name = "danvan"
    verbose_name = "Danh mục dùng chung"
