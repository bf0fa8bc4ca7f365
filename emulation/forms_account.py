"""Tài khoản của tôi: the user's email address and, per notification kind, how they hear of it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Channel


def field_name(kind: str) -> str:
    return "kind_" + kind.replace(".", "__")


class AccountForm(forms.Form):
    email = forms.EmailField(
        label=_("Địa chỉ thư điện tử"), required=False, max_length=254,
        error_messages={"invalid": _("Địa chỉ thư điện tử không hợp lệ (ví dụ đúng: ten.nguoi@thads.gov.vn)."),
                        "max_length": _("Địa chỉ thư điện tử dài quá %(limit_value)d ký tự.")},
        help_text=_("Để trống nếu không muốn nhận thư: thông báo vẫn có trong mục Thông báo."),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "placeholder": "ten.nguoi@thads.gov.vn"}))

    def __init__(self, *args, kinds: list[tuple[str, str]], channels: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.kinds = kinds
        for kind, label in kinds:
            self.fields[field_name(kind)] = forms.ChoiceField(
                label=label, choices=Channel.choices, initial=channels.get(kind),
                error_messages={"invalid_choice": _("Cách nhận không hợp lệ: hãy chọn một mục trong danh sách.")})

    def kind_fields(self):
        return [self[field_name(kind)] for kind, _label in self.kinds]

    def channels(self) -> dict[str, str]:
        return {kind: self.cleaned_data[field_name(kind)] for kind, _label in self.kinds}
