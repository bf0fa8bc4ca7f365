"""Forms of the register of initiatives: the initiative and its authors (a formset: every row is
checked, and the shares must sum to 100 % before anything is saved)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from emulation import validators
from emulation.forms import CheckedInputMixin, DateInput

from .authorship import share_problems
from .forms_typical import _checked
from .models import Initiative
from .services.initiatives import Share
from .uploads import MAX_SCAN_BYTES, SCAN_TYPES

AUTHOR_ROWS = 3


class InitiativeForm(CheckedInputMixin, forms.ModelForm):
    name_fields = ("title",)
    date_fields = {"decided_on": validators.DOCUMENT_DATES}
    attachment = forms.FileField(label=_("Tệp đính kèm (PDF hoặc JPEG, tối đa 10 MB)"), required=False,
                                 widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,image/jpeg"}))

    class Meta:
        model = Initiative
        fields = ["unit", "kind", "title", "field", "scope", "decision_number", "decided_on", "decided_by", "result"]
        widgets = {"decided_on": DateInput(), "result": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "scope": _("Phạm vi ảnh hưởng theo quyết định công nhận: cơ sở (Chiến sĩ thi đua cơ sở); Bộ, ngành, "
                       "tỉnh (Chiến sĩ thi đua Bộ, ngành, tỉnh); toàn quốc."),
            "decided_by": _("Ví dụ: Hội đồng sáng kiến Thi hành án dân sự tỉnh Hậu Giang."),
        }

    def __init__(self, *args, unit_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = unit_choices
        self.fields["unit"].label_from_instance = lambda u: u.short_name or u.name
        if self.instance.attachment:
            self.fields["attachment"].help_text = _("Đã có tệp đính kèm; chọn tệp mới để thay.")

    def clean_attachment(self):
        return _checked(self, "attachment", allowed=SCAN_TYPES, max_bytes=MAX_SCAN_BYTES)


class AuthorForm(forms.Form):
    officer = forms.ModelChoiceField(label=_("Tác giả"), queryset=None, required=False)
    share = forms.IntegerField(label=_("Tỷ lệ đóng góp (%)"), required=False, min_value=1, max_value=100)

    def __init__(self, *args, officers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = officers
        self.fields["officer"].label_from_instance = lambda o: f"{o.full_name} – {o.unit.short_name or o.unit.name}"

    def clean(self):
        data = super().clean()
        if data.get("officer") and data.get("share") is None and "share" not in self.errors:
            self.add_error("share", _("Nhập tỷ lệ đóng góp của tác giả."))
        if data.get("share") is not None and not data.get("officer") and "officer" not in self.errors:
            self.add_error("officer", _("Chọn tác giả cho tỷ lệ đã nhập."))
        return data


class BaseAuthorFormSet(forms.BaseFormSet):
    def __init__(self, *args, officers, **kwargs):
        self.officers = officers
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "officers": self.officers}

    def clean(self):
        if any(self.errors):
            return
        problems = share_problems([(s.officer.pk, s.share) for s in self.shares()])
        if problems:
            raise forms.ValidationError(problems)

    def shares(self) -> list[Share]:
        return [Share(f.cleaned_data["officer"], f.cleaned_data["share"])
                for f in self.forms if f.cleaned_data.get("officer")]


def author_formset(data=None, *, officers, authors=()):
    """Rows for the current authors, plus empty rows to add more."""
    initial = [{"officer": a.officer_id, "share": a.share} for a in authors]
    formset_class = forms.formset_factory(AuthorForm, formset=BaseAuthorFormSet, extra=AUTHOR_ROWS, max_num=20,
                                          validate_max=True)
    return formset_class(data, officers=officers, initial=initial or None, prefix="authors")
