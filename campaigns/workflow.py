"""The lifecycles of the campaigns app as tables (``emulation.lifecycle``): results, pledges and the
sub-plans a plan requires. Services move an object only through these tables; views and templates
get the allowed actions from them (``RESULT.actions(user, result)``) instead of comparing statuses.

Roles are predicates over the object, built from ``access``:
- ``unit``: reports for the object's unit (its head, or staff on its behalf);
- ``staff``: emulation staff of the campaign's (or plan's) issuer, who confirm, approve and return.

Editing follows the same tables (``RESULT_EDITING``, ``PLEDGE_EDITING``): who may change the
figures or the text in each state, and whether a reason is needed.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from emulation.lifecycle import Lifecycle, Refused, Transition

from . import access
from .enums import PledgeStatus, ResultStatus, SubPlanStatus


def _reports_for_unit(user, obj) -> bool:
    return access.can_enter_results(user, obj.campaign, obj.unit)


def _confirms_for_issuer(user, obj) -> bool:
    return access.can_confirm_results(user, obj.campaign)


R = ResultStatus
RESULT = Lifecycle(
    name="result", states=ResultStatus,
    roles={"unit": _reports_for_unit, "staff": _confirms_for_issuer},
    transitions=(
        Transition((R.DRAFT, R.RETURNED), "submit", R.SUBMITTED, ("unit",), gettext_lazy("Gửi")),
        Transition(R.SUBMITTED, "recall", R.DRAFT, ("unit",), gettext_lazy("Rút lại"), style="outline-secondary"),
        Transition(R.SUBMITTED, "confirm", R.CONFIRMED, ("staff",), gettext_lazy("Xác nhận"), style="success"),
        Transition(R.SUBMITTED, "return", R.RETURNED, ("staff",), gettext_lazy("Trả lại"), needs_reason=True,
                   style="outline-danger"),
    ),
)


def _edits_pledge(user, obj) -> bool:
    return access.can_edit_pledge(user, obj)


P = PledgeStatus
PLEDGE = Lifecycle(
    name="pledge", states=PledgeStatus,
    roles={"unit": _edits_pledge, "staff": _confirms_for_issuer},
    transitions=(
        Transition((P.DRAFT, P.RETURNED), "submit", P.SUBMITTED, ("unit",), gettext_lazy("Gửi")),
        Transition(P.SUBMITTED, "recall", P.DRAFT, ("unit",), gettext_lazy("Rút lại"), style="outline-secondary"),
        Transition(P.SUBMITTED, "approve", P.APPROVED, ("staff",), gettext_lazy("Duyệt"), style="success"),
        Transition(P.SUBMITTED, "return", P.RETURNED, ("staff",), gettext_lazy("Trả lại"), needs_reason=True,
                   style="outline-danger"),
    ),
)


def _files_subplan(user, obj) -> bool:
    return access.can_create_plan(user, obj.unit)


def _reviews_subplan(user, obj) -> bool:
    return access.can_set_subplan_requirements(user, obj.plan)


def _subplan_exists(obj, *, has_subplan: bool = False, **context) -> str | None:
    if has_subplan:
        return None
    return _("Đơn vị chưa có kế hoạch thực hiện kế hoạch số %(plan)s.") % {"plan": obj.plan.reference}


S = SubPlanStatus
SUBPLAN = Lifecycle(
    name="subplan", states=SubPlanStatus,
    roles={"unit": _files_subplan, "staff": _reviews_subplan},
    transitions=(
        Transition((S.REQUIRED, S.RETURNED), "file", S.FILED, ("unit",), gettext_lazy("Gửi"),
                   guard=_subplan_exists),
        Transition(S.FILED, "accept", S.ACCEPTED, ("staff",), gettext_lazy("Chấp nhận"), style="success"),
        Transition(S.FILED, "return", S.RETURNED, ("staff",), gettext_lazy("Trả lại"), needs_reason=True,
                   style="outline-danger"),
    ),
)

LIFECYCLES = (RESULT, PLEDGE, SUBPLAN)

# The badge colour of each state, for the pages (templates never compare statuses).
BADGES = {"draft": "secondary", "required": "secondary", "submitted": "warning", "filed": "info",
          "returned": "danger", "confirmed": "success", "approved": "success", "accepted": "success"}


@dataclass(frozen=True)
class Editing:
    """Who may change an object's content in each state (state → roles of its lifecycle), and the
    states where a change needs a reason."""

    lifecycle: Lifecycle
    roles: dict
    reason_states: frozenset = frozenset()

    def refusal(self, user, obj) -> str | None:
        state = self.lifecycle.state_of(obj)
        label = self.lifecycle._state_label(state)
        roles = self.roles.get(state)
        if not roles:
            return _("Không thể sửa khi đang ở trạng thái “%(state)s”.") % {"state": label}
        if not any(self.lifecycle.roles[role](user, obj) for role in roles):
            return _("Bạn không có quyền sửa ở trạng thái “%(state)s”.") % {"state": label}
        return None

    def needs_reason(self, obj) -> bool:
        return self.lifecycle.state_of(obj) in self.reason_states

    def check(self, user, obj, *, reason: str = "") -> None:
        """Raise ``Refused`` (403) or ``ValidationError`` (the reason is missing)."""
        if (why := self.refusal(user, obj)) is not None:
            raise Refused(why)
        if self.needs_reason(obj) and not reason.strip():
            raise ValidationError({"reason": _("Số liệu đã xác nhận: phải ghi lý do khi sửa.")})


RESULT_EDITING = Editing(RESULT, {R.DRAFT: ("unit",), R.RETURNED: ("unit",), R.CONFIRMED: ("staff",)},
                         frozenset({R.CONFIRMED}))
PLEDGE_EDITING = Editing(PLEDGE, {P.DRAFT: ("unit",), P.RETURNED: ("unit",)})
