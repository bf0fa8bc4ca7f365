"""The director's decision on a closed council session, the decision page, and award history."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from emulation import organisation, panels, registers
from emulation.lifecycle import Refused
from emulation.text import person_name
from emulation.viewhelpers import save_with, scoped_or_404

from .. import workflow
from ..forms import DecisionForm
from ..selectors import decisions as selectors
from ..services import decisions as services


@login_required
def decision_create(request, pk):
    session = scoped_or_404(selectors.session_for_decision, request.user, pk)
    if hasattr(session, "decision"):
        return redirect(session.decision)
    if why := workflow.SESSION.refusal(request.user, session, "decide"):
        raise Refused(why)
    today = timezone.localdate()
    named = request.user.first_name or request.user.last_name  # the director approving signs
    signer = person_name(request.user) if named else session.campaign.plan.signer_name
    title = organisation.signer_title(session.campaign.plan.issuer, today).upper()
    initial = {"decided_on": today, "signer_name": signer, "signer_title": title}
    rows = selectors.outcome_on(session, today)  # a nominee stopped today cannot be ticked
    form = DecisionForm(request.POST or None, initial=initial, passed=selectors.awardable(rows))
    if request.method == "POST" and form.is_valid():
        holder = {}

        def approve():
            holder["decision"] = services.approve(actor=request.user, session=session, **form.approval())

        if save_with(form, approve):
            messages.success(request, _("Đã phê duyệt kết quả và ban hành quyết định."))
            return redirect(holder["decision"])
    return render(request, "awards/decision_form.html", {
        "form": form, "session": session, "rows": rows, "today": today, "stopped": [r for r in rows if r.stopped],
        "decision_symbol": registers.symbol_for(session.campaign.plan.issuer, "QĐ")})


@login_required
def decision_detail(request, pk):
    decision = scoped_or_404(selectors.decision_detail, request.user, pk)
    return render(request, "awards/decision_detail.html", {
        "panels": panels.panels("decision", request.user, decision), "decision": decision,
        "awarded": selectors.decision_nominations(decision)})
