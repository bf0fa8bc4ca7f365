"""Signature fields named in words."""

import pytest
from django.utils import translation

from reports.field_labels import label


@pytest.mark.parametrize(("name", "words"), [
    ("BaoCao01_XacNhan", "Báo cáo thành tích số 01 – thủ trưởng xác nhận"),
    ("BaoCao12_NguoiBaoCao", "Báo cáo thành tích số 12 – người báo cáo thành tích"),
    ("ToTrinh_NguoiKy", "Tờ trình – người ký"),
    ("BienBan_ChuToa", "Biên bản họp xét – chủ tọa"),
    ("BienBanHoiDong_ThuKy", "Biên bản họp Hội đồng – thư ký"),
    ("QuyetDinh_NguoiKy", "Quyết định – người ký"),
    ("KeHoach_NguoiKy", "Kế hoạch – người ký"),
    ("BaoCao_NguoiKy", "Báo cáo tổng kết – người ký"),
    ("XacNhan", "Thủ trưởng xác nhận"),            # a one-part file: the signer alone
    ("Signature1", "Signature1"),                  # a field someone else added: its name
    ("Lạ_NguoiKy", "Lạ_NguoiKy"),
])
def test_label(name, words):
    with translation.override("vi"):
        assert label(name) == words


def test_label_in_english():
    with translation.override("en"):
        assert label("BaoCao01_XacNhan") == "Achievement report no. 01 – head of unit confirming"
