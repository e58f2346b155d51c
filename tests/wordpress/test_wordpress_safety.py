"""Hostile markup, private posts, spam comments and dangerous XML never get through."""

import pytest

from django.core.management import CommandError

from drafting.models import Comment
from essays.models import EssayPage, SeriesPage
from roundups.models import RoundupPage
from tests.wordpress.conftest import SEED, import_wordpress, report_row
from wordpress.html_blocks import clean_rich_text, convert

pytestmark = pytest.mark.django_db

HOSTILE = (
    "<script",
    "alert(",
    "onerror",
    "onclick",
    "onmouseover",
    "javascript:",
    "style=",
    "<svg",
    "<object",
    "<iframe",
)


def test_hostile_markup_is_neutralised_and_reported(edge_import, client):
    essay = EssayPage.objects.get(title="Hostile markup")
    html = client.get(essay.url).content.decode()
    body = html[html.index('class="prose essay__body"') :]
    for bad in HOSTILE:
        assert bad not in body, bad
    assert 'href="https://example.org/safe"' in body
    assert '<p class="embed-stand-in">A video</p>' in body
    assert "Lets Get Social [sic] stays as written." in body
    kinds = [block.block_type for block in essay.body]
    assert kinds.count("embed") == 1  # the YouTube player became an embed
    assert (
        essay.body[kinds.index("embed")].value.url == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    )
    for note in (
        "<script> removed",
        "link to a script removed",
        "embed of tracker.example.net removed",
        "<svg> removed",
        "<object> removed",
        "shortcode [contact-form] removed",
        "inline styles removed",
    ):
        assert f"“Hostile markup”: {note}" in edge_import, note
    assert essay.standfirst == "Markup that must not run."


def test_every_paragraph_passes_the_rich_text_whitelist(edge_import):
    essay = EssayPage.objects.get(title="Hostile markup")
    for block in essay.body.raw_data:
        if block["type"] == "paragraph":
            assert clean_rich_text(block["value"]) == block["value"]


def test_private_pending_and_binned_posts_are_never_public(edge_import, client):
    private = EssayPage.objects.get(title="Private thoughts")
    pending = EssayPage.objects.get(title="Waiting for review")
    assert not private.live and not pending.live
    assert client.get(f"/essays/{private.slug}/").status_code == 404
    assert client.get("/2013/05/private-thoughts/").status_code == 404
    assert not EssayPage.objects.filter(title="Thrown away").exists()
    assert "skipped essay: in the WordPress bin (1)" in edge_import
    assert "private on WordPress: imported as a draft" in edge_import
    assert "pending review on WordPress: imported as a draft" in edge_import


def test_published_comments_show_under_the_essay_and_spam_stays_behind(edge_import, client):
    kept = list(Comment.objects.order_by("created_at"))
    assert [comment.author_name for comment in kept] == ["Reader <b>One</b>", "Reader Two"]
    assert kept[1].parent == kept[0]
    assert all(comment.state == Comment.State.PUBLISHED for comment in kept)
    assert kept[0].text == "First! Good post."
    essay = EssayPage.objects.get(title="Hostile markup")
    assert essay.comments_open_until == kept[1].created_at  # closed: shown, no form
    html = client.get(essay.url).content.decode()
    assert "A reply to the first." in html
    assert "Reader &lt;b&gt;One&lt;/b&gt;" in html
    assert 'name="text"' not in html
    assert report_row(edge_import, "comment") == [2, 0, 0, 2]
    assert "skipped comment: spam (1)" in edge_import
    assert "skipped comment: in the WordPress bin (1)" in edge_import


def test_part_titles_take_their_series_from_the_category(edge_import):
    series = SeriesPage.objects.get(title="Open data")
    parts = list(EssayPage.objects.child_of(series).order_by("path"))
    assert [(part.title, part.live) for part in parts] == [
        ("Why open data", True),
        ("Part 2", False),
        ("Publishing the data", True),
    ]


@pytest.mark.parametrize(
    "document, message",
    [
        (
            '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
            "<rss><channel><title>&b;</title></channel></rss>",
            "declares XML entities",
        ),
        (
            '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            "<rss><channel><title>&x;</title></channel></rss>",
            "declares XML entities",
        ),
        ("<rss><channel><item>", "not well-formed XML"),
        ("<html><body>Hello</body></html>", "not a WordPress export"),
    ],
)
def test_dangerous_or_broken_files_are_refused_with_a_clear_message(
    home_page, tmp_path, document, message
):
    path = tmp_path / "export.xml"
    path.write_text(document)
    with pytest.raises(CommandError, match=message):
        import_wordpress(path)
    assert not EssayPage.objects.exists()


def test_a_missing_file_is_named(home_page, tmp_path):
    with pytest.raises(CommandError, match="There is no file at"):
        import_wordpress(tmp_path / "nowhere.xml")


def test_converter_builds_each_kind_of_block():
    html = (
        "First paragraph\nwith a break.\n\nSecond <em>paragraph</em>.\n\n"
        "<h1>Big</h1><h4>Small</h4><ul><li>One<ul><li>Nested</li></ul></li><li>Two</li></ul>"
        "<blockquote><p>“Quoted words”</p><cite>Someone</cite></blockquote>"
        "https://www.youtube.com/watch?v=abc123\n\n"
        '[caption id="x"]<img src="/wp-content/uploads/2020/01/a.jpg" alt="A"> A caption[/caption]'
    )
    result = convert(html, find_image=lambda src: 7 if src.endswith("a.jpg") else None)
    summary = [(block["type"], block["value"]) for block in result.blocks]
    assert summary == [
        ("paragraph", "<p>First paragraph<br/>with a break.</p>"),
        ("paragraph", "<p>Second <i>paragraph</i>.</p>"),
        ("heading", {"text": "Big", "level": "h2"}),
        ("heading", {"text": "Small", "level": "h3"}),
        ("list", {"style": "ul", "items": ["<p>One</p>", "<p>Nested</p>", "<p>Two</p>"]}),
        ("quote", {"quote": "Quoted words", "attribution": "Someone"}),
        ("embed", "https://www.youtube.com/watch?v=abc123"),
        ("image", {"image": 7, "alt_text": "A", "decorative": False, "caption": "A caption"}),
    ]


def test_a_post_the_page_form_would_refuse_is_reported_with_the_forms_own_words(
    home_page, tmp_path
):
    """A roundup whose excerpts were posted after its week ended: the report names the
    excerpt and the field, as the editor's form would, not a summary of block errors."""
    export = tmp_path / "export.xml"
    seed = SEED.read_text()
    assert "(week ending 19th October" in seed
    export.write_text(seed.replace("(week ending 19th October", "(week ending 1st October"))
    report = import_wordpress(export)
    assert (
        "could not be imported: excerpts, item 1, posted on: Posted after the week ending" in report
    )
    assert "Validation error in" not in report
    assert not RoundupPage.objects.exists()
