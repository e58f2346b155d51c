"""What the link reader finds on each kind of blog page (tests/fixtures/posts)."""

from datetime import date

import pytest

from roundups.postdetails import PostDetails, blogger_for_address, extract_post_details
from tests.postserver import FIXTURES

BASE = "http://blog.example"


def details(fixture: str, path: str = "/post") -> PostDetails:
    """The fixture page read as the test server serves it (declared as UTF-8) at `path`."""
    return extract_post_details((FIXTURES / fixture).read_bytes(), BASE + path, "utf-8")


@pytest.fixture
def wordpress() -> PostDetails:
    return details("wordpress.html", "/2012/10/18/what-i-would-say-to-norman-lamb/")


@pytest.fixture
def blogger() -> PostDetails:
    return details("blogger.html", "/2012/10/mixed-ability.html")


@pytest.fixture
def opengraph() -> PostDetails:
    return details("opengraph.html", "/2012/10/12/lead-like-lambs-into-his-hands/")


def fields(post: PostDetails) -> tuple:
    """Everything but the paragraphs, for comparing in one go."""
    return post.title, post.author, post.posted_on, post.blog_name, post.blog_url


def test_a_wordpress_post_gives_every_field_from_its_meta_and_theme(wordpress):
    assert fields(wordpress) == (
        "What I would say to Norman Lamb",
        "Ermintrude2",
        date(2012, 10, 18),
        "Mental Health, Social Work and Dementia",
        BASE + "/",
    )
    assert wordpress.paragraphs[1].startswith("What I see are cuts.")
    assert wordpress.paragraphs[1].endswith("what is happening ‘out there’.")
    # Only the post's own paragraphs of some length: not "Short.", not the sidebar.
    assert "Short." not in wordpress.paragraphs
    assert not any("sidebar" in text for text in wordpress.paragraphs)


def test_a_blogger_post_gives_its_fields_from_the_classic_template(blogger):
    assert fields(blogger) == (
        "Mixed ability",
        "Frank Chalk",
        date(2012, 10, 16),
        "Frank Chalk",
        BASE + "/",
    )
    # Blogger's paragraphs are runs of <br>: each becomes one paragraph.
    assert blogger.paragraphs[0].startswith("Imagine a class of thirty")
    assert blogger.paragraphs[1].startswith("Let’s not pretend or mince our words here")
    assert blogger.paragraphs[1].endswith("so ‘inclusive’.")
    assert blogger.paragraphs[2].startswith("The pupils who need more support")


def test_a_page_with_only_opengraph_meta_gives_every_field_from_it(opengraph):
    # og:title, not the <title> (which is shortened and carries the blog's name), and the
    # author's name from article:author.
    assert fields(opengraph) == (
        "Lead like lambs into his hands: Is light entertainment more important than child "
        "protection?",
        "Secret Social Worker",
        date(2012, 10, 12),
        "Secret Social Worker’s Blog",
        BASE + "/",
    )
    assert opengraph.paragraphs == [
        "Child protection can never be a matter for just professionals but instead must be a "
        "concern for the whole community. Those who see or know about the sexual abuse of "
        "children should have little doubt about its destructive outcome and how utterly "
        "wrong it is.",
        "Therefore there can be few excuses for allowing it to continue. There is ALWAYS "
        "something you can do.",
    ]


def test_a_bare_page_gives_its_heading_time_and_paragraphs():
    post = details("bare.html", "/comms/taking-comms-back-to-basics")
    assert fields(post) == ("Taking comms back to basics", "", date(2012, 10, 4), "", BASE + "/")
    assert post.paragraphs[0].startswith("This is comms 1.0.")


def test_a_page_cut_off_mid_tag_with_bad_bytes_still_gives_its_title():
    # Its og:title never closes, swallowing the rest of the page; the <title> survives,
    # without the two bytes that are not UTF-8.
    post = details("broken.html", "/broken")
    assert fields(post) == ("Half a page", "", None, "", BASE + "/")
    assert post.paragraphs == []


def test_a_page_broken_in_its_body_gives_its_title_and_the_paragraphs_it_has():
    post = details("broken-body.html", "/2012/10/anti-austerity-march")
    assert post.title == "Social workers have a duty to join Saturday’s anti-austerity march"
    assert post.paragraphs[:2] == [
        "David Cameron can tell us that “we’re all in this together”, but as social workers "
        "we know this couldn’t be further from the truth.",
        "Social workers are in the frontline when it comes to seeing the impact of cuts, "
        "with caseloads soaring.",
    ]
    # The paragraph the page stops in the middle of is offered as far as it goes.
    assert post.paragraphs[2:] == [
        "Cuts affect all areas of social work, and the march in London on Saturday 20th "
        "October is the place to s"
    ]


def test_json_ld_is_read_when_there_is_no_other_markup():
    html = """<html><head><script type="application/ld+json">
    {"@type": "BlogPosting", "headline": "Not the Francis report",
     "datePublished": "2012-10-17", "author": [{"@type": "Person", "name": "Laura Robinson"}],
     "publisher": {"@type": "Organization", "name": "Whose Shoes?",
                   "url": "https://whoseshoes.example/blog/"}}
    </script></head><body><p>Life can often only be understood backwards, but it must be
    lived forwards.</p></body></html>"""
    post = extract_post_details(html, "https://whoseshoes.example/blog/not-the-francis-report")
    assert fields(post) == (
        "Not the Francis report",
        "Laura Robinson",
        date(2012, 10, 17),
        "Whose Shoes?",
        "https://whoseshoes.example/blog/",
    )


class Blog:
    def __init__(self, name, blog_url):
        self.name, self.blog_url = name, blog_url


def test_the_blogger_is_the_one_whose_blog_address_holds_the_post():
    shared_host = Blog("Secret Social Worker", "https://blogs.example/secret-social-worker/")
    other = Blog("Another", "https://blogs.example/another")
    whole_host = Blog("Host", "http://www.blogs.example/")
    bloggers = [whole_host, shared_host, other, Blog("No blog", "")]
    post = "https://blogs.example/secret-social-worker/2012/10/lead-like-lambs"
    assert blogger_for_address(post, bloggers) is shared_host
    assert blogger_for_address("https://blogs.example/elsewhere/1", bloggers) is whole_host
    assert blogger_for_address("https://blogs.example/another-one/1", [other]) is None
    assert blogger_for_address("https://unknown.example/post", bloggers) is None
