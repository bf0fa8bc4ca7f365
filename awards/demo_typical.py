"""Demo typical examples for seed 003 (Cục THADS Thái Nguyên): fictional collectives and officers at
each stage of phát hiện – bồi dưỡng – tổng kết – nhân rộng, with notes; two are published on the
honour board and one waits for approval. Upserted on natural keys: loading twice changes nothing."""

import datetime
import io
import math
import zlib

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from campaigns.models import Campaign, CampaignKind
from emulation.demo import upsert
from emulation.models import Officer, Unit

from .models import PublicationState, RecognitionLevel, Stage, TypicalExample, TypicalExampleNote

VN = datetime.timezone(datetime.timedelta(hours=7))
STAFF_USERNAME = "thuongtruc_tn"

# key, unit code, officer code (None: the collective), title, stage, level, publication, published at, colour
EXAMPLES = [
    ("mot-cua", "TN-CC-TPTN", None, "Mô hình “Một cửa tiếp nhận đơn yêu cầu thi hành án”", Stage.REPLICATE,
     RecognitionLevel.GRASSROOTS_ANNUAL, PublicationState.PUBLISHED, datetime.datetime(2024, 6, 11, 9, 0, tzinfo=VN),
     (122, 31, 31)),
    ("vung-cao", "TN-CC-DH", "TN-CC-DH-03", "Chấp hành viên tận tụy nơi huyện vùng cao", Stage.SUMMARISE,
     RecognitionLevel.GRASSROOTS_ANNUAL, PublicationState.PUBLISHED, datetime.datetime(2024, 11, 9, 8, 30, tzinfo=VN),
     (31, 92, 122)),
    ("nghiep-vu", "TN-NV", None, "Hướng dẫn nghiệp vụ kịp thời, gỡ vướng cho các Chi cục", Stage.SUMMARISE,
     RecognitionLevel.GRASSROOTS_ANNUAL, PublicationState.REQUESTED, None, (46, 110, 64)),
    ("dan-van", "TN-CC-VN", None, "“Dân vận khéo” trong tổ chức thi hành án", Stage.NURTURE, "",
     PublicationState.PRIVATE, None, None),
    ("so-hoa", "TN-NV", "TN-NV-02", "Sáng kiến số hóa hồ sơ thi hành án", Stage.DETECT, "",
     PublicationState.PRIVATE, None, None),
]

STORIES = {
    "mot-cua": "Từ năm 2023, Chi cục bố trí một bàn tiếp nhận duy nhất cho mọi đơn yêu cầu thi hành án, niêm yết "
               "công khai quy trình và thời hạn giải quyết. Người dân chỉ đến một nơi, được hướng dẫn một lần và "
               "nhận phiếu hẹn rõ ngày.\n\nSau một năm, thời gian từ khi nhận đơn đến khi ra quyết định thi hành án "
               "rút ngắn còn trung bình 3 ngày làm việc; không có đơn thư phản ánh về thái độ tiếp dân. Mô hình đã "
               "được các Chi cục trong tỉnh đến học tập.",
    "vung-cao": "Phụ trách địa bàn các xã vùng cao, Chấp hành viên thường xuyên đi cơ sở, phối hợp với chính quyền "
                "xã và trưởng thôn để thuyết phục đương sự tự nguyện thi hành. Nhiều vụ việc kéo dài nhiều năm đã "
                "được giải quyết dứt điểm bằng thỏa thuận.\n\nNăm 2024, tỷ lệ thi hành xong về việc của Chấp hành "
                "viên vượt chỉ tiêu được giao; không có vụ việc nào bị khiếu nại đúng.",
    "nghiep-vu": "Phòng lập nhóm trả lời vướng mắc nghiệp vụ trong ngày, tổng hợp thành sổ tay hướng dẫn gửi các "
                 "Chi cục. Các buổi tập huấn ngắn theo chuyên đề giúp Chấp hành viên trẻ nắm vững quy trình.",
    "dan-van": "Chi cục phối hợp với Mặt trận Tổ quốc và các đoàn thể ở xã để vận động đương sự tự nguyện thi hành "
               "án.",
    "so-hoa": "",
}

