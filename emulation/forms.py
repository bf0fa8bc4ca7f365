"""Forms for units, officers, transfers and discipline. Each validates itself; services save."""

from django import forms
from django.forms.utils import flatatt
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from . import validators
from .models import AwardHold, Discipline, Officer, Unit
from .registers import SERIES


class DateInput(forms.DateInput):
    """A text box that shows and reads dd/mm/yyyy (the Vietnamese format module)."""

    def __init__(self, **kwargs):
        super().__init__(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "autocomplete": "off"}, **kwargs)


class LongSelect(forms.Select):
    """A select of many options (a national scope's 735 units) written in one pass: Django renders each option
    through a template (about 0,2 ms each, 150 ms for the units of the whole tree); the markup is the same."""

    def render(self, name, value, attrs=None, renderer=None):
        final_attrs = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        chosen = {str(v) for v in self.format_value(value)}
        options = format_html_join("", '<option value="{}"{}>{}</option>', (
            (str(key), mark_safe(" selected") if str(key) in chosen else "", label) for key, label in self.choices))
        return format_html("<select{}>{}</select>", flatatt(final_attrs), options)


class CheckedInputMixin:
    """The one check of names, codes and dates typed into a form (rules in ``emulation.validators``):
    ``name_fields`` come out in NFC and refuse invisible characters, ``date_fields`` (field → window)
    refuse implausible dates. Put it before the Django form class."""

    name_fields: tuple[str, ...] = ()
    date_fields: dict[str, validators.Window] = {}

    def clean(self):
        data = super().clean()
        today = timezone.localdate()
        for name in self.name_fields:
            if isinstance(data.get(name), str):
                data[name], problem = validators.clean_name(data[name])
                if problem:
                    self.add_error(name, problem)
        for name, window in self.date_fields.items():
            problem = validators.date_problem(data.get(name), today=today, window=window)
            if problem:
                self.add_error(name, problem)
        return data

    def check_birth_date(self, starts_on) -> None:
        problem = validators.birth_date_problem(self.cleaned_data.get("birth_date"), today=timezone.localdate(),
                                                starts_on=starts_on)
        if problem:
            self.add_error("birth_date", problem)


class UnitForm(CheckedInputMixin, forms.ModelForm):
    name_fields = ("code", "name", "short_name")

    class Meta:
        model = Unit
        fields = ["code", "name", "short_name", "kind", "parent", "valid_from", "valid_to",
                  "legal_entity", "has_seal", "hardship", "address", "document_symbol", "place_name"]
        widgets = {"valid_from": DateInput(), "valid_to": DateInput()}

    def __init__(self, *args, parent_choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        if parent_choices is not None:
            self.fields["parent"].queryset = parent_choices

    def clean(self):
        data = super().clean()
        start, end = data.get("valid_from"), data.get("valid_to")
        if start and end and end < start:
            self.add_error("valid_to", _("Ngày hết hiệu lực phải sau hoặc bằng ngày bắt đầu hiệu lực."))
        parent = data.get("parent")
        if parent and self.instance.pk and parent.path.startswith(self.instance.path or "\0"):
            self.add_error("parent", _("Đơn vị cấp trên không được là chính nó hoặc đơn vị cấp dưới của nó."))
        return data


class OfficerForm(CheckedInputMixin, forms.ModelForm):
    name_fields = ("code", "full_name")
    date_fields = {"starts_on": validators.WORK_START}
    starts_on = forms.DateField(label=_("Ngày bắt đầu công tác tại đơn vị"), widget=DateInput())
    hardship = forms.BooleanField(label=_("Công tác vùng sâu, vùng xa, khó khăn"), required=False)

    class Meta:
        model = Officer
        fields = ["code", "full_name", "gender", "birth_date", "unit", "position", "is_leader",
                  "is_enforcement_officer"]
        widgets = {"birth_date": DateInput()}

    def __init__(self, *args, unit_choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        if unit_choices is not None:
            self.fields["unit"].queryset = unit_choices

    def clean(self):
        data = super().clean()
        self.check_birth_date(data.get("starts_on"))
        return data


class OfficerEditForm(CheckedInputMixin, forms.ModelForm):
    name_fields = ("full_name",)

    class Meta:
        model = Officer
        fields = ["full_name", "gender", "birth_date", "position", "is_leader", "is_enforcement_officer", "is_active"]
        widgets = {"birth_date": DateInput()}

    def clean(self):
        data = super().clean()
        first = self.instance.assignments.order_by("starts_on").first() if self.instance.pk else None
        self.check_birth_date(first.starts_on if first else None)
        return data


class OfficerAdminForm(OfficerEditForm):
    """The admin's officer form: every field, and the same checks as the app's forms (the code too)."""

    name_fields = ("code", "full_name")

    class Meta(OfficerEditForm.Meta):
        fields = ["code", "full_name", "gender", "birth_date", "unit", "position", "is_leader",
                  "is_enforcement_officer", "is_active", "user"]


class TransferForm(CheckedInputMixin, forms.Form):
    date_fields = {"starts_on": validators.WORK_START}
    unit = forms.ModelChoiceField(label=_("Đơn vị mới"), queryset=Unit.objects.none())
    starts_on = forms.DateField(label=_("Từ ngày"), widget=DateInput())
    position = forms.CharField(label=_("Chức vụ"), required=False, max_length=120)
    hardship = forms.BooleanField(label=_("Công tác vùng sâu, vùng xa, khó khăn"), required=False)

    def __init__(self, *args, unit_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = unit_choices


class DisciplineForm(forms.ModelForm):
    class Meta:
        model = Discipline
        fields = ["form", "decision_number", "decided_on", "ends_on", "related_to_duties", "reason"]
        widgets = {"decided_on": DateInput(), "ends_on": DateInput(), "reason": forms.Textarea(attrs={"rows": 3})}

    def clean(self):
        data = super().clean()
        decided, ends = data.get("decided_on"), data.get("ends_on")
        if decided and ends and ends < decided:
            self.add_error("ends_on", _("Ngày chấp hành xong kỷ luật phải sau ngày quyết định."))
        return data


class AwardHoldForm(forms.ModelForm):
    class Meta:
        model = AwardHold
        fields = ["kind", "opened_on", "closed_on", "note"]
        widgets = {"opened_on": DateInput(), "closed_on": DateInput(), "note": forms.Textarea(attrs={"rows": 2})}

    def clean(self):
        data = super().clean()
        opened, closed = data.get("opened_on"), data.get("closed_on")
        if opened and closed and closed < opened:
            self.add_error("closed_on", _("Ngày kết thúc phải sau ngày bắt đầu xem xét."))
        return data


class IssueNumberForm(CheckedInputMixin, forms.Form):
    """Lấy số cho một văn bản làm ngoài hệ thống, để sổ không trùng số với văn bản hệ thống tạo."""

    date_fields = {"issued_on": validators.DOCUMENT_DATES}

    issuer = forms.ModelChoiceField(label=_("Cơ quan ban hành"), queryset=Unit.objects.none())
    series = forms.ChoiceField(label=_("Loại văn bản (sổ)"), choices=SERIES)
    issued_on = forms.DateField(label=_("Ngày văn bản"), widget=DateInput())
    subject = forms.CharField(label=_("Trích yếu"), max_length=500)

    def __init__(self, *args, issuers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["issuer"].queryset = issuers
