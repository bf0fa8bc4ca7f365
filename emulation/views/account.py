"""Tài khoản của tôi: the signed-in user's own address and notification channels (no other user's)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .. import preferences
from ..forms_account import AccountForm
from ..viewhelpers import save_with


@login_required
def account_edit(request):
    user = request.user
    form = AccountForm(request.POST or None, kinds=preferences.kinds(), channels=preferences.channels_of(user),
                       initial={"email": user.email})
    if request.method == "POST" and form.is_valid():
        email, channels = form.cleaned_data["email"], form.channels()
        if save_with(form, lambda: preferences.update_account(actor=user, email=email, channels=channels)):
            messages.success(request, _("Đã lưu thông tin tài khoản và cách nhận thông báo."))
            return redirect("emulation:account_edit")
        user.refresh_from_db(fields=["email"])
    return render(request, "emulation/account_edit.html", {"form": form})
