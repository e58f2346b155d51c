"""The newsletter in the admin: preview, test send, send, report, subscribers and CSV,
the dashboard's last send; editors and administrators only."""

import csv
import io

import pytest

from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.urls import reverse

from core.roles import GUESTS
from newsletter.models import Mailing


@pytest.fixture
def guest(db, django_user_model):
    user = django_user_model.objects.create_user("guest-user", "guest@example.org", "pw")
    user.groups.add(Group.objects.get(name=GUESTS))
    return user


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def refused(response) -> bool:
    """Wagtail refuses with 403, or a redirect to the login page or the dashboard."""
    if response.status_code == 403:
        return True
    if response.status_code == 302:
        location = response["Location"]
        return "/admin/login/" in location or location.rstrip("/").endswith("/admin")
    return False


def admin_urls(roundup) -> dict[str, str]:
    return {
        "roundup emails": reverse("newsletter_roundups"),
        "report": reverse("newsletter_roundup", args=[roundup.pk]),
        "preview": reverse("newsletter_roundup_preview", args=[roundup.pk]),
        "subscribers": reverse("newsletter_subscriber:index"),
        "csv": reverse("newsletter_subscriber:index") + "?export=csv",
    }


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["anonymous", "guest", "editor", "admin"])
def test_only_editors_and_administrators_reach_the_newsletter_admin(
    role, request, roundup, make_subscriber
):
    make_subscriber("reader@example.org")
    user = (
        None
        if role == "anonymous"
        else request.getfixturevalue(
            {"guest": "guest", "editor": "editor", "admin": "admin_user"}[role]
        )
    )
    client = client_for(user)
    allowed = role in ("editor", "admin")
    for name, url in admin_urls(roundup).items():
        response = client.get(url)
        if allowed:
            assert response.status_code == 200, (role, name)
        else:
            assert refused(response), (role, name, response.status_code)
            assert b"reader@example.org" not in response.content
    for action in ("newsletter_roundup_send", "newsletter_roundup_send_test"):
        response = client.post(reverse(action, args=[roundup.pk]))
        assert (
            (response.status_code == 302 and not refused(response))
            if allowed
            else refused(response)
        ), (role, action)
    assert Mailing.objects.exists() == allowed
    dashboard = client.get("/admin/")
    assert ("Roundup email" in dashboard.content.decode()) == allowed


@pytest.mark.django_db
def test_preview_shows_the_email_for_the_chosen_sectors(client, editor, roundup, sectors):
    client.force_login(editor)
    url = reverse("newsletter_roundup_preview", args=[roundup.pk])
    html = client.get(url, {"sectors": [sectors["health"].pk]}).content.decode()
    assert "The NHS reforms from the ward" in html and "Ofsted came on Tuesday" not in html
    text = client.get(url, {"sectors": [sectors["education"].pk], "format": "text"})
    assert text["Content-Type"].startswith("text/plain")
    assert "Ofsted came on Tuesday" in text.content.decode()
    report = client.get(reverse("newsletter_roundup", args=[roundup.pk])).content.decode()
    assert "Send to subscribers" in report and "<iframe" in report


@pytest.mark.django_db
def test_the_preview_frame_may_show_the_email_but_nothing_in_it_may_run(client, editor, roundup):
    client.force_login(editor)
    preview = client.get(reverse("newsletter_roundup_preview", args=[roundup.pk]))
    policy = dict(
        (part.split(" ", 1) + [""])[:2]
        for part in (p.strip() for p in preview["Content-Security-Policy"].split(";"))
    )
    assert policy["default-src"] == "'none'"
    assert "script-src" not in policy  # so default-src 'none' forbids every script
    assert policy["style-src"] == "'unsafe-inline'"  # the email's own inlined styles
    assert policy["frame-ancestors"] == "'self'" and policy["form-action"] == "'none'"
    assert "allow-scripts" not in policy["sandbox"] and "allow-same-origin" not in policy["sandbox"]
    assert preview["X-Frame-Options"] == "SAMEORIGIN"
    report = client.get(reverse("newsletter_roundup", args=[roundup.pk])).content.decode()
    assert 'sandbox="allow-popups allow-popups-to-escape-sandbox"' in report
    # The admin's own pages keep the admin's policy.
    assert "'unsafe-inline'" in client.get("/admin/")["Content-Security-Policy"]


@pytest.mark.django_db
def test_send_a_test_to_me_goes_to_the_editor_only(
    client, editor, roundup, sectors, make_subscriber
):
    make_subscriber("reader@example.org")
    client.force_login(editor)
    client.post(
        reverse("newsletter_roundup_send_test", args=[roundup.pk]),
        {"sectors": [sectors["health"].pk]},
    )
    assert [message.to for message in mail.outbox] == [["editor@example.org"]]
    assert mail.outbox[0].subject.startswith("[Test] Best of the frontline bloggers")
    assert "The NHS reforms from the ward" in mail.outbox[0].body
    assert "Ofsted came on Tuesday" not in mail.outbox[0].body
    assert not Mailing.objects.exists()


