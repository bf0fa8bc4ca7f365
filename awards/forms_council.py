"""Forms of the council (session, members, ballot paper, comments) and of the publication for feedback."""

from django import forms
from django.utils.translation import gettext_lazy as _

from emulation.forms import DateInput
from emulation.text import person_name

from .models import Choice, CouncilSession, FeedbackWindow, MemberRole
from .public_feedback import contact_problem
from .services.council import Seat

MEMBER_ROWS = 9


class SessionForm(forms.ModelForm):
    class Meta:
        model = CouncilSession
        fields = ["title", "held_on", "location", "quorum_percent"]
        widgets = {"held_on": DateInput()}

    def clean_quorum_percent(self):
        quorum = self.cleaned_data["quorum_percent"]
        if quorum is not None and not 0 < quorum <= 100:
            raise forms.ValidationError(_("Tỷ lệ phải lớn hơn 0 và không quá 100%."))
        return quorum


class MemberForm(forms.Form):
    user = forms.ModelChoiceField(label=_("Thành viên"), queryset=None, required=False)
    full_name = forms.CharField(label=_("Họ và tên"), max_length=120, required=False)
    role = forms.ChoiceField(label=_("Chức danh"), choices=MemberRole.choices, initial=MemberRole.MEMBER)

    def __init__(self, *args, users, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = users
        self.fields["user"].label_from_instance = lambda u: (
            f"{person_name(u)} ({u.username})" if u.first_name or u.last_name else u.username)


class BaseMemberFormSet(forms.BaseFormSet):
    def __init__(self, *args, users, **kwargs):
        self.users = users
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "users": self.users}

    def seats(self) -> list[Seat]:
        return [Seat(user=f.cleaned_data["user"], full_name=f.cleaned_data.get("full_name", ""),
                     role=f.cleaned_data["role"])
                for f in self.forms if f.cleaned_data.get("user")]


def member_formset(data=None, *, users, members=()):
    """Rows for the current members, plus empty rows to add more."""
    initial = [{"user": m.user_id, "full_name": m.full_name, "role": m.role} for m in members]
    formset_class = forms.formset_factory(MemberForm, formset=BaseMemberFormSet, extra=MEMBER_ROWS, max_num=40)
    return formset_class(data, users=users, initial=initial or None, prefix="members")


class BallotForm(forms.Form):
    """Phiếu bầu: Đồng ý / Không đồng ý / Không biểu quyết on each agenda item the member votes on
    (an item they are recused from is not on their paper)."""

    def __init__(self, *args, items, recused=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.items = [item for item in items if item.pk not in set(recused)]
        self.recused = list(recused)
        for item in self.items:
            self.fields[f"item_{item.pk}"] = forms.ChoiceField(
                label=str(item.nomination), choices=Choice.choices, widget=forms.RadioSelect,
                error_messages={"required": _("Chọn Đồng ý, Không đồng ý hoặc Không biểu quyết.")})

    def rows(self):
        return [(item, self[f"item_{item.pk}"]) for item in self.items]

    def choices(self) -> dict[int, str]:
        """The choices on the paper, and whatever was posted for an item left off it (a recused
        item), so that the service refuses the paper rather than silently dropping that part."""
        posted = {pk: self.data.get(f"item_{pk}") for pk in self.recused if self.data.get(f"item_{pk}")}
        return {**posted, **{item.pk: self.cleaned_data[f"item_{item.pk}"] for item in self.items}}


class ConflictForm(forms.Form):
    """Khai báo xung đột lợi ích: the member will not vote on this item. ``items``: the agenda items
    they may still declare on (already loaded: the choices cost no query)."""

    item = forms.TypedChoiceField(label=_("Nội dung bình xét"), coerce=int)
    reason = forms.CharField(label=_("Lý do không tham gia biểu quyết"), max_length=1000,
                             widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = {item.pk: item for item in items}
        self.fields["item"].choices = [(pk, str(item.nomination)) for pk, item in self.items.items()]

    def clean_item(self):
        return self.items[self.cleaned_data["item"]]


class WrittenOpinionForm(forms.Form):
    member = forms.ModelChoiceField(label=_("Thành viên vắng mặt"), queryset=None)
    received_on = forms.DateField(label=_("Ngày nhận"), widget=DateInput())
    text = forms.CharField(label=_("Nội dung ý kiến bằng văn bản"), widget=forms.Textarea(attrs={"rows": 3}),
                           max_length=4000)

    def __init__(self, *args, members, items=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = members
        self.items = list(items)
        for item in self.items:
            self.fields[f"item_{item.pk}"] = forms.ChoiceField(
                label=_("Ý kiến về: %(nominee)s") % {"nominee": item.nomination.subject}, required=False,
                choices=[("", _("Văn bản không nêu"))] + list(Choice.choices))

    def opinion(self) -> dict:
        """The service's arguments: member, date, text and the stance stated on each nominee."""
        data = self.cleaned_data
        stances = {item.pk: data[f"item_{item.pk}"] for item in self.items if data.get(f"item_{item.pk}")}
        return {"member": data["member"], "received_on": data["received_on"], "text": data["text"],
                "stances": stances}


class CommentForm(forms.Form):
    text = forms.CharField(label=_("Ý kiến của thành viên Hội đồng"), widget=forms.Textarea(attrs={"rows": 2}),
                           max_length=4000)


class FeedbackWindowForm(forms.ModelForm):
    class Meta:
        model = FeedbackWindow
        fields = ["opens_on", "closes_on", "note"]
        widgets = {"opens_on": DateInput(), "closes_on": DateInput(), "note": forms.Textarea(attrs={"rows": 3})}

    def clean(self):
        data = super().clean()
        opens_on, closes_on = data.get("opens_on"), data.get("closes_on")
        if opens_on and closes_on and closes_on < opens_on:
            self.add_error("closes_on", _("Ngày kết thúc không được trước ngày bắt đầu công khai."))
        return data


class FeedbackForm(forms.Form):
    text = forms.CharField(label=_("Ý kiến góp ý"), widget=forms.Textarea(attrs={"rows": 2}), max_length=4000)


class PublicFeedbackForm(forms.Form):
    """Góp ý công khai: who writes (the list is public; staff may need to verify what is said) and what."""

    name = forms.CharField(label=_("Họ và tên"), max_length=150)
    contact = forms.CharField(label=_("Thư điện tử hoặc số điện thoại"), max_length=150,
                              help_text=_("Chỉ Thường trực thấy, để liên hệ khi cần xác minh."))
    text = forms.CharField(label=_("Ý kiến góp ý"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)

    def clean_contact(self):
        contact = self.cleaned_data["contact"]
        if problem := contact_problem(contact):
            raise forms.ValidationError(problem)
        return contact


class ModerationForm(forms.Form):
    note = forms.CharField(label=_("Lý do không đăng"), required=False, max_length=1000,
                           widget=forms.Textarea(attrs={"rows": 1}))


class ReplyForm(forms.Form):
    reply = forms.CharField(label=_("Trả lời"), max_length=4000, widget=forms.Textarea(attrs={"rows": 2}))
