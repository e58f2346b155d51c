from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
    ]

    operations = [
        migrations.CreateModel(
            name='IndexTerm',
            fields=[
                ('pk', models.CompositePrimaryKey('entry_id', 'lexeme', blank=True, editable=False, primary_key=True, serialize=False)),
                ('entry_id', models.IntegerField(help_text='The Wagtail search index entry.')),
                ('lexeme', models.TextField()),
                ('content_type_id', models.IntegerField()),
                ('object_id', models.BigIntegerField()),
                ('score', models.FloatField(help_text='How strongly the entry is about this word.')),
            ],
            options={
                'indexes': [models.Index(fields=['lexeme'], include=('entry_id', 'content_type_id', 'object_id', 'score'), name='search_term_lexeme_idx')],
            },
        ),
    ]
