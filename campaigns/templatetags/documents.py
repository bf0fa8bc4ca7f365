"""Template filters for official documents (Nghị định 30/2020/NĐ-CP on document formatting)."""

import datetime

from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def document_date(value: datetime.date | None) -> str:
    """"ngày 05 tháng 02 năm 2024", "ngày 20 tháng 3 năm 2024": days below 10 and the months
    January and February take a leading zero, as the decree prescribes."""
    if not value:
        return ""
    month = f"{value.month:02d}" if value.month < 3 else str(value.month)
    return _("ngày %(day)s tháng %(month)s năm %(year)s") % {"day": f"{value.day:02d}", "month": month,
                                                              "year": value.year}
