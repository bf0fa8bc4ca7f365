"""Forms for typical examples: the example itself, a note with evidence, going back one stage."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from emulation.forms import CheckedInputMixin
from emulation.models import Officer

from .models import TypicalExample
from .uploads import EVIDENCE_TYPES, MAX_PHOTO_BYTES, MAX_SCAN_BYTES, PHOTO_TYPES, check_upload


def _checked(form, name, *, allowed, max_bytes):
    upload = form.cleaned_data.get(name)
    if upload:
        try:
            check_upload(upload, allowed=allowed, max_bytes=max_bytes)
        except ValidationError as exc:
            raise forms.ValidationError(exc.messages) from exc
    return upload


class TypicalExampleForm(CheckedInputMixin, forms.ModelForm):
    name_fields = ("title",)
    photo = forms.FileField(label=_("Ảnh (JPEG hoặc PNG, tối đa 5 MB)"), required=False,
                            widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png"}))

    class Meta:
        model = TypicalExample
        fields = ["campaign", "unit", "officer", "title", "level", "story"]
        widgets = {"story": forms.Textarea(attrs={"rows": 8})}
        help_texts = {
            "officer": _("Để trống khi điển hình là tập thể đơn vị."),
            "story": _("Câu chuyện, cách làm hay, thành tích tiêu biểu: phần này được đăng trên trang vinh danh "
                       "khi công bố."),
            "level": _("Để trống khi chưa được công nhận."),
        }

    def __init__(self, *args, campaign_choices=None, unit_choices, **kwargs):
        super().__init__(*args, **kwargs)
        if campaign_choices is None:
            del self.fields["campaign"]
        else:
            self.fields["campaign"].queryset = campaign_choices
            self.fields["campaign"].label_from_instance = lambda c: f"{c.name} ({c.plan.issuer.short_name})"
        self.fields["unit"].queryset = unit_choices
        self.fields["unit"].label_from_instance = lambda u: u.short_name or u.name
        self.fields["officer"].queryset = Officer.objects.filter(unit__in=unit_choices, is_active=True).order_by(
            "sort_key").select_related("unit")
        self.fields["officer"].label_from_instance = lambda o: f"{o.full_name} – {o.unit.short_name or o.unit.name}"
        if self.instance.photo:
            self.fields["photo"].help_text = _("Đã có ảnh; chọn tệp mới để thay.")

    def clean_photo(self):
        return _checked(self, "photo", allowed=PHOTO_TYPES, max_bytes=MAX_PHOTO_BYTES)

    def clean(self):
        data = super().clean()
        officer, unit = data.get("officer"), data.get("unit")
        if officer and unit and officer.unit_id != unit.pk:
            self.add_error("officer", _("Cán bộ không thuộc đơn vị đã chọn."))
        return data


class NoteForm(forms.Form):
    text = forms.CharField(label=_("Nội dung ghi nhận"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)
    evidence = forms.FileField(label=_("Tài liệu minh chứng (PDF, JPEG hoặc PNG, tối đa 10 MB)"), required=False)

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Nhập nội dung ghi nhận."))
        return text

    def clean_evidence(self):
        return _checked(self, "evidence", allowed=EVIDENCE_TYPES, max_bytes=MAX_SCAN_BYTES)


class StageBackForm(forms.Form):
    reason = forms.CharField(label=_("Lý do quay lại giai đoạn trước"), widget=forms.Textarea(attrs={"rows": 2}),
                             max_length=2000)
