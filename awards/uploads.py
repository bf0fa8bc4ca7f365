"""The one upload checker (photos, evidence, proposal attachments, signed copies in reports).

The type is read from the file's first bytes (its signature), and the name's extension must say the
same thing: a JPEG renamed ``.pdf`` is refused, and so is a PDF renamed ``.jpg``. Then the content
itself is read: a PDF must parse (pypdf), not be encrypted, and carry no JavaScript or Launch action
anywhere a viewer could reach from its trailer; an image must verify and decode (Pillow) within
``MAX_IMAGE_PIXELS``, so a decompression bomb is refused before it is ever expanded."""

import warnings
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

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
PILLOW_FORMATS = {"jpeg": "JPEG", "png": "PNG"}
MAX_IMAGE_PIXELS = 40_000_000  # a 40-megapixel photo decodes to ~120 MB; Pillow's own bomb limit is 89 M
MAX_PDF_OBJECTS = 200_000      # a walk longer than this is refused rather than left to run
ACTIONS_REFUSED = {"/JavaScript": "javascript", "/Launch": "launch"}


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
    problem = _pdf_problem(file) if kind == "pdf" else _image_problem(file, kind)
    if problem is not None:
        raise ValidationError(_refusal(problem, name), code=problem)
    return KINDS[kind][1]


def _refusal(problem: str, name: str) -> str:
    messages = {
        "javascript": _("Tệp “%(name)s” chứa mã JavaScript nhúng trong PDF; hãy xuất lại PDF không có mã lệnh."),
        "launch": _("Tệp “%(name)s” chứa lệnh mở chương trình khác (Launch) trong PDF; hãy xuất lại PDF sạch."),
        "encrypted": _("Tệp “%(name)s” là PDF có mật khẩu hoặc bị mã hóa; hãy tải lên bản không đặt mật khẩu."),
        "unreadable_pdf": _("Tệp “%(name)s” không đọc được như một PDF (bị hỏng hoặc không trọn vẹn)."),
        "too_complex": _("Tệp “%(name)s” có cấu trúc PDF quá phức tạp để kiểm tra."),
        "unreadable_image": _("Tệp “%(name)s” không đọc được như một ảnh (bị hỏng hoặc không trọn vẹn)."),
        "too_many_pixels": _("Ảnh “%(name)s” quá lớn (tối đa %(mp)s triệu điểm ảnh)."),
    }
    return messages[problem] % {"name": name, "mp": f"{MAX_IMAGE_PIXELS / 1_000_000:g}"}


def _rewound(file):
    file.seek(0)
    return file


def _pdf_problem(file) -> str | None:
    """None when the PDF parses and no reachable object asks a viewer to run code; else the reason."""
    position = file.tell()
    try:
        file.seek(0, 2)
        file.seek(max(0, file.tell() - 1024))
        if b"%%EOF" not in file.read():
            return "unreadable_pdf"  # truncated: pypdf would quietly rebuild what is left
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(_rewound(file), strict=False)
            if reader.is_encrypted:
                return "encrypted"
            return _active_content(reader.trailer)
    except Exception:  # noqa: BLE001 - pypdf raises many types for broken files; every one means "unreadable"
        return "unreadable_pdf"
    finally:
        file.seek(position)


def _active_content(root) -> str | None:
    """Walk every object reachable from ``root`` once: /JS, a /JavaScript names tree, or an action of
    type /JavaScript or /Launch (OpenAction, AA, annotations, outlines: wherever it sits)."""
    seen, stack, visited = set(), [root], 0
    while stack:
        node = stack.pop()
        if isinstance(node, IndirectObject):
            key = (node.idnum, node.generation)
            if key in seen:
                continue
            seen.add(key)
            node = node.get_object()
        visited += 1
        if visited > MAX_PDF_OBJECTS:
            return "too_complex"
        if isinstance(node, DictionaryObject):
            if "/JS" in node or "/JavaScript" in node:
                return "javascript"
            action = node.get("/S")
            if isinstance(action, IndirectObject):
                action = action.get_object()
            if isinstance(action, NameObject) and action in ACTIONS_REFUSED:
                return ACTIONS_REFUSED[action]
            stack.extend(node.values())
        elif isinstance(node, ArrayObject):
            stack.extend(node)
    return None


def _image_problem(file, kind: str) -> str | None:
    """None when the image verifies, is of the sniffed format, is not too large and decodes fully."""
    position = file.tell()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(_rewound(file)) as image:
                if image.format != PILLOW_FORMATS[kind]:
                    return "unreadable_image"
                if image.width * image.height > MAX_IMAGE_PIXELS:
                    return "too_many_pixels"
                image.verify()
            with Image.open(_rewound(file)) as image:
                image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return "too_many_pixels"
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return "unreadable_image"
    finally:
        file.seek(position)
    return None
