"""The Celery application: configuration comes from Django settings (CELERY_* names)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scrutiny.settings")

app = Celery("scrutiny", task_cls="scrutiny.threadpool:ThreadPoolTask")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
