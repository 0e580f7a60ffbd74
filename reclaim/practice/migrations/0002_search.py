"""Search over articles: an FTS5 table on SQLite, a GIN index on PostgreSQL.

Which one is made depends on the database the migration runs on; the other
database gets nothing. See reclaim/practice/search.py.
"""

from django.db import migrations

TABLE = "practice_article_search"
INDEX = "practice_article_search_gin"


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        # Porter stemming, so "trusting" finds "trust"; the rowid is the article's id.
        schema_editor.execute(
            f"CREATE VIRTUAL TABLE {TABLE} USING fts5("
            "title, summary, text, tokenize = 'porter unicode61 remove_diacritics 2')"
        )
        # Articles written before this migration are indexed now.
        Article = apps.get_model("practice", "Article")
        from django.utils.html import strip_tags

        for article in Article.objects.all():
            schema_editor.execute(
                f"INSERT INTO {TABLE} (rowid, title, summary, text) VALUES (%s, %s, %s, %s)",
                [article.pk, article.title, article.summary, strip_tags(article.body_html)],
            )
    elif vendor == "postgresql":
        from django.contrib.postgres.indexes import GinIndex

        from reclaim.practice.search import search_vector

        Article = apps.get_model("practice", "Article")
        schema_editor.add_index(Article, GinIndex(search_vector(), name=INDEX))


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(f"DROP TABLE IF EXISTS {TABLE}")
    elif vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("practice", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
