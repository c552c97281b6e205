"""Meetings listed in a pack's "Dates of Meetings" before their own pack; the search index.

The search index is GIN expression indexes on PostgreSQL and an FTS5 table kept by triggers on
SQLite (meetings/services/search.py says why); if the searched columns change, add a migration
that drops and installs it again.
"""

import django.db.models.deletion
from django.db import migrations, models

from meetings.services.search import install_search_index, remove_search_index


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0005_pages_progress_labels"),
        ("indicators", "0002_polarity_confirmed"),
    ]

    operations = [
        migrations.AddField(
            model_name="meeting",
            name="listed_in",
            field=models.ForeignKey(
                blank=True,
                help_text="The published pack whose 'Dates of Meetings' listed it (before its own pack).",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="meetings.pack",
            ),
        ),
        migrations.RunPython(install_search_index, remove_search_index),
    ]
