"""What each signature field of our documents is, in words: "BaoCao01_XacNhan" is where the head of the unit
confirms nominee 01's achievement report. The names themselves stay as they are (signing software lists
them); pages show these words first. A name is ``<part>_<signer>`` (``<signer>`` alone in a one-part file)."""

import datetime
import re

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

PARTS = {
    "KeHoach": gettext_noop("Kế hoạch"),
    "BaoCao": gettext_noop("Báo cáo tổng kết"),
    "ToTrinh": gettext_noop("Tờ trình"),
    "BienBan": gettext_noop("Biên bản họp xét"),
    "BienBanHoiDong": gettext_noop("Biên bản họp Hội đồng"),
    "QuyetDinh": gettext_noop("Quyết định"),
}
SIGNERS = {
    "NguoiKy": gettext_noop("Người ký"),
    "XacNhan": gettext_noop("Thủ trưởng xác nhận"),
    "NguoiBaoCao": gettext_noop("Người báo cáo thành tích"),
    "ThuKy": gettext_noop("Thư ký"),
    "ChuToa": gettext_noop("Chủ tọa"),
}
NUMBERED_REPORT = re.compile(r"^BaoCao(\d+)$")


def _part(prefix: str) -> str | None:
    if match := NUMBERED_REPORT.match(prefix):
        return _("Báo cáo thành tích số %(number)s") % {"number": match.group(1)}
    return _(PARTS[prefix]) if prefix in PARTS else None


def label(name: str) -> str:
    """The field's place in words; a name we did not make comes back as it is."""
    prefix, _sep, signer = name.rpartition("_")
    if signer not in SIGNERS:
        return name
    if not prefix:
        return _(SIGNERS[signer])
    part = _part(prefix)
    return name if part is None else f"{part} – {_(SIGNERS[signer]).lower()}"


def signing_overview(field_names: list[str], signatures: list[dict]) -> dict:
    """A signed copy against the document's fields: each field with its words and its signature (or none),
    the signatures in fields the document did not have, and how many fields are still empty. Signing in turn
    is normal (the director signs after the secretary), so a copy with empty fields is kept — and says so."""
    by_field = {s["field"]: s for s in signatures}
    fields = [{"name": name, "label": label(name), "signature": _with_time(by_field.get(name))} for name in field_names]
    extra = [{"name": s["field"], "label": label(s["field"]), "signature": _with_time(s)}
             for s in signatures if s["field"] not in field_names]
    empty = [f for f in fields if f["signature"] is None]
    return {"fields": fields + extra, "signed": len(fields) - len(empty) + len(extra), "total": len(fields),
            "empty": empty}


def _with_time(signature: dict | None) -> dict | None:
    """The stored signing time (ISO 8601 with its offset) as an aware datetime, for the page to show locally."""
    if signature is None:
        return None
    when = signature.get("signed_at")
    try:
        moment = datetime.datetime.fromisoformat(when) if when else None
    except ValueError:
        moment = None
    return {**signature, "signed_at": moment}
