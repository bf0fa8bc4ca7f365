"""Forms for plans, campaigns, milestones, sub-plan requirements and pledges."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from emulation.forms import CheckedInputMixin, DateInput
from emulation.models import Officer, Unit
from emulation.number_fields import GroupedIntegerField, LocalizedDecimalField
from emulation.validators import DOCUMENT_DATES

from .brackets import Bracket, overlap_errors
from .models import BracketBasis, Campaign, MetricKind, Milestone, Plan, Pledge, Result, Target, TargetBracket

SYMBOL = re.compile(r"^[A-ZĐ0-9]+(-[A-ZĐ0-9]+)+$")


def _check_period(form, start_field, end_field, message):
    start, end = form.cleaned_data.get(start_field), form.cleaned_data.get(end_field)
    if start and end and end < start:
        form.add_error(end_field, message)


class PlanForm(CheckedInputMixin, forms.ModelForm):
    name_fields = ("symbol", "title")
    date_fields = {"issued_on": DOCUMENT_DATES}

    class Meta:
        model = Plan
        fields = ["issuer", "number", "symbol", "year", "issued_on", "place", "title", "theme", "legal_basis",
                  "parent", "purposes", "requirements", "content", "recipients", "signer_name", "signer_title"]
        widgets = {
            "issued_on": DateInput(),
            "title": forms.Textarea(attrs={"rows": 2}),
            "theme": forms.Textarea(attrs={"rows": 2}),
            **{name: forms.Textarea(attrs={"rows": 4})
               for name in ["legal_basis", "purposes", "requirements", "content", "recipients"]},
        }

    def __init__(self, *args, issuers, parents, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["issuer"].queryset = issuers
        self.fields["parent"].queryset = parents
        self.fields["parent"].required = False

    def clean_symbol(self):
        symbol = self.cleaned_data["symbol"].strip().upper().replace(" ", "")
        if not SYMBOL.match(symbol):
            raise forms.ValidationError(_("Ký hiệu gồm chữ in hoa và số, các nhóm nối bằng dấu gạch ngang, "
                                          "ví dụ KH-CTHADS."))
        return symbol

    def clean_year(self):
        year = self.cleaned_data["year"]
        if not 1945 <= year <= 2100:
            raise forms.ValidationError(_("Năm không hợp lệ."))
        return year

    def clean_parent(self):
        parent, seen = self.cleaned_data.get("parent"), set()
        ancestor = parent
        while ancestor is not None and ancestor.pk not in seen:
            if self.instance.pk and ancestor.pk == self.instance.pk:
                raise forms.ValidationError(_("Kế hoạch không thể thực hiện chính nó hoặc kế hoạch cấp dưới của nó."))
            seen.add(ancestor.pk)
            ancestor = ancestor.parent
        return parent

    def clean(self):
        data = super().clean()
        issued_on, year = data.get("issued_on"), data.get("year")
        if issued_on and year and issued_on.year != year:
            self.add_error("issued_on", _("Ngày ban hành phải thuộc năm %(year)s của kế hoạch.") % {"year": year})
        return data


class CampaignForm(CheckedInputMixin, forms.ModelForm):
    name_fields = ("name",)
    date_fields = dict.fromkeys(["starts_on", "ends_on", "results_starts_on", "results_ends_on", "pledges_due_on",
                                 "dossier_due_on"], DOCUMENT_DATES)
    participants = forms.ModelMultipleChoiceField(
        label=_("Đơn vị tham gia"), queryset=Unit.objects.none(), required=False,
        widget=forms.SelectMultiple(attrs={"size": 12}),
        help_text=_("Giữ Ctrl (Cmd) để chọn nhiều đơn vị."))

    class Meta:
        model = Campaign
        fields = ["kind", "name", "theme", "description", "starts_on", "ends_on", "results_starts_on",
                  "results_ends_on", "pledges_due_on", "dossier_due_on", "leader_share_max"]
        widgets = {
            "name": forms.Textarea(attrs={"rows": 2}),
            "theme": forms.Textarea(attrs={"rows": 2}),
            "description": forms.Textarea(attrs={"rows": 8}),
            **{name: DateInput() for name in ["starts_on", "ends_on", "results_starts_on", "results_ends_on",
                                              "pledges_due_on", "dossier_due_on"]},
        }

    def __init__(self, *args, unit_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participants"].queryset = unit_choices
        if self.instance.pk:
            self.fields["participants"].initial = [p.unit_id for p in self.instance.participations.all()]

    def clean(self):
        data = super().clean()
        _check_period(self, "starts_on", "ends_on", _("Ngày kết thúc phải sau hoặc bằng ngày bắt đầu."))
        _check_period(self, "results_starts_on", "results_ends_on",
                      _("Ngày cuối kỳ tính kết quả phải sau hoặc bằng ngày đầu kỳ."))
        if bool(data.get("results_starts_on")) != bool(data.get("results_ends_on")):
            self.add_error("results_ends_on",
                           _("Nhập đủ cả ngày đầu và ngày cuối kỳ tính kết quả, hoặc để trống cả hai."))
        return data


class MilestoneForm(CheckedInputMixin, forms.ModelForm):
    name_fields = ("title",)
    date_fields = dict.fromkeys(["starts_on", "ends_on"], DOCUMENT_DATES)

    class Meta:
        model = Milestone
        fields = ["kind", "title", "starts_on", "ends_on", "note"]
        widgets = {"starts_on": DateInput(), "ends_on": DateInput(), "note": forms.Textarea(attrs={"rows": 2})}

    def clean(self):
        data = super().clean()
        _check_period(self, "starts_on", "ends_on", _("Ngày kết thúc phải sau hoặc bằng ngày bắt đầu."))
        return data


class SubPlanRequirementForm(forms.Form):
    """The units that must file their own plan, all by one due date (leaving a unit out drops it)."""

    due_on = forms.DateField(label=_("Hạn gửi kế hoạch"), widget=DateInput(), required=False)
    units = forms.ModelMultipleChoiceField(label=_("Đơn vị phải xây dựng kế hoạch"), queryset=Unit.objects.none(),
                                           widget=forms.CheckboxSelectMultiple, required=False)

    def __init__(self, *args, unit_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["units"].queryset = unit_choices

    def clean(self):
        data = super().clean()
        if data.get("units") and not data.get("due_on") and "due_on" not in self.errors:
            self.add_error("due_on", _("Nhập hạn gửi kế hoạch."))
        return data


class PledgeForm(forms.ModelForm):
    class Meta:
        model = Pledge
        fields = ["unit", "officer", "registered_on", "target_title", "content"]
        widgets = {"registered_on": DateInput(), "content": forms.Textarea(attrs={"rows": 5})}
        help_texts = {"officer": _("Để trống khi đăng ký cho tập thể đơn vị.")}

    def __init__(self, *args, unit_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = unit_choices
        self.fields["officer"].queryset = Officer.objects.filter(unit__in=unit_choices, is_active=True).order_by(
            "sort_key").select_related("unit")
        self.fields["officer"].label_from_instance = lambda o: f"{o.full_name} – {o.unit.short_name or o.unit.name}"

    def clean(self):
        data = super().clean()
        officer, unit = data.get("officer"), data.get("unit")
        if officer and unit and officer.unit_id != unit.pk:
            self.add_error("officer", _("Cán bộ không thuộc đơn vị đã chọn."))
        return data


class TargetForm(CheckedInputMixin, forms.ModelForm):
    name_fields = ("code", "title")

    class Meta:
        model = Target
        fields = ["code", "title", "metric_kind", "subject_kind", "unit", "basis", "value", "strict", "position"]
        widgets = {"title": forms.Textarea(attrs={"rows": 2})}
        field_classes = {"value": LocalizedDecimalField}

    def __init__(self, *args, unit_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = unit_choices

    def clean(self):
        data = super().clean()
        tiered = data.get("basis") not in (None, BracketBasis.NONE)
        if tiered and data.get("metric_kind") not in (MetricKind.COMPLETION_CASES, MetricKind.COMPLETION_MONEY,
                                                      MetricKind.PERCENTAGE):
            self.add_error("basis", _("Chỉ chỉ tiêu tỷ lệ mới chia khung theo tổng số phải giải quyết."))
        needs_value = data.get("metric_kind") not in (MetricKind.BOOLEAN, MetricKind.COMPARISON) and not tiered
        if needs_value and data.get("value") is None:
            self.add_error("value", _("Nhập mức chỉ tiêu (hoặc chọn chia khung)."))
        return data


class BracketForm(forms.ModelForm):
    class Meta:
        model = TargetBracket
        fields = ["lower", "lower_inclusive", "upper", "upper_inclusive", "value"]
        field_classes = {"lower": GroupedIntegerField, "upper": GroupedIntegerField, "value": LocalizedDecimalField}
        widgets = {"lower_inclusive": forms.CheckboxInput(attrs={"class": "form-check-input"}),
                   "upper_inclusive": forms.CheckboxInput(attrs={"class": "form-check-input"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():  # a table cell in Bootstrap's look (red when refused: the template)
            if not isinstance(field.widget, forms.CheckboxInput):
                field.widget.attrs["class"] = "form-control form-control-sm"

    def clean(self):
        data = super().clean()
        lower, upper = data.get("lower"), data.get("upper")
        if lower is not None and upper is not None and upper < lower:
            self.add_error("upper", _("Cận trên phải lớn hơn hoặc bằng cận dưới."))
        value = data.get("value")
        if value is not None and not 0 <= value <= 100:
            self.add_error("value", _("Mức chỉ tiêu phải từ 0 đến 100%."))
        return data


class BaseBracketFormSet(forms.BaseInlineFormSet):
    """Overlapping brackets are refused, naming both ranges; gaps are allowed (the page reports them)."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].widget.attrs["class"] = "form-check-input"

    def clean(self):
        super().clean()
        rows = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or data.get("lower") is None or data.get("value") is None:
                continue
            upper = None if data.get("upper") is None else int(data["upper"])
            rows.append(Bracket(int(data["lower"]), upper, data["value"], bool(data.get("lower_inclusive")),
                                bool(data.get("upper_inclusive"))))
        if errors := overlap_errors(rows):
            raise forms.ValidationError(errors)


