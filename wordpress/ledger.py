"""The importer's memory of what each WordPress thing became (`ImportedObject`)."""

import hashlib
import json

from wordpress.models import ImportedObject


def fingerprint(*parts) -> str:
    """A hash of everything an import reads from the source: equal means unchanged."""
    text = json.dumps(parts, default=str, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


class Ledger:
    def __init__(self, source: str):
        self.source = source

    def find(self, key: str) -> ImportedObject | None:
        return ImportedObject.objects.filter(source=self.source, key=key).first()

    def record(self, key: str, kind: str, object_id: int, fingerprint: str = "") -> None:
        ImportedObject.objects.update_or_create(
            source=self.source,
            key=key,
            defaults={"kind": kind, "object_id": object_id, "fingerprint": fingerprint},
        )
