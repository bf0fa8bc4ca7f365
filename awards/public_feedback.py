"""Rules for feedback from the public (góp ý công khai): how a contact must look. Plain functions."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

PHONE = re.compile(r"^\+?[0-9][0-9 .-]{7,18}[0-9]$")


def contact_problem(contact: str) -> str | None:
    """Why ``contact`` is neither an email address nor a telephone number (8–15 digits), or None."""
    contact = contact.strip()
    if not contact:
        return _("Nhập thư điện tử hoặc số điện thoại để Thường trực liên hệ khi cần xác minh.")
    if "@" in contact:
        try:
            validate_email(contact)
        except ValidationError:
            return _("Thư điện tử không đúng dạng (ví dụ: ten@example.vn).")
        return None
    digits = re.sub(r"[^0-9]", "", contact)
    if not PHONE.match(contact) or not 8 <= len(digits) <= 15:
        return _("Số điện thoại gồm 8–15 chữ số (ví dụ: 0912 345 678).")
    return None
