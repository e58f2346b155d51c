"""Attachments as Wagtail images and documents, read only from the folder given
(`--media-dir`).

Nothing is fetched over the network: an upload missing from the folder is a warning,
and the post keeps its text. An image attachment becomes an image the first time a post
uses it or when the import reaches it, whichever comes first, and only once. Any other
upload of a type the site accepts as a document (WAGTAILDOCS_EXTENSIONS: PDFs, spreadsheets,
…) becomes a document; sound, video and other files are reported and left behind.
"""

from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.images import ImageFile
from django.core.files.storage import InMemoryStorage

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from wordpress.ledger import Ledger
from wordpress.report import Report
from wordpress.scan import Scan, upload_path

IMAGE_EXTENSIONS = {".jpg", ".jpeg", ".png", ".gif", ".webp"}
# What an attachment can become: the model (looked up when used) and its file's wrapper.
KINDS = {"image": (get_image_model, ImageFile), "document": (get_document_model, File)}


@contextmanager
def media_files_kept(keep: bool):
    """While not `keep` (a dry run), images' and documents' files go to memory, not the
    media storage, so the rolled-back import leaves no files behind."""
    fields = [model._meta.get_field("file") for model in (get_image_model(), get_document_model())]
    storages = [field.storage for field in fields]
    if not keep:
        for field in fields:
            field.storage = InMemoryStorage()
    try:
        yield
    finally:
        for field, storage in zip(fields, storages, strict=True):
            field.storage = storage


def document_extensions() -> set[str]:
    allowed = getattr(settings, "WAGTAILDOCS_EXTENSIONS", None) or []
    return {f".{extension.lower().lstrip('.')}" for extension in allowed}


class Media:
    def __init__(self, scan: Scan, ledger: Ledger, report: Report, media_dir: Path | None):
        self.scan, self.ledger, self.report = scan, ledger, report
        self.media_dir = media_dir
        # What each attachment became this run, by kind (None: left behind).
        self.done: dict[str, dict[int, int | None]] = {kind: {} for kind in KINDS}

    def file_for(self, relative: str) -> Path | None:
        if self.media_dir is None:
            return None
        for candidate in (relative, relative.rsplit("/", 1)[-1]):
            path = (self.media_dir / candidate).resolve()
            if path.is_file() and path.is_relative_to(self.media_dir.resolve()):
                return path
        return None

    def image(self, wp_id: int) -> int | None:
        """The Wagtail image id for attachment `wp_id`, importing it the first time."""
        return self.imported(wp_id, "image")

    def document(self, wp_id: int) -> int | None:
        """The Wagtail document id for non-image attachment `wp_id`, imported once."""
        return self.imported(wp_id, "document")

    def imported(self, wp_id: int, kind: str) -> int | None:
        """The id of attachment `wp_id` as a Wagtail image or document (`kind`): found in
        the ledger from an earlier run, or created from the media folder, once a run."""
        done = self.done[kind]
        if wp_id in done:
            return done[wp_id]
        attachment = self.scan.attachments.get(wp_id)
        done[wp_id] = None
        if attachment is None:
            return None
        model, wrap = KINDS[kind]
        model = model()
        record = self.ledger.find(f"attachment:{wp_id}")
        if record and model.objects.filter(pk=record.object_id).exists():
            self.report.count(kind, "unchanged")
            done[wp_id] = record.object_id
            return record.object_id
        if kind == "image" and Path(attachment.path).suffix.lower() not in IMAGE_EXTENSIONS:
            return None
        path = self.file_for(attachment.path)
        if path is None:
            self.report.skip(kind, "file not in the media folder")
            self.report.warn(f"attachment {wp_id}", f"{attachment.path} is not in the media folder")
            return None
        self.report.count(kind, "created")
        with path.open("rb") as handle:
            created = model(title=attachment.title[:255], file=wrap(handle, name=path.name))
            created.save()
        self.ledger.record(f"attachment:{wp_id}", kind, created.pk)
        done[wp_id] = created.pk
        return created.pk

    def attachment(self, wp_id: int) -> str:
        """Import attachment `wp_id` as what it is; the address it is served at now ("" if
        it was left behind, with the reason in the report)."""
        attachment = self.scan.attachments.get(wp_id)
        if attachment is None:
            return ""
        suffix = Path(attachment.path).suffix.lower()
        if suffix in IMAGE_EXTENSIONS:
            image_id = self.image(wp_id)
            return self.url(image_id) if image_id is not None else ""
        if suffix in document_extensions():
            document_id = self.document(wp_id)
            if document_id is None:
                return ""
            return get_document_model().objects.get(pk=document_id).url
        self.report.skip(
            "other", f"an attachment of a type the site does not accept ({suffix or 'no type'})"
        )
        return ""

    def find(self, src: str) -> int | None:
        """The image for an <img> address in a post (any size WordPress made of it)."""
        by_path = self.scan.by_path
        wp_id = by_path.get(upload_path(src, original=True).lower(), by_path.get(upload_path(src)))
        return self.image(wp_id) if wp_id is not None else None

    def find_document(self, href: str) -> int | None:
        """The document for a link to an uploaded file of a type the site accepts."""
        wp_id = self.scan.by_path.get(upload_path(href, original=True).lower())
        attachment = self.scan.attachments.get(wp_id) if wp_id is not None else None
        if attachment is None or Path(attachment.path).suffix.lower() not in document_extensions():
            return None
        return self.document(wp_id)

    def gallery(self, ids: list[str], post_id: int) -> list[int]:
        """A gallery's images: those it names, else every image attached to the post."""
        wanted = [int(i) for i in ids if i.isdigit()] or self.scan.by_parent.get(post_id, [])
        return [image for image in (self.image(i) for i in wanted) if image is not None]

    def url(self, image_id: int) -> str:
        image = get_image_model().objects.filter(pk=image_id).first()
        return image.file.url if image else ""
