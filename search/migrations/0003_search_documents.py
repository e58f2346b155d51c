"""The site search's own documents table replaces the word list that hung off Wagtail's
index entries: the word list, and with it its foreign key into `wagtailsearch_indexentry`,
goes. The vector's GIN index exists on PostgreSQL only (SQLite ranks without it); the
documents are written after migrating (`search.signals.fill_after_migrate`)."""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

VECTOR_INDEX = django.contrib.postgres.indexes.GinIndex(
    fields=["search_vector"], name="search_document_vector"
)


def add_vector_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("search", "SearchDocument"), VECTOR_INDEX)


def compress_vectors_with_lz4(apps, schema_editor):
    """Ranking reads every match's vector: lz4 unpacks them faster than the default pglz
    (PostgreSQL 14 and later, when built with lz4; otherwise the default stays)."""
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' "
            "AND 'lz4' = ANY(enumvals)"
        )
        if cursor.fetchone():
            schema_editor.execute(
                "ALTER TABLE search_searchdocument ALTER COLUMN search_vector SET COMPRESSION lz4"
            )


def remove_vector_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("search", "SearchDocument"), VECTOR_INDEX)


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("search", "0002_index_terms_follow_entries"),
    ]

    operations = [
        migrations.DeleteModel(name="IndexTerm"),
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("object_id", models.BigIntegerField(help_text="The object's primary key.")),
                (
                    "title",
                    models.TextField(blank=True, help_text="The title or name: it weighs most."),
                ),
                (
                    "body",
                    models.TextField(
                        blank=True, help_text="The rest of the object's searchable text."
                    ),
                ),
                (
                    "search_vector",
                    django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
                ),
                (
                    "content_type",
                    models.ForeignKey(
                        help_text="The object's type.",
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="contenttypes.contenttype",
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("content_type", "object_id"), name="search_document_object"
                    )
                ],
            },
        ),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddIndex(model_name="searchdocument", index=VECTOR_INDEX)
            ],
            database_operations=[migrations.RunPython(add_vector_index, remove_vector_index)],
        ),
        migrations.RunPython(compress_vectors_with_lz4, migrations.RunPython.noop),
    ]
