"""Published guest posts are found, with their author; drafts awaiting moderation are not."""

from guests.factories import GuestPostPageFactory, GuestSectionPageFactory
from tests.search.test_search_page import titles

SEARCH = "/search/"


def test_published_guest_post_is_found_with_its_author(client, home_page, ermintrude):
    section = GuestSectionPageFactory(parent=home_page)
    GuestPostPageFactory(
        parent=section,
        title="What a care home manager wants from the white paper",
        standfirst="Respite beds are closing.",
        byline=ermintrude,
    )
    response = client.get(SEARCH, {"q": "respite"})
    html = response.content.decode()
    assert titles(response) == ["What a care home manager wants from the white paper"]
    assert '<p class="search-result__kind">Guest post' in html
    assert "By Ermintrude2" in html
    assert titles(client.get(SEARCH, {"q": "respite", "type": "guest-post"})) != []


def test_guest_draft_is_not_found(client, home_page):
    section = GuestSectionPageFactory(parent=home_page)
    GuestPostPageFactory(parent=section, title="Draft about walruses", live=False)
    assert titles(client.get(SEARCH, {"q": "walruses"})) == []
