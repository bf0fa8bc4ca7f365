"""Navigation by role, computed once per request from the user's grants (no query per link)."""

from . import access, notifications
from .models import Role


def navigation(request):
    user = getattr(request, "user", None)  # absent on the 400 page of a refused Host (before AuthenticationMiddleware)
    if user is None or not user.is_authenticated:
        return {}
    user_roles = access.roles(user)
    role_labels = [Role(r).label for r in sorted(user_roles)]
    if not role_labels and user.is_superuser:
        role_labels = [Role.ADMIN.label]
    return {
        "nav": {
            "roles": role_labels,
            "scope": ", ".join(sorted({g.unit.short_name or g.unit.name for g in access.grants(user)})),
            "is_staff": access.is_department_staff(user),
            "can_import": access.can_import_organisation(user),
            "can_audit": access.can_view_audit(user),
            "can_register": access.can_view_register(user),
            "can_admin": user.is_staff,
        }
    }


def notification_bell(request):
    """The bell's unread count: one query per page, whatever the number of notifications."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": notifications.unread_count(user)}
