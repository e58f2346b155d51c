"""On PostgreSQL, index terms go when their index entry goes (whoever deletes it), and
the terms of entries indexed before the word list existed are written now."""

from django.db import migrations


def link_and_fill(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return  # only PostgreSQL ranks from the word list
    from search import terms

    schema_editor.execute(
        "ALTER TABLE search_indexterm ADD CONSTRAINT search_indexterm_entry_fk "
        "FOREIGN KEY (entry_id) REFERENCES wagtailsearch_indexentry (id) ON DELETE CASCADE "
        "DEFERRABLE INITIALLY DEFERRED"
    )
    terms.refresh_all(schema_editor.connection)


def unlink(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "ALTER TABLE search_indexterm DROP CONSTRAINT IF EXISTS search_indexterm_entry_fk"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_index_terms"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(link_and_fill, unlink)]
