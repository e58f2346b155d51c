"""The public "Suggest a post" form: valid, invalid, honeypot, rate limit, CSRF."""

import pytest

from django.core.cache import cache
from django.test import Client

from roundups.models import ReaderSuggestion
from roundups.suggesting import SUGGESTIONS_PER_HOUR

VALID = {
    "post_url": "https://ermintrude2.example/2012/10/lamb",
    "blog": "Ermintrude2",
    "reason": "A social worker on what ministers should hear.",
    "name": "Jo Reader",
    "email": "jo@example.org",
    "credit": "on",
    "website": "",
}


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


@pytest.mark.django_db
def test_form_page_renders_labelled_fields_and_a_csrf_token(client, suggestion_page):
    html = client.get(suggestion_page.url).content.decode()
    assert html.count("<h1") == 1
    assert "csrfmiddlewaretoken" in html
    for field in ("post_url", "blog", "reason", "name", "email", "credit"):
        assert f'for="id_{field}"' in html
    assert 'class="form-field form-field--trap" aria-hidden="true"' in html


@pytest.mark.django_db
def test_valid_suggestion_is_stored_and_the_reader_thanked(client, suggestion_page):
    response = client.post(suggestion_page.url, VALID, follow=True)
    assert response.status_code == 200
    assert "Thank you: we read every suggestion" in response.content.decode()
    suggestion = ReaderSuggestion.objects.get()
    assert suggestion.post_url == VALID["post_url"]
    assert suggestion.status == ReaderSuggestion.Status.NEW
    assert suggestion.credit and suggestion.credit_name == "Jo Reader"


@pytest.mark.django_db
def test_address_without_scheme_is_accepted_as_https(client, suggestion_page):
    client.post(suggestion_page.url, {**VALID, "post_url": "ermintrude2.example/post"})
    assert ReaderSuggestion.objects.get().post_url == "https://ermintrude2.example/post"


@pytest.mark.django_db
def test_invalid_suggestion_explains_why_and_keeps_what_was_typed(client, suggestion_page):
    response = client.post(
        suggestion_page.url, {**VALID, "post_url": "not a link", "email": "nope", "reason": ""}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Your suggestion was not sent: please correct the 3 problems below." in html
    assert "Enter the post&#x27;s full address" in html
    assert "Tell us in a sentence why the post matters." in html
    assert 'value="not a link"' in html and 'value="Ermintrude2"' in html
    assert 'value="Jo Reader"' in html
    assert not ReaderSuggestion.objects.exists()


@pytest.mark.django_db
def test_credit_without_a_name_is_refused_on_the_name_field(client, suggestion_page):
    response = client.post(suggestion_page.url, {**VALID, "name": ""})
    assert response.status_code == 400
    assert "Give your name if you would like to be thanked by name." in response.content.decode()


@pytest.mark.django_db
def test_filled_honeypot_is_rejected_and_nothing_stored(client, suggestion_page):
    response = client.post(suggestion_page.url, {**VALID, "website": "http://spam.example"})
    assert response.status_code == 400
    assert "it catches automated submissions" in response.content.decode()
    assert not ReaderSuggestion.objects.exists()


@pytest.mark.django_db
def test_an_overlong_honeypot_is_refused_without_being_sent_back(client, suggestion_page):
    filler = "spam-" * 20_000  # 100,000 characters
    response = client.post(suggestion_page.url, {**VALID, "website": filler})
    assert response.status_code == 400
    html = response.content.decode()
    assert "it catches automated submissions" in html
    assert "spam-spam-" not in html
    assert len(html) < len(filler)
    assert not ReaderSuggestion.objects.exists()


@pytest.mark.django_db
def test_too_many_suggestions_from_one_address_are_refused_keeping_the_text(
    client, suggestion_page
):
    for _ in range(SUGGESTIONS_PER_HOUR):
        assert client.post(suggestion_page.url, VALID).status_code == 302
    response = client.post(suggestion_page.url, {**VALID, "blog": "One more blog"})
    assert response.status_code == 429
    html = response.content.decode()
    assert f"You have sent {SUGGESTIONS_PER_HOUR} suggestions in the last hour" in html
    assert 'value="One more blog"' in html
    assert ReaderSuggestion.objects.count() == SUGGESTIONS_PER_HOUR
    other = client.post(suggestion_page.url, VALID, REMOTE_ADDR="198.51.100.7")
    assert other.status_code == 302


@pytest.mark.django_db
def test_post_without_csrf_token_is_refused(suggestion_page):
    response = Client(enforce_csrf_checks=True).post(suggestion_page.url, VALID)
    assert response.status_code == 403
    assert not ReaderSuggestion.objects.exists()


@pytest.mark.django_db
def test_suggestion_page_is_in_the_sitemap(client, suggestion_page):
    assert suggestion_page.full_url in client.get("/sitemap.xml").content.decode()


@pytest.mark.django_db
def test_overlong_fields_are_refused_with_their_limits_keeping_the_text(client, suggestion_page):
    long_reason = "Frontline truth. " * 120  # 2,039 characters once the last space is trimmed
    response = client.post(
        suggestion_page.url, {**VALID, "reason": long_reason, "blog": "B" * 201, "name": "N" * 121}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Keep it to a sentence or two: at most 2000 characters (it has 2039)." in html
    assert "Keep the blogger or blog name under 200 characters (it has 201)." in html
    assert "Keep your name under 120 characters (it has 121)." in html
    assert 'maxlength="2000"' in html
    assert "Frontline truth. Frontline truth." in html  # what was typed is still there
    assert not ReaderSuggestion.objects.exists()


@pytest.mark.django_db
def test_a_nul_in_a_suggestion_is_refused_and_nothing_stored(client, suggestion_page):
    response = client.post(suggestion_page.url, {**VALID, "reason": "Read\x00this"})
    assert response.status_code == 400
    assert not ReaderSuggestion.objects.exists()