@pytest.mark.django_db
def test_send_then_report_counts_by_state_and_lists_failures(
    client, editor, roundup, make_subscriber
):
    make_subscriber("reader@example.org")
    make_subscriber("officer@example.org", "policing")
    client.force_login(editor)
    url = reverse("newsletter_roundup", args=[roundup.pk])
    client.post(reverse("newsletter_roundup_send", args=[roundup.pk]))
    again = client.post(reverse("newsletter_roundup_send", args=[roundup.pk]), follow=True)
    assert "already been sent" in again.content.decode()
    assert len(mail.outbox) == 1
    mailing = Mailing.objects.get()
    mailing.deliveries.filter(subscriber__email="officer@example.org").update(
        state="failed", reason="550 No such user"
    )
    report = client.get(url).content.decode()
    assert "<td>Sent</td><td>1</td>" in report
    assert "<td>Failed</td><td>1</td>" in report
    assert "550 No such user" in report and "officer@example.org" in report
    dashboard = client.get("/admin/").content.decode()
    assert "1 sent, 1 failed" in dashboard


@pytest.mark.django_db
def test_a_draft_roundup_cannot_be_sent(client, editor, make_roundup, make_subscriber):
    make_subscriber("reader@example.org")
    draft = make_roundup(live=False)
    client.force_login(editor)
    response = client.post(reverse("newsletter_roundup_send", args=[draft.pk]), follow=True)
    assert "Publish the roundup first" in response.content.decode()
    assert mail.outbox == [] and not Mailing.objects.exists()


@pytest.mark.django_db
def test_subscriber_list_filters_and_exports_csv(client, editor, make_subscriber, sectors):
    make_subscriber("nurse@example.org", "health")
    make_subscriber("paused@example.org", paused=True)
    client.force_login(editor)
    index = reverse("newsletter_subscriber:index")
    assert "paused@example.org" not in client.get(index, {"paused": "false"}).content.decode()
    response = client.get(index, {"export": "csv"})
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(content)))
    by_email = {row["Email"]: row for row in rows}
    assert set(by_email) == {"nurse@example.org", "paused@example.org"}
    assert by_email["nurse@example.org"]["Sectors"] == "Health"
    assert by_email["paused@example.org"]["Sectors"] == "All"


@pytest.mark.django_db
def test_roundup_editor_has_an_email_button(client, editor, roundup):
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[roundup.pk])).content.decode()
    assert reverse("newsletter_roundup", args=[roundup.pk]) in html


@pytest.mark.django_db
def test_subscriber_list_filters_confirmed_and_unconfirmed(client, editor, make_subscriber):
    make_subscriber("confirmed@example.org")
    make_subscriber("waiting@example.org", confirmed=False)
    client.force_login(editor)
    index = reverse("newsletter_subscriber:index")
    page = client.get(index).content.decode()
    assert "Confirmed" in page and "confirmed@example.org" in page and "waiting@" in page
    confirmed = client.get(index, {"confirmed": "true"}).content.decode()
    assert "confirmed@example.org" in confirmed and "waiting@example.org" not in confirmed
    waiting = client.get(index, {"confirmed": "false"}).content.decode()
    assert "waiting@example.org" in waiting and "confirmed@example.org" not in waiting
    exported = client.get(index, {"confirmed": "false", "export": "csv"})
    content = b"".join(exported.streaming_content).decode("utf-8-sig")
    assert [row["Email"] for row in csv.DictReader(io.StringIO(content))] == ["waiting@example.org"]


@pytest.mark.django_db
def test_csv_export_writes_formula_like_cells_as_text(client, editor, make_subscriber, sectors):
    """Addresses may start with "=", "+" or "-"; sector names are typed by editors. A
    spreadsheet opening the export must show them, not run them."""
    sectors["health"].name = "@SUM(1+1)"
    sectors["health"].save()
    sectors["policing"].name = "\tPolicing"
    sectors["policing"].save()
    typed = {
        '=hyperlink("http://evil.example")@example.org': "health",
        "+44-call@example.org": "policing",
        "-2+3@example.org": None,
        "plain@example.org": None,
    }
    for email, sector in typed.items():
        make_subscriber(email, *([sector] if sector else []))
    client.force_login(editor)
    response = client.get(reverse("newsletter_subscriber:index"), {"export": "csv"})
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = {row["Email"]: row for row in csv.DictReader(io.StringIO(content))}
    assert set(rows) == {
        '\'=hyperlink("http://evil.example")@example.org',
        "'+44-call@example.org",
        "'-2+3@example.org",
        "plain@example.org",
    }
    assert rows['\'=hyperlink("http://evil.example")@example.org']["Sectors"] == "'@SUM(1+1)"
    assert rows["'+44-call@example.org"]["Sectors"] == "'\tPolicing"
    assert rows["plain@example.org"]["Sectors"] == "All"


@pytest.mark.django_db
@pytest.mark.parametrize("send_on_publish", [True, False])
def test_report_says_when_a_roundup_was_not_mailed_on_publishing(
    client, editor, roundup, settings, send_on_publish
):
    settings.NEWSLETTER_SEND_ON_PUBLISH = send_on_publish
    client.force_login(editor)
    report = client.get(reverse("newsletter_roundup", args=[roundup.pk])).content.decode()
    assert "Send to subscribers" in report
    explained = "emails each roundup to subscribers when it is published" in report
    assert explained is send_on_publish
