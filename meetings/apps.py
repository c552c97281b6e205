from django.apps import AppConfig
from django.db.models.signals import post_migrate


class MeetingsConfig(AppConfig):
    name = "meetings"

    def ready(self):
        # models are only importable once the app registry is ready
        from meetings.services.search import ensure_sqlite_search_index  # noqa: PLC0415

        post_migrate.connect(ensure_sqlite_search_index, sender=self)
