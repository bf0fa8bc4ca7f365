"""The upload form of every Excel import: type, size and the workbook's limits (``workbook_guard``) are checked
before anything is stored; the workbook is parsed only in the worker."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from . import workbook_guard
from .spreadsheets import CellError


class ExcelUploadForm(forms.Form):
    file = forms.FileField(label=_("Tệp Excel (.xlsx)"), help_text=_("Dùng đúng tệp mẫu tải về ở trên."))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(_("Chỉ nhận tệp Excel .xlsx."))
        if upload.size > settings.MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("Tệp quá lớn (%(size)s); tối đa %(max)s.") % {
                "size": filesizeformat(upload.size), "max": filesizeformat(settings.MAX_UPLOAD_BYTES)})
        try:
            workbook_guard.check(upload)  # the zip directory only: parsing is the worker's job
        except CellError as exc:
            raise forms.ValidationError(str(exc)) from exc
        return upload
