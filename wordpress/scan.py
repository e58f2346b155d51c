"""The first, quick pass over an export: what later items need to know about the whole.

Attachments (so a post can use an image exported after it), series parts (so parts are
created in number order with their gaps), pages' parents and the authors. Only these
small facts are kept, never contents, so memory grows by a few hundred bytes an item.
"""

import re
from dataclasses import dataclass, field
from urllib.parse import unquote, urlparse

from wordpress import series, wxr

SIZE_SUFFIX = re.compile(r"-\d+x\d+(?=\.\w+$)")


def upload_path(url: str, *, original: bool = False) -> str:
    """The path of an upload inside the uploads folder (2012/06/photo.jpg), by default
    without the size WordPress adds to resized copies (photo-300x200.jpg)."""
    path = unquote(urlparse(url.strip()).path)
    if "/uploads/" in path:
        path = path.split("/uploads/", 1)[1]
    path = path.lstrip("/")
    return path if original else SIZE_SUFFIX.sub("", path).lower()


@dataclass(frozen=True)
class Attachment:
    wp_id: int
    url: str
    path: str
    title: str
    alt: str
    link: str


@dataclass
class Series:
    key: str
    title: str
    planned: int
    numbers: set[int] = field(default_factory=set)


@dataclass(frozen=True)
class Part:
    series_key: str
    number: int
    title: str


@dataclass
class Scan:
    channel: wxr.Channel | None = None
    items: int = 0
    authors: dict[str, wxr.Author] = field(default_factory=dict)
    attachments: dict[int, Attachment] = field(default_factory=dict)
    by_path: dict[str, int] = field(default_factory=dict)
    by_parent: dict[int, list[int]] = field(default_factory=dict)
    series: dict[str, Series] = field(default_factory=dict)
    parts: dict[int, Part] = field(default_factory=dict)
    page_parents: dict[int, int] = field(default_factory=dict)


def scan(path) -> Scan:
    result = Scan()
    found_parts: dict[int, tuple[str, int, str]] = {}
    for entry in wxr.read(path):
        if isinstance(entry, wxr.Channel):
            result.channel = entry
        elif isinstance(entry, wxr.Author):
            result.authors[entry.login] = entry
        else:
            result.items += 1
            if entry.post_type == "attachment":
                url = entry.attachment_url or entry.guid
                relative = entry.meta.get("_wp_attached_file") or upload_path(url, original=True)
                attachment = Attachment(
                    wp_id=entry.wp_id,
                    url=url,
                    path=relative,
                    title=" ".join(entry.title.split()) or relative.rsplit("/", 1)[-1],
                    alt=entry.meta.get("_wp_attachment_image_alt", ""),
                    link=entry.link,
                )
                result.attachments[entry.wp_id] = attachment
                result.by_path[upload_path(url, original=True).lower()] = entry.wp_id
                result.by_path.setdefault(upload_path(url), entry.wp_id)
                result.by_parent.setdefault(entry.parent_id, []).append(entry.wp_id)
            elif entry.post_type == "page":
                result.page_parents[entry.wp_id] = entry.parent_id
            elif entry.post_type == "post":
                part = series.parse_part(entry.title, entry.terms)
                if part is not None:
                    found_parts[entry.wp_id] = part
    merged = series.merge_spellings([title for title, _, _ in found_parts.values()])
    for wp_id, (title, number, part_title) in found_parts.items():
        key = merged[series.normalise(title)]
        entry = result.series.setdefault(key, Series(key, title, 0))
        if len(series.normalise(title)) >= len(series.normalise(entry.title)):
            entry.title = title
        entry.numbers.add(number)
        result.parts[wp_id] = Part(key, number, part_title)
    for entry in result.series.values():
        entry.planned = max([series.planned_parts(entry.title), *entry.numbers])
    return result
