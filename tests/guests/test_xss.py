"""Script injection in a guest's title, standfirst, body and image fields is neutralised
on the public page, the admin preview, the shareable preview and the admin listing."""

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from django.urls import reverse

from wagtail.images import get_image_model
from wagtail.models import Page

from guests.models import GuestPostPage, PreviewLink
from tests.guests.helpers import add_url, post_form
from tests.guests.test_permission_matrix import png

BLNS = Path(__file__).resolve().parents[1] / "fixtures" / "strings" / "blns.txt"
OWN_PAYLOADS = [
    '<a href="javascript:alert(901)">click</a>',
    '<a href=" JaVaScRiPt:alert(902)">click</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCg5MDMpPC9zY3JpcHQ+">x</a>',
    "<svg onload=alert(904)>",
    "<body onload=alert(905)>",
    '<iframe src="javascript:alert(906)"></iframe>',
    '<object data="javascript:alert(907)"></object>',
    '<math><mi xlink:href="javascript:alert(908)">x</mi></math>',
    '<form action="javascript:alert(909)"><button>go</button></form>',
    '<input autofocus onfocus="alert(910)">',
    '<details open ontoggle="alert(911)">',
    '<img src="x" onerror="alert(912)">',
    "<style>body{background:url(javascript:alert(913))}</style>",
    '<p style="background:url(javascript:alert(914))">x</p>',
    "{{ 7|add:7 }}{% debug %}",
]


def blns_script_injection() -> list[str]:
    """The big list of naughty strings' script-injection section, one payload a line."""
    lines = BLNS.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if "benign script injection" in line)
    payloads = []
    for line in lines[start + 1 :]:
        if line.startswith("#\t") and payloads:
            break
        if line.strip() and not line.startswith("#"):
            payloads.append(line)
    return payloads


PAYLOADS = (blns_script_injection()[:60] + OWN_PAYLOADS)[:80]
LEADING_BLANKS = re.compile(r"^[\x00-\x20\u00a0\u1680\u180e\u2000-\u200b\u3000\ufeff]+")
EXECUTABLE_ATTRIBUTES = ("href", "src", "action", "formaction", "data", "xlink:href")


def assert_inert(html: str, where: str) -> None:
    """No script, event handler or script URL that the payload brought into the page."""
    soup = BeautifulSoup(html, "html.parser")
    for script in soup.find_all("script"):
        assert "alert(" not in script.get_text(), f"script element in {where}"
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            text = " ".join(value) if isinstance(value, list) else str(value)
            lowered = text.lower()
            if name.lower().startswith("on"):
                assert "alert" not in lowered and "prompt" not in lowered, (
                    f"event handler {name} in {where}"
                )
            if name.lower() == "style":
                squeezed = re.sub(r"[\s\x00-\x1f\\]", "", lowered)
                assert "expression(" not in squeezed and "javascript:" not in squeezed, (
                    f"script in a style attribute in {where}"
                )
            elif name.lower() in EXECUTABLE_ATTRIBUTES:
                # As a browser reads a URL: tabs and newlines dropped, leading blanks ignored.
                url = LEADING_BLANKS.sub("", re.sub(r"[\t\n\r]", "", lowered))
                assert not url.startswith(("javascript:", "vbscript:", "data:text/html")), (
                    f"script URL in {name} in {where}"
                )
    embedded = [element.name for element in soup.find_all(["iframe", "object", "embed"])]
    assert not embedded, f"{embedded} in {where}"
    for style in soup.find_all("style"):
        assert "javascript" not in style.get_text().lower(), f"script URL in <style> in {where}"


def forged_paragraph(payload: str) -> str:
    """A hand-made Draftail value: the payload as text and as a link's address."""
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "a1b2c",
                    "type": "unstyled",
                    "text": payload or "x",
                    "depth": 0,
                    "inlineStyleRanges": [],
                    "entityRanges": [{"offset": 0, "length": len(payload or "x"), "key": 0}],
                    "data": {},
                }
            ],
            "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": payload}}},
        }
    )


def test_at_least_fifty_varied_payloads():
    assert len(PAYLOADS) >= 50
    assert len(set(PAYLOADS)) == len(PAYLOADS)


@pytest.mark.django_db
@pytest.mark.parametrize("payload", PAYLOADS, ids=[f"payload{i}" for i in range(len(PAYLOADS))])
def test_payload_is_inert_everywhere_a_guest_post_renders(client, world, editor, payload):
    client.force_login(world.guest_a)
    client.post(
        reverse("wagtailimages:add"),
        {
            "title": payload or "x",
            "file": png(),
            "collection": world.guest_collection.pk,
            "tags": "",
        },
    )
    image = get_image_model().objects.filter(collection=world.guest_collection).latest("pk")
    body = [
        ("paragraph", forged_paragraph(payload)),
        ("heading", {"text": payload[:200] or "x", "level": "h2"}),
        ("quote", {"quote": payload or "x", "attribution": payload[:200]}),
        (
            "image",
            {
                "image": image.pk,
                "alt_text": payload[:255],
                "decorative": False,
                "caption": payload[:255],
            },
        ),
    ]
    response = client.post(
        add_url(world.section),
        post_form(payload[:255] or "x", body=body, slug="xss-post", standfirst=payload[:400]),
    )
    post = GuestPostPage.objects.filter(slug="xss-post").first()
    assert post is not None, response.content.decode()[:2000]

    preview = client.get(reverse("wagtailadmin_pages:view_draft", args=[post.pk]))
    assert preview.status_code == 200
    assert_inert(preview.content.decode(), "admin preview")

    link = PreviewLink.objects.create(page=post, created_by=world.guest_a)
    client.logout()
    shared = client.get(reverse("guests:shared_preview", args=[link.token]))
    assert shared.status_code == 200
    assert_inert(shared.content.decode(), "shared preview")

    client.force_login(editor)
    listing = client.get(reverse("wagtailadmin_explore", args=[world.section.pk]))
    assert listing.status_code == 200
    assert_inert(listing.content.decode(), "admin listing")
    images = client.get(reverse("wagtailimages:index"))
    assert_inert(images.content.decode(), "image listing")

    Page.objects.get(pk=post.pk).get_latest_revision().publish()
    public = client.get(post.get_url())
    assert public.status_code == 200
    assert_inert(public.content.decode(), "public page")
    section = client.get(world.section.get_url())
    assert_inert(section.content.decode(), "guest section")
