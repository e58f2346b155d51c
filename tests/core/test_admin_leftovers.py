"""The admin's leftovers: workflows only where meant, labels that read right, one menu
entry per thing, and no avatar fetched from elsewhere."""

import re

import pytest

from django.core.management import call_command

from wagtail.models import Page, WorkflowPage

from core.roles import setup_roles
from guests.models import GuestSectionPage


@pytest.fixture
def editor_client(client, editor, home_page):
    client.force_login(editor)
    return client


def menu_labels(html: str) -> list[str]:
    """Every item's label in the admin sidebar's menu (its props are JSON)."""
    props = re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S)
    return re.findall(r'"label": "([^"]+)"', props.group(1)) if props else []


@pytest.mark.django_db
def test_editors_publish_directly_without_wagtails_sample_workflow(editor_client, home_page):
    setup_roles()
    root = Page.get_first_root_node()
    assert not WorkflowPage.objects.filter(page=root).exists()
    assert home_page.get_workflow() is None
    html = editor_client.get(f"/admin/pages/{home_page.pk}/edit/").content.decode()
    assert "Submit to Moderators approval" not in html
    assert "Publish" in html


@pytest.mark.django_db
def test_in_the_demo_only_the_guest_section_and_its_posts_go_through_a_workflow():
    call_command("load_demo_content", password="demo-pass-1", stdout=None)
    section = GuestSectionPage.objects.get()
    under_review, direct = [], []
    for page in Page.objects.filter(depth__gt=1).specific():  # live pages and drafts
        workflow = page.get_workflow()
        if page.pk == section.pk or page.is_descendant_of(section):
            under_review.append((page.title, workflow and workflow.name))
        else:
            direct.append((page.title, type(page).__name__, workflow))
    # Guest posts reach readers through Editorial review; every other page is published
    # directly by editors (no workflow offered beside Publish).
    assert under_review and all(name == "Editorial review" for _title, name in under_review)
    assert len(direct) > 10 and [page for page in direct if page[2] is not None] == []


@pytest.mark.django_db
def test_the_menu_names_each_thing_once(editor_client):
    labels = menu_labels(editor_client.get("/admin/").content.decode())
    assert labels, "the sidebar's menu was not found"
    repeated = {label for label in labels if labels.count(label) > 1}
    assert not repeated, f"named twice in the menu: {repeated}"


@pytest.mark.django_db
def test_the_inbox_filter_and_the_officials_report_read_right(editor_client):
    from roundups.models import ReaderSuggestion

    ReaderSuggestion.objects.create(post_url="https://a.example/", blog="A", reason="x")
    inbox = editor_client.get("/admin/roundups/readersuggestion/").content.decode()
    assert "By may credit by name" not in inbox
    assert "By whether the reader may be named" in inbox
    report = editor_client.get("/admin/people/officials_to_check/").content.decode()
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", report, re.S).group(1)
    assert re.sub(r"<[^>]+>", "", heading).split() == ["Officials", "to", "check"]


@pytest.mark.django_db
def test_no_avatar_comes_from_another_site(editor_client):
    html = editor_client.get("/admin/").content.decode()
    avatars = re.findall(r'<img[^>]+class="[^"]*avatar[^"]*"[^>]*>', html)
    avatars += re.findall(r'<img[^>]+src="[^"]*avatar[^"]*"[^>]*>', html)
    sources = [re.search(r'src="([^"]*)"', tag).group(1) for tag in avatars]
    assert sources and all(src.startswith("/") and not src.startswith("//") for src in sources)
    assert "gravatar" not in html
