"""The form that records a reorganisation. It validates itself; ``reorganisation_services`` saves."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .forms import DateInput
from .models import Reorganisation, Unit, UnitKind
from .reorganisation import DEFAULT_POSITION_MAPPING, format_position_mapping, parse_position_mapping


class ReorganisationForm(forms.ModelForm):
    predecessors = forms.ModelMultipleChoiceField(label=_("Đơn vị cũ"), queryset=Unit.objects.none())
    successor = forms.ModelChoiceField(label=_("Đơn vị kế thừa (đã có)"), queryset=Unit.objects.none(),
                                       required=False)
    other_successors = forms.ModelMultipleChoiceField(
        label=_("Các đơn vị kế thừa khác (chia tách)"), queryset=Unit.objects.none(), required=False,
        help_text=_("Chỉ ghi nhận kế thừa; cán bộ, phân quyền và công việc chuyển về đơn vị kế thừa chính."))
    new_name = forms.CharField(label=_("Hoặc tạo đơn vị kế thừa mới: tên"), max_length=255, required=False)
    new_code = forms.CharField(label=_("Mã đơn vị mới"), max_length=40, required=False)
    new_short_name = forms.CharField(label=_("Tên viết tắt"), max_length=60, required=False)
    new_kind = forms.ChoiceField(label=_("Loại đơn vị mới"), choices=[("", "—"), *UnitKind.choices], required=False)
    new_parent = forms.ModelChoiceField(label=_("Đơn vị cấp trên của đơn vị mới / nơi chuyển đến"),
                                        queryset=Unit.objects.none(), required=False)
    mapping = forms.CharField(label=_("Chuyển đổi chức vụ"), widget=forms.Textarea(attrs={"rows": 6}), required=False,
                              help_text=_("Mỗi dòng: chức vụ cũ → chức vụ mới (mặc định theo Thông tư số "
                                          "24/2025/TT-BTP)."))

    class Meta:
        model = Reorganisation
        fields = ["kind", "decision_number", "decision_date", "issuer", "effective_on", "note"]
        widgets = {"decision_date": DateInput(), "effective_on": DateInput(), "note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, predecessor_choices, unit_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["predecessors"].queryset = predecessor_choices
        for name in ("successor", "other_successors", "new_parent"):
            self.fields[name].queryset = unit_choices
        self.fields["mapping"].initial = format_position_mapping(DEFAULT_POSITION_MAPPING)

    def clean_mapping(self):
        try:
            return parse_position_mapping(self.cleaned_data["mapping"])
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from exc

    def clean(self):
        data = super().clean()
        creating = bool(data.get("new_name") or data.get("new_code"))
        if creating and not (data.get("new_name") and data.get("new_code") and data.get("new_kind")):
            self.add_error("new_name", _("Đơn vị mới cần tên, mã và loại đơn vị."))
        if creating and data.get("successor"):
            self.add_error("successor", _("Chọn đơn vị kế thừa đã có hoặc tạo đơn vị mới, không chọn cả hai."))
        if data.get("kind") == "transfer" and not data.get("new_parent"):
            self.add_error("new_parent", _("Chuyển đơn vị cần đơn vị cấp trên mới."))
        return data

    def new_unit(self) -> Unit | None:
        data = self.cleaned_data
        if not data.get("new_name"):
            return None
        return Unit(name=data["new_name"], code=data["new_code"], short_name=data["new_short_name"],
                    kind=data["new_kind"], parent=data.get("new_parent"))
