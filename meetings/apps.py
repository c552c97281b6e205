from django.apps import AppConfig
from django.db.models.signals import post_migrate


class MeetingsConfig(AppConfig):
    name = "meetings"

    def ready(self):
        from meetings.services.search import ensure_sqlite_search_index

        post_migrate.connect(ensure_sqlite_search_index, sender=self)
