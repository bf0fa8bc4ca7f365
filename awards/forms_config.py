"""Staff configure what a campaign offers: an award form, its criteria (a kind and its parameters,
entered as fields, stored as ``Criterion.params``) and its quotas."""

import datetime

from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from emulation.forms import DateInput
from emulation.models import DisciplineForm, RatingLevel

from .models import AwardForm, CampaignAward, Criterion, CriterionKind, Quota

NO_PARAMS = {CriterionKind.ATTAINMENT, CriterionKind.QUALITATIVE, CriterionKind.HEAD_COLLECTIVE}
DISCIPLINE_KINDS = {CriterionKind.NO_DISCIPLINE, CriterionKind.NO_MEMBER_DISCIPLINE}


class CampaignAwardForm(forms.ModelForm):
    class Meta:
        model = CampaignAward
        fields = ["award_form", "decided_here", "criteria_text", "cited_basis", "position"]
        widgets = {"criteria_text": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, campaign, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.campaign = campaign
        taken = CampaignAward.objects.filter(campaign=campaign).exclude(pk=self.instance.pk)
        self.fields["award_form"].queryset = AwardForm.objects.exclude(pk__in=taken.values("award_form"))
        if self.instance.pk and self.instance.nominations.exists():
            for name in ("award_form", "decided_here"):  # nominations were judged and counted under them
                self.fields[name].disabled = True
                self.fields[name].help_text = _("Đã có đề nghị theo hình thức này: không đổi được.")


class CriterionForm(forms.ModelForm):
    date_from = forms.DateField(label=_("Kỷ luật từ ngày"), required=False, widget=DateInput())
    date_to = forms.DateField(label=_("đến ngày"), required=False, widget=DateInput())
    min_form = forms.ChoiceField(label=_("Từ hình thức"), required=False, choices=[("", "—"), *DisciplineForm.choices])
    year = forms.IntegerField(label=_("Năm"), required=False, min_value=1990, max_value=2100)
    min_level = forms.ChoiceField(label=_("Mức tối thiểu"), required=False, choices=[("", "—"), *RatingLevel.choices])
    award_codes = forms.MultipleChoiceField(label=_("Danh hiệu, hình thức đã đạt"), required=False,
                                            widget=forms.SelectMultiple(attrs={"size": 3}))
    min_count = forms.IntegerField(label=_("Số lần / số người tối thiểu"), required=False, min_value=1)
    min_percent = forms.IntegerField(label=_("Tỷ lệ tối thiểu (%)"), required=False, min_value=1, max_value=100)
    from_year = forms.IntegerField(label=_("Từ năm"), required=False, min_value=1990, max_value=2100)
    to_year = forms.IntegerField(label=_("Đến năm"), required=False, min_value=1990, max_value=2100)
    consecutive = forms.BooleanField(label=_("Các năm liên tục"), required=False,
                                     help_text=_("Số lần tối thiểu là số năm liên tục (mỗi năm tính một lần)."))
    other_route = forms.CharField(label=_("Cách đạt khác (Hội đồng xem xét)"), required=False, max_length=200)

    PARAMS = ["date_from", "date_to", "min_form", "year", "min_level", "award_codes", "min_count", "min_percent",
              "from_year", "to_year", "consecutive", "other_route"]

    class Meta:
        model = Criterion
        fields = ["kind", "applies_to", "text", "position"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["award_codes"].choices = list(AwardForm.objects.values_list("code", "name"))
        params = self.instance.params or {}
        for name in ("year", "min_level", "min_count", "min_percent", "from_year", "to_year", "consecutive",
                     "other_route", "min_form"):
            if name in params:
                self.initial.setdefault(name, params[name])
        for field, key in (("date_from", "from"), ("date_to", "to")):
            if params.get(key):
                self.initial.setdefault(field, datetime.date.fromisoformat(params[key]))
        codes = params.get("award_codes") or ([params["award_code"]] if "award_code" in params else [])
        self.initial.setdefault("award_codes", codes)

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if not kind or self.cleaned_data.get("DELETE"):
            return data
        params = {}

        def need(name, message):
            if data.get(name) in (None, "", []):
                self.add_error(name, message)

        if kind in DISCIPLINE_KINDS:
            params["min_form"] = data.get("min_form") or DisciplineForm.REPRIMAND
            for field, key in (("date_from", "from"), ("date_to", "to")):
                if data.get(field):
                    params[key] = data[field].isoformat()
            if data.get("date_from") and data.get("date_to") and data["date_to"] < data["date_from"]:
                self.add_error("date_to", _("Ngày kết thúc phải sau ngày bắt đầu."))
        elif kind == CriterionKind.PRIOR_AWARD:
            need("award_codes", _("Chọn danh hiệu, hình thức đã đạt."))
            params.update(award_codes=data.get("award_codes") or [], min_count=data.get("min_count") or 1)
            params.update({k: data[k] for k in ("from_year", "to_year", "consecutive") if data.get(k)})
        elif kind == CriterionKind.MEMBER_AWARDS:
            need("year", _("Nhập năm."))
            if len(data.get("award_codes") or []) != 1:
                self.add_error("award_codes", _("Chọn đúng một danh hiệu."))
            if not data.get("min_percent") and not data.get("min_count"):
                self.add_error("min_percent", _("Nhập tỷ lệ hoặc số người tối thiểu."))
            params.update(award_code=(data.get("award_codes") or [""])[0], year=data.get("year"))
            params.update({k: data[k] for k in ("min_percent", "min_count") if data.get(k)})
        elif kind == CriterionKind.RATING:
            need("year", _("Nhập năm."))
            need("min_level", _("Chọn mức tối thiểu."))
            params.update(year=data.get("year"), min_level=data.get("min_level"))
            if data.get("other_route"):
                params["other_route"] = data["other_route"]
        elif kind == CriterionKind.MEMBERS_RATING:
            need("year", _("Nhập năm."))
            params.update(year=data.get("year"), min_level=data.get("min_level") or RatingLevel.COMPLETED,
                          min_percent=data.get("min_percent") or 100)
        self.instance.params = params
        return data


class QuotaForm(forms.ModelForm):
    class Meta:
        model = Quota
        fields = ["subject_kind", "per_unit", "limit", "text"]


CriterionFormSet = inlineformset_factory(CampaignAward, Criterion, form=CriterionForm, extra=1, can_delete=True)
QuotaFormSet = inlineformset_factory(CampaignAward, Quota, form=QuotaForm, extra=1, can_delete=True)
