from django.apps import AppConfig


class DanvanConfig(AppConfig):
    name = "danvan"
    verbose_name = "Danh mục dùng chung"

    def ready(self) -> None:
        from danvan import lookups, structure  # noqa: F401 (registers the any_of lookup; forgets the structure on change)
