from django.apps import AppConfig


class DanvanConfig(AppConfig):
    name = "danvan"
    verbose_name = "Danh mục dùng chung"

    def ready(self) -> None:
        from danvan import lookups, pickers, structure  # noqa: F401 (the any_of lookup, the core's pickers, forgetting)
