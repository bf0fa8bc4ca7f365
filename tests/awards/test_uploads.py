"""The shared upload checker: the type comes from the file's first bytes, and the name must agree."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from awards.uploads import MAX_PHOTO_BYTES, MAX_SCAN_BYTES, PHOTO_TYPES, SCAN_TYPES, check_upload

pytestmark = pytest.mark.unit

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 32
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def upload(name, content):
    return SimpleUploadedFile(name, content)


@pytest.mark.parametrize(("name", "content", "allowed", "expected"), [
    ("to-trinh.pdf", PDF, SCAN_TYPES, "application/pdf"),
    ("bien-ban.JPG", JPEG, SCAN_TYPES, "image/jpeg"),
    ("anh.jpeg", JPEG, PHOTO_TYPES, "image/jpeg"),
    ("anh.png", PNG, PHOTO_TYPES, "image/png"),
])
def test_accepts_files_whose_bytes_and_name_agree(name, content, allowed, expected):
    assert check_upload(upload(name, content), allowed=allowed, max_bytes=MAX_SCAN_BYTES) == expected


def test_a_jpeg_named_pdf_is_refused():
    with pytest.raises(ValidationError) as caught:
        check_upload(upload("to-trinh.pdf", JPEG), allowed=SCAN_TYPES, max_bytes=MAX_SCAN_BYTES)
    assert caught.value.messages == [
        "Tệp “to-trinh.pdf” không phải PDF/JPEG (kiểm tra theo nội dung tệp, không chỉ theo tên)."]


@pytest.mark.parametrize(("name", "content", "allowed"), [
    ("anh.png", PDF, PHOTO_TYPES),            # a PDF renamed
    ("ghi-chu.txt", b"plain text", SCAN_TYPES),
    ("trong.pdf", b"", SCAN_TYPES),            # empty
    ("scan.png", PNG, SCAN_TYPES),             # a real PNG, but scans are PDF or JPEG
    ("khong-duoi", PDF, SCAN_TYPES),           # no extension
])
def test_other_types_are_refused(name, content, allowed):
    with pytest.raises(ValidationError) as caught:
        check_upload(upload(name, content), allowed=allowed, max_bytes=MAX_SCAN_BYTES)
    assert caught.value.code == "wrong_type"


def test_oversize_is_refused_with_the_limit_in_megabytes():
    big = upload("anh.jpg", JPEG + b"\x00" * MAX_PHOTO_BYTES)
    with pytest.raises(ValidationError) as caught:
        check_upload(big, allowed=PHOTO_TYPES, max_bytes=MAX_PHOTO_BYTES)
    assert caught.value.messages == ["Tệp “anh.jpg” vượt quá 5 MB."]


def test_reads_plain_file_objects_and_leaves_the_position_alone():
    handle = io.BytesIO(PDF)
    handle.name = "/tmp/x/ke-hoach.pdf"
    handle.seek(3)
    assert check_upload(handle, allowed=SCAN_TYPES, max_bytes=MAX_SCAN_BYTES) == "application/pdf"
    assert handle.tell() == 3


def test_unknown_kinds_are_a_programming_error():
    with pytest.raises(ValueError):
        check_upload(upload("a.pdf", PDF), allowed={"docx"}, max_bytes=MAX_SCAN_BYTES)