# key → [(stage, text)]
NOTES = {
    "mot-cua": [
        (Stage.DETECT, "Chi cục đăng ký xây dựng mô hình theo Kế hoạch số 7/KH-CCTHADS ngày 17/02/2023."),
        (Stage.NURTURE, "Cục hướng dẫn chuẩn hóa biểu mẫu, bố trí thêm một công chức luân phiên tại bàn tiếp nhận."),
        (Stage.SUMMARISE, "Sơ kết 6 tháng: thời gian ra quyết định thi hành án rút ngắn còn 3 ngày làm việc."),
        (Stage.REPLICATE, "Tổ chức cho các Chi cục Sông Công, Phổ Yên đến trao đổi, học tập cách làm."),
    ],
    "vung-cao": [
        (Stage.DETECT, "Chi cục giới thiệu Chấp hành viên có nhiều vụ việc thỏa thuận thành ở các xã vùng cao."),
        (Stage.NURTURE, "Cử tham gia lớp bồi dưỡng kỹ năng dân vận; theo dõi kết quả hằng quý."),
        (Stage.SUMMARISE, "Hội đồng Thi đua – Khen thưởng Cục bình xét, đề nghị công nhận điển hình cấp cơ sở."),
    ],
    "nghiep-vu": [
        (Stage.DETECT, "Các Chi cục phản ánh tích cực về việc trả lời vướng mắc trong ngày."),
        (Stage.NURTURE, "Phòng biên soạn sổ tay hướng dẫn nghiệp vụ, cập nhật theo quý."),
        (Stage.SUMMARISE, "Tổng kết năm: 126 vướng mắc được trả lời, trung bình trong 1 ngày làm việc."),
    ],
    "dan-van": [
        (Stage.DETECT, "Phát hiện qua báo cáo sơ kết quý I: nhiều vụ việc được giải quyết nhờ vận động ở cơ sở."),
        (Stage.NURTURE, "Ký quy chế phối hợp với Ủy ban Mặt trận Tổ quốc huyện."),
    ],
    "so-hoa": [
        (Stage.DETECT, "Đề xuất quét, lưu trữ điện tử hồ sơ thi hành án đã kết thúc để tra cứu nhanh."),
    ],
}


def _chunk(kind: bytes, data: bytes) -> bytes:
    return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")


def photo_png(colour: tuple[int, int, int], size=(480, 320)) -> bytes:
    """A plain generated picture (a coloured panel with a gold star); Pillow draws it when installed."""
    try:
        from PIL import Image, ImageDraw
    except ImportError:  # pragma: no cover - a flat panel written by hand
        width, height = size
        rows = b"".join(b"\x00" + bytes(colour) * width for _ in range(height))
        header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + b"\x08\x02\x00\x00\x00"
        return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(rows))
                + _chunk(b"IEND", b""))
    image = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(image)
    margin, radius, centre = min(size) // 20, min(size) * 0.28, (size[0] // 2, size[1] // 2)
    draw.rectangle([margin, margin, size[0] - margin - 1, size[1] - margin - 1], outline=(255, 215, 0),
                   width=max(1, margin // 4))
    points = [(centre[0] + r * math.sin(math.pi * k / 5), centre[1] - r * math.cos(math.pi * k / 5))
              for k, r in enumerate([radius, radius * 0.4] * 5)]
    draw.polygon(points, fill=(255, 205, 0))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()


def _photo(key: str, colour) -> str:
    if colour is None:
        return ""
    name = f"typical/demo/{key}.png"
    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(photo_png(colour)))
    return name


def load() -> list[TypicalExample]:
    """Load after the campaigns demo (seed 003 of issuer ``TN``)."""
    campaign = Campaign.objects.get(plan__issuer__code="TN", kind=CampaignKind.TYPICAL_EXAMPLES)
    staff = get_user_model().objects.filter(username=STAFF_USERNAME).first()
    units = {u.code: u for u in Unit.objects.filter(code__in={row[1] for row in EXAMPLES})}
    officers = {o.code: o for o in Officer.objects.filter(code__in={row[2] for row in EXAMPLES if row[2]})}
    examples = []
    for key, unit, officer, title, stage, level, publication, published_at, colour in EXAMPLES:
        lookup = {"campaign": campaign, "unit": units[unit], "officer": officers.get(officer), "title": title}
        values = {"stage": stage, "level": level, "story": STORIES[key], "photo": _photo(key, colour),
                  "publication": publication, "published_at": published_at,
                  "published_by": staff if published_at else None, "created_by": staff}
        example = upsert(TypicalExample, lookup, values, exclude=["created_by", "published_by", "published_at"])
        for note_stage, text in NOTES[key]:
            upsert(TypicalExampleNote, {"example": example, "stage": note_stage, "text": text},
                    {"author": staff}, exclude=["author", "evidence"])
        examples.append(example)
    return examples
