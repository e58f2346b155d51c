"""What the link reader finds on each kind of blog page (tests/fixtures/posts)."""

from datetime import date

from roundups.postdetails import blogger_for_address, extract_post_details
from tests.postserver import FIXTURES

BASE = "http://blog.example"


def details(fixture: str, path: str):
    return extract_post_details((FIXTURES / fixture).read_bytes(), BASE + path)


def test_a_wordpress_post_gives_every_field_from_its_meta_and_theme():
    post = details("wordpress.html", "/2012/10/18/what-i-would-say-to-norman-lamb/")
    assert post.title == "What I would say to Norman Lamb"
    assert post.author == "Ermintrude2"
    assert post.posted_on == date(2012, 10, 18)
    assert post.blog_name == "Mental Health, Social Work and Dementia"
    assert post.blog_url == BASE + "/"
    assert post.paragraphs[1].startswith("What I see are cuts.")
    assert post.paragraphs[1].endswith("what is happening ‘out there’.")
    # Only the post's own paragraphs of some length: not "Short.", not the sidebar.
    assert "Short." not in post.paragraphs
    assert not any("sidebar" in text for text in post.paragraphs)


def test_a_blogger_post_gives_its_fields_from_the_classic_template():
    post = details("blogger.html", "/2012/10/mixed-ability.html")
    assert post.title == "Mixed ability"
    assert post.author == "Frank Chalk"
    assert post.posted_on == date(2012, 10, 16)
    assert post.blog_name == "Frank Chalk"
    assert post.blog_url == BASE + "/"
    # Blogger's paragraphs are runs of <br>: each becomes one paragraph.
    assert post.paragraphs[0].startswith("Imagine a class of thirty")
    assert post.paragraphs[1].startswith("Let’s not pretend or mince our words here")
    assert post.paragraphs[1].endswith("so ‘inclusive’.")
    assert post.paragraphs[2].startswith("The pupils who need more support")


def test_a_bare_page_gives_its_heading_time_and_paragraphs():
    post = details("bare.html", "/comms/taking-comms-back-to-basics")
    assert post.title == "Taking comms back to basics"
    assert post.posted_on == date(2012, 10, 4)
    assert post.author == ""
    assert post.blog_url == BASE + "/"
    assert post.paragraphs[0].startswith("This is comms 1.0.")


def test_a_broken_page_gives_what_it_can_and_no_error():
    post = details("broken.html", "/broken")
    assert post.posted_on is None
    assert post.author == ""
    assert isinstance(post.title, str) and isinstance(post.paragraphs, list)


def test_json_ld_is_read_when_there_is_no_other_markup():
    html = """<html><head><script type="application/ld+json">
    {"@type": "BlogPosting", "headline": "Not the Francis report",
     "datePublished": "2012-10-17", "author": [{"@type": "Person", "name": "Laura Robinson"}],
     "publisher": {"@type": "Organization", "name": "Whose Shoes?",
                   "url": "https://whoseshoes.example/blog/"}}
    </script></head><body><p>Life can often only be understood backwards, but it must be
    lived forwards.</p></body></html>"""
    post = extract_post_details(html, "https://whoseshoes.example/blog/not-the-francis-report")
    assert (post.title, post.author, post.posted_on, post.blog_name) == (
        "Not the Francis report",
        "Laura Robinson",
        date(2012, 10, 17),
        "Whose Shoes?",
    )
    assert post.blog_url == "https://whoseshoes.example/blog/"


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
