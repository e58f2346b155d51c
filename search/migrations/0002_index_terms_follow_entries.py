"""Once tied the word list to Wagtail's index entries; the word list is gone (0003), so
this step now does nothing and stays only so that migrated databases keep their history."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_index_terms"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = []
