"""Upload checks shared by the app: the type is read from the file's first bytes (not its name) and
the size is capped; a refusal is a ValidationError with a message the form shows."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

SIGNATURES = {"pdf": (b"%PDF-", "application/pdf"), "jpeg": (b"\xff\xd8\xff", "image/jpeg"),
              "png": (b"\x89PNG\r\n\x1a\n", "image/png")}
NAMES = {"pdf": "PDF", "jpeg": "JPEG", "png": "PNG"}
SCAN_TYPES = frozenset({"pdf", "jpeg"})
PHOTO_TYPES = frozenset({"jpeg", "png"})
MAX_SCAN_BYTES = 10 * 1024 * 1024
MAX_PHOTO_BYTES = 5 * 1024 * 1024


def check_upload(file, *, allowed: set[str], max_bytes: int) -> str:
    """The detected content type of ``file``, or a ValidationError naming what is wrong."""
    if file.size > max_bytes:
        raise ValidationError(_("Tệp “%(name)s” vượt quá %(limit)d MB.") % {
            "name": file.name, "limit": max_bytes // (1024 * 1024)})
    file.seek(0)
    head = file.read(16)
    file.seek(0)
    for kind in sorted(allowed):
        magic, content_type = SIGNATURES[kind]
        if head.startswith(magic):
            return content_type
    raise ValidationError(_("Tệp “%(name)s” không phải %(kinds)s.") % {
        "name": file.name, "kinds": "/".join(NAMES[k] for k in sorted(allowed))})
