"""Who counts as a guest: a member of Guest bloggers with no wider role."""

from core.roles import EDITORS, GUESTS


def is_guest_only(user) -> bool:
    """True for guest bloggers who are neither editors nor superusers; cached on the user."""
    if not getattr(user, "is_authenticated", False) or user.is_superuser:
        return False
    cached = getattr(user, "_guest_only", None)
    if cached is None:
        names = set(user.groups.values_list("name", flat=True))
        cached = GUESTS in names and EDITORS not in names
        user._guest_only = cached
    return cached
