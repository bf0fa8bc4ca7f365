"""The shared upload checker: the type comes from the file's first bytes, the name must agree, and the
content must parse: no JavaScript or Launch action in a PDF, no broken image, no decompression bomb."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from awards.uploads import MAX_IMAGE_PIXELS, MAX_PHOTO_BYTES, MAX_SCAN_BYTES, PHOTO_TYPES, SCAN_TYPES, check_upload
from tests import samples
from tests.samples import JPEG, PDF, PNG

pytestmark = pytest.mark.unit



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


@pytest.mark.parametrize(("hostile", "code", "message"), [
    ("open_action", "javascript", "Tệp “x.pdf” chứa mã JavaScript nhúng trong PDF; hãy xuất lại PDF không có mã lệnh."),
    ("names_tree", "javascript", None),
    ("page_aa", "javascript", None),
    ("annotation", "javascript", None),
    ("launch", "launch", "Tệp “x.pdf” chứa lệnh mở chương trình khác (Launch) trong PDF; hãy xuất lại PDF sạch."),
    ("encrypted", "encrypted", "Tệp “x.pdf” là PDF có mật khẩu hoặc bị mã hóa; hãy tải lên bản không đặt mật khẩu."),
    ("truncated", "unreadable_pdf", "Tệp “x.pdf” không đọc được như một PDF (bị hỏng hoặc không trọn vẹn)."),
])
def test_pdfs_that_run_code_or_cannot_be_read_are_refused(hostile, code, message):
    with pytest.raises(ValidationError) as caught:
        check_upload(upload("x.pdf", samples.pdf(hostile)), allowed=SCAN_TYPES, max_bytes=MAX_SCAN_BYTES)
    assert caught.value.code == code
    if message:
        assert caught.value.messages == [message]


@pytest.mark.parametrize(("name", "content", "code"), [
    ("anh.jpg", JPEG[: len(JPEG) // 2], "unreadable_image"),                # truncated
    ("anh.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 32, "unreadable_image"),  # signature only
    ("anh.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 32, "unreadable_image"),
    ("anh.png", samples.image("PNG", (8000, 6000)), "too_many_pixels"),      # 48 M pixels, a few KB compressed
])
def test_images_that_do_not_decode_or_are_bombs_are_refused(name, content, code):
    with pytest.raises(ValidationError) as caught:
        check_upload(upload(name, content), allowed=PHOTO_TYPES, max_bytes=MAX_PHOTO_BYTES)
    assert caught.value.code == code


def test_the_pixel_limit_is_named_in_the_message():
    with pytest.raises(ValidationError) as caught:
        check_upload(upload("anh.png", samples.image("PNG", (8000, 6000))), allowed=PHOTO_TYPES,
                     max_bytes=MAX_PHOTO_BYTES)
    assert (caught.value.messages, MAX_IMAGE_PIXELS) == (["Ảnh “anh.png” quá lớn (tối đa 40 triệu điểm ảnh)."],
                                                         40_000_000)

