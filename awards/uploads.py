"""The one upload checker of the awards app (photos, evidence, proposal attachments).

The type is read from the file's first bytes (its signature), and the name's extension must say the
same thing: a JPEG renamed ``.pdf`` is refused, and so is a PDF renamed ``.jpg``."""

from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MB = 1024 * 1024
SCAN_TYPES = {"pdf", "jpeg"}
PHOTO_TYPES = {"jpeg", "png"}
EVIDENCE_TYPES = SCAN_TYPES | PHOTO_TYPES
MAX_SCAN_BYTES = 10 * MB
MAX_PHOTO_BYTES = 5 * MB

# kind → (signature, content type, label, extensions), in the order the messages list them.
KINDS = {
    "pdf": (b"%PDF-", "application/pdf", "PDF", {".pdf"}),
    "jpeg": (b"\xff\xd8\xff", "image/jpeg", "JPEG", {".jpg", ".jpeg"}),
    "png": (b"\x89PNG\r\n\x1a\n", "image/png", "PNG", {".png"}),
}
CONTENT_TYPES = {kind: spec[1] for kind, spec in KINDS.items()}


def sniff(head: bytes) -> str | None:
    """The kind whose signature ``head`` starts with, or None."""
    return next((kind for kind, (signature, *_rest) in KINDS.items() if head.startswith(signature)), None)


def _labels(allowed: set[str]) -> str:
    return "/".join(spec[2] for kind, spec in KINDS.items() if kind in allowed)


def _measure(file, length: int = 16) -> tuple[int, bytes]:
    """The size and the first bytes, leaving the read position where it was."""
    position = file.tell()
    size = getattr(file, "size", None)
    if size is None:
        file.seek(0, 2)
        size = file.tell()
    file.seek(0)
    head = file.read(length)
    file.seek(position)
    return size, head


def check_upload(file, *, allowed: set[str], max_bytes: int) -> str:
    """Return the detected content type, or raise ``ValidationError`` with a message for the user."""
    unknown = set(allowed) - KINDS.keys()
    if unknown:
        raise ValueError(f"unknown upload kinds: {sorted(unknown)}")
    name = PurePath(getattr(file, "name", "") or "").name
    size, head = _measure(file)
    if size > max_bytes:
        raise ValidationError(_("Tệp “%(name)s” vượt quá %(mb)s MB.") % {"name": name, "mb": f"{max_bytes / MB:g}"},
                              code="too_large")
    kind = sniff(head) if size else None
    extension = PurePath(name).suffix.lower()
    if kind not in allowed or extension not in KINDS[kind][3]:
        raise ValidationError(_("Tệp “%(name)s” không phải %(labels)s (kiểm tra theo nội dung tệp, không chỉ "
                                "theo tên).") % {"name": name, "labels": _labels(allowed)}, code="wrong_type")
    return KINDS[kind][1]
