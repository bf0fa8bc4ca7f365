"""Forms of the proposal workflow and of the director's decision."""

from django import forms
from django.utils.translation import gettext_lazy as _

from emulation.forms import DateInput, LongSelect

from .models import AchievementReport, AttachmentKind, Proposal

TEXTAREA = {"rows": 4}


class ProposalOpenForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Đơn vị đề nghị"), queryset=None, widget=LongSelect)
    title = forms.CharField(label=_("Trích yếu tờ trình"), max_length=255,
                            initial=_("Đề nghị xét tặng khen thưởng"))

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Proposal
        fields = Proposal.MEETING_FIELDS
        widgets = {"meeting_held_on": DateInput(), "meeting_attendees": forms.Textarea(attrs=TEXTAREA),
                   "meeting_votes": forms.Textarea(attrs={"rows": 3})}

    def clean(self):
        data = super().clean()
        present, total = data.get("meeting_present"), data.get("meeting_total")
        if present is not None and total is not None and present > total:
            self.add_error("meeting_present", _("Số người có mặt không được lớn hơn số người được triệu tập."))
        return data


class NominateForm(forms.Form):
    """A nominee of the proposing unit for one of the campaign's awards (``subject``: o<id> / u<id>)."""

    campaign_award = forms.ChoiceField(label=_("Hình thức đề nghị"))
    subject = forms.ChoiceField(label=_("Tập thể / cá nhân"))

    def __init__(self, *args, awards, subjects, **kwargs):
        super().__init__(*args, **kwargs)
        self.awards = {str(a.pk): a for a in awards}
        self.fields["campaign_award"].choices = [(str(a.pk), a.award_form.name) for a in awards]
        self.subjects = {key: subject for key, _label, subject in subjects}
        self.fields["subject"].choices = [(key, label) for key, label, _subject in subjects]

    def cleaned_award(self):
        return self.awards[self.cleaned_data["campaign_award"]]

    def cleaned_subject(self):
        return self.subjects[self.cleaned_data["subject"]]


class ReportForm(forms.ModelForm):
    class Meta:
        model = AchievementReport
        fields = ["summary", "duties", "achievements", "initiatives", "prior_awards"]
        widgets = {name: forms.Textarea(attrs={"rows": 5}) for name in fields}


class AttachmentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại tài liệu"), choices=AttachmentKind.choices)
    nomination = forms.ChoiceField(label=_("Của đối tượng"), required=False)
    file = forms.FileField(label=_("Tệp (PDF hoặc JPEG, tối đa 10 MB)"))

    def __init__(self, *args, nominations, **kwargs):
        super().__init__(*args, **kwargs)
        self.nominations = {str(n.pk): n for n in nominations}
        self.fields["nomination"].choices = [("", _("— Cả hồ sơ —"))] + [(str(n.pk), str(n.subject))
                                                                         for n in nominations]

    def cleaned_nomination(self):
        return self.nominations.get(self.cleaned_data.get("nomination") or "")


class ReturnForm(forms.Form):
    comment = forms.CharField(label=_("Nội dung cần bổ sung, chỉnh sửa"), widget=forms.Textarea(attrs=TEXTAREA))


class ReopenForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Đơn vị"), queryset=None, widget=LongSelect)
    until = forms.DateField(label=_("Cho phép gửi đến hết ngày"), widget=DateInput())
    reason = forms.CharField(label=_("Lý do"), max_length=255)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class DecisionForm(forms.Form):
    awarded = forms.MultipleChoiceField(
        label=_("Khen thưởng các đối tượng"), required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_("Xếp theo số phiếu đồng ý. Khi số đối tượng đạt vượt chỉ tiêu khen thưởng, bỏ chọn những người "
                    "xếp sau; bằng phiếu ở vị trí cuối do Chủ tịch Hội đồng quyết định."))
    decided_on = forms.DateField(label=_("Ngày quyết định"), widget=DateInput())
    signer_name = forms.CharField(label=_("Người ký"), max_length=120)
    signer_title = forms.CharField(label=_("Chức vụ người ký"), max_length=160, initial="CỤC TRƯỞNG")

    def __init__(self, *args, passed, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["awarded"].choices = [
            (str(item.nomination_id), f"{item.nomination.subject} – {item.nomination.campaign_award.award_form.name} "
                                      f"({item.yes_count} phiếu đồng ý)") for item in passed]
        self.initial.setdefault("awarded", [str(item.nomination_id) for item in passed])

    def approval(self) -> dict:
        data = dict(self.cleaned_data)
        data["awarded"] = {int(pk) for pk in data["awarded"]}
        return data
