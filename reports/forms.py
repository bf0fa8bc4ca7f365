from django import forms
from django.utils.translation import gettext_lazy as _


class SignedUploadForm(forms.Form):
    file = forms.FileField(label=_("Bản PDF đã ký số"),
                           help_text=_("Tệp PDF do hệ thống tạo, đã ký số bằng công cụ ký (tối đa 25 MB)."))
