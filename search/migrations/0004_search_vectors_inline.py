"""Keep each document's vector inside its row (compressed) rather than in the TOAST table:
every search reads the vectors of its matches, and reading them from the row itself
saves a look-up per match. Rows already written are rewritten to the new storage.
PostgreSQL only; SQLite keeps no vectors."""

from django.db import migrations


def store_vectors_inline(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "ALTER TABLE search_searchdocument ALTER COLUMN search_vector SET STORAGE MAIN"
    )
    # Concatenating an empty vector makes a new value, stored the new way.
    schema_editor.execute(
        "UPDATE search_searchdocument SET search_vector = search_vector || ''::tsvector "
        "WHERE search_vector IS NOT NULL"
    )


def store_vectors_apart(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "ALTER TABLE search_searchdocument ALTER COLUMN search_vector SET STORAGE EXTENDED"
        )


class Migration(migrations.Migration):
    dependencies = [("search", "0003_search_documents")]

    operations = [migrations.RunPython(store_vectors_inline, store_vectors_apart)]