BracketFormSet = forms.inlineformset_factory(Target, TargetBracket, form=BracketForm, formset=BaseBracketFormSet,
                                             extra=2, can_delete=True)


FIGURES = ("cases_total", "cases_with_conditions", "cases_completed", "money_total", "money_with_conditions",
           "money_completed")


class ResultForm(CheckedInputMixin, forms.ModelForm):
    """The six standard figures, plus one field per campaign-specific target that applies."""

    date_fields = {"as_of": DOCUMENT_DATES}

    reason = forms.CharField(label=_("Lý do sửa số liệu đã xác nhận"), required=False, max_length=500)

    class Meta:
        model = Result
        fields = ["as_of", *FIGURES]
        widgets = {"as_of": DateInput()}
        field_classes = dict.fromkeys(FIGURES, GroupedIntegerField)

    def __init__(self, *args, extra_targets=(), locked=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.extra_targets = list(extra_targets)
        existing = {v.target_id: v for v in self.instance.values.all()} if self.instance.pk else {}
        for target in self.extra_targets:
            value = existing.get(target.pk)
            if target.metric_kind in (MetricKind.BOOLEAN, MetricKind.COMPARISON):
                self.fields[f"target_{target.pk}"] = forms.NullBooleanField(
                    label=target.title, required=False, initial=value.achieved if value else None,
                    widget=forms.Select(choices=[("unknown", _("Chưa đánh giá")), ("true", _("Đạt")),
                                                 ("false", _("Không đạt"))]))
            else:
                self.fields[f"target_{target.pk}"] = LocalizedDecimalField(
                    label=target.title, required=False, min_value=0, max_digits=17, decimal_places=2,
                    initial=value.number if value else None)
        if not locked:
            del self.fields["reason"]

    def _get_validation_exclusions(self):
        # The figures' cross-checks are the service's (precise, per field); the model's check
        # constraints would only repeat them as one generic message.
        return super()._get_validation_exclusions() | set(FIGURES)

    def target_values(self) -> dict:
        values = {}
        for target in self.extra_targets:
            raw = self.cleaned_data.get(f"target_{target.pk}")
            boolean = target.metric_kind in (MetricKind.BOOLEAN, MetricKind.COMPARISON)
            values[target.pk] = (None, raw) if boolean else (raw, None)
        return values
