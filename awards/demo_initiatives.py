"""Demo initiatives (fictional, like every demo officer and decision): two recognised in 2023 for
Bình Định officers rated "hoàn thành xuất sắc nhiệm vụ", so that seed 000's Chiến sĩ thi đua cơ sở
shows both an officer who meets Luật 2022 Điều 23 with an initiative and ones who have none.
Upserted on the decision and title, the authors on (initiative, officer): loading twice changes nothing."""

import datetime

from emulation.demo import upsert
from emulation.models import Officer, Unit

from .models import Initiative, InitiativeAuthor, InitiativeKind, InitiativeScope

D = datetime.date
# unit, title, kind, field, scope, decision number, date, issuing body, result, authors (officer code, share %)
INITIATIVES = [
    ("BD-CC-AL", "Sổ theo dõi tiến độ thi hành án điện tử tại Chi cục", InitiativeKind.INITIATIVE,
     "Tổ chức thi hành án", InitiativeScope.GRASSROOTS, "215/QĐ-CTHADS", D(2023, 12, 20),
     "Cục Thi hành án dân sự tỉnh Bình Định",
     "Áp dụng tại Chi cục từ tháng 8/2023: nhắc hạn tự động, giảm số việc quá hạn xác minh.",
     [("BD-CC-AL-03", 70), ("BD-CC-AL-04", 30)]),
    ("BD-CC-HN", "Quy trình phối hợp xác minh điều kiện thi hành án với ngân hàng thương mại",
     InitiativeKind.SOLUTION, "Xác minh điều kiện thi hành án", InitiativeScope.MINISTRY, "1870/QĐ-BTP",
     D(2023, 11, 15), "Bộ Tư pháp",
     "Được nhân rộng trong hệ thống thi hành án dân sự; thời gian xác minh tài khoản rút từ 15 xuống 5 ngày.",
     [("BD-CC-HN-04", 100)]),
]


def load() -> None:
    codes = [code for *_rest, authors in INITIATIVES for code, _share in authors]
    officers = {o.code: o for o in Officer.objects.filter(code__in=codes)}
    units = {u.code: u for u in Unit.objects.filter(code__in=[row[0] for row in INITIATIVES])}
    for unit, title, kind, field, scope, number, day, body, result, authors in INITIATIVES:
        initiative = upsert(Initiative, {"decision_number": number, "decided_by": body, "title": title}, {
            "unit": units[unit], "kind": kind, "field": field, "scope": scope, "decided_on": day, "result": result},
            exclude=["created_by"])
        for position, (code, share) in enumerate(authors):
            upsert(InitiativeAuthor, {"initiative": initiative, "officer": officers[code]},
                    {"share": share, "position": position})
