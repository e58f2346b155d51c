"""Demo accounts: admin (superuser), editor (Editors) and guest (Guest bloggers)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from core.roles import EDITORS, GUESTS

ACCOUNTS = (
    # username, first name, last name, group, superuser
    ("admin", "Ada", "Admin", None, True),
    ("editor", "Edith", "Editor", EDITORS, False),
    ("guest", "Grace", "Guest", GUESTS, False),
)


def load(loader) -> None:
    User = get_user_model()
    for username, first_name, last_name, group_name, superuser in ACCOUNTS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first_name,
                "last_name": last_name,
                "email": f"{username}@example.org",
                "is_staff": superuser,
                "is_superuser": superuser,
            },
        )
        if loader.password is not None:
            user.set_password(loader.password)
            shown = loader.password
        elif created:
            user.set_password(loader.generated_password)
            shown = loader.generated_password
        else:
            shown = "(unchanged)"
        user.save()
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
        loader.log(f"account {username:<7} password {shown}")
