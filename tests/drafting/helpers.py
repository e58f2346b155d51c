"""Bodies and edits for the open-drafting tests."""

PARAGRAPHS = [
    "Policy made at a distance from the frontline rarely survives contact with it.",
    "Social workers know which forms are filled in twice and which are never read.",
    "Head teachers see the effect of a funding rule a term before the department does.",
]


def body(*texts, heading: str | None = "Why it matters") -> list:
    """A body with one paragraph block per text, and a heading block between the first two."""
    blocks = [("paragraph", f"<p>{text}</p>") for text in texts]
    if heading:
        blocks.insert(1, ("heading", {"text": heading, "level": "h2"}))
    return blocks


def revise(essay, new_body):
    """Publish a new revision of the essay with this body; return the fresh live page."""
    latest = essay.get_latest_revision_as_object()
    latest.body = new_body
    latest.save_revision().publish()
    return type(essay).objects.get(pk=essay.pk)


def edit_paragraphs(essay, changes: dict[str, str]):
    """Publish a revision replacing paragraph texts (old → new) in place, as an editor would:
    the blocks keep their ids. A new text of None removes the block."""
    blocks = []
    for block in essay.body.raw_data:
        block = dict(block)
        for old, new in changes.items():
            if block["type"] == "paragraph" and old in block["value"]:
                block["value"] = None if new is None else block["value"].replace(old, new)
        if block["value"] is not None:
            blocks.append(block)
    return revise(essay, blocks)
