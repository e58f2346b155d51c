"""Uploaded files that are not images (a PDF) become Wagtail documents: links to them in
posts point at the document, and their old addresses redirect to it."""

import pytest

from wagtail.documents import get_document_model

from essays.models import EssayPage
from tests.wordpress.conftest import FIXTURES, UPLOADS, import_wordpress, report_row

pytestmark = pytest.mark.django_db

DOCUMENTS = FIXTURES / "documents.xml"


@pytest.fixture
def documents_import(home_page) -> str:
    return import_wordpress(DOCUMENTS, "--media-dir", str(UPLOADS))


def test_a_pdf_becomes_a_document_that_the_post_links_to(documents_import, client):
    assert report_row(documents_import, "document") == [1, 0, 0, 0]
    document = get_document_model().objects.get()
    assert document.title == "Annual report 2013"
    assert document.file.read().startswith(b"%PDF")
    essay = EssayPage.objects.get(title="Our annual report")
    html = client.get(essay.url).content.decode()
    assert f'<a href="{document.url}">the annual report</a>' in html
    assert "wp-content/uploads" not in html


def test_the_attachments_old_addresses_redirect_to_the_document(documents_import, client):
    document = get_document_model().objects.get()
    for old in ("/2013/07/our-annual-report/annual-report/", "/?attachment_id=302"):
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == document.url


def test_a_file_the_site_does_not_accept_is_reported_and_left_behind(documents_import):
    assert "an attachment of a type the site does not accept (.exe) (1)" in documents_import
    assert get_document_model().objects.count() == 1


def test_a_second_run_adds_no_second_document(documents_import):
    again = import_wordpress(DOCUMENTS, "--media-dir", str(UPLOADS))
    assert report_row(again, "document") == [0, 0, 1, 0]
    assert get_document_model().objects.count() == 1
