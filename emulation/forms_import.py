"""The upload form of every Excel import: type and size are checked before anything is stored."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from .spreadsheets import CellError, open_workbook


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
            open_workbook(upload).close()
        except CellError as exc:
            raise forms.ValidationError(str(exc)) from exc
        upload.seek(0)
        return upload
