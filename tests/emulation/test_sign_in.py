"""Signing in: lockout after AXES_FAILURE_LIMIT wrong passwords (per username and address) with a
Vietnamese page, failures and lockouts in the audit trail, unlocking; password rules for every account;
sessions that end after 8 idle hours."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from emulation.demo import DEMO_PASSWORD
from emulation.models import AuditAction, AuditEntry

pytestmark = pytest.mark.integration
PASSWORD = "Mật-khẩu-đủ-mạnh-2026"


@pytest.fixture
def account(head_a):
    head_a.set_password(PASSWORD)
    head_a.save()
    return head_a


def sign_in(client, username, password, address="10.0.0.1"):
    return client.post(reverse("emulation:login"), {"username": username, "password": password},
                       REMOTE_ADDR=address)


def test_five_wrong_passwords_then_the_right_one_is_refused_with_a_message(account, settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    client = Client()
    answers = [sign_in(client, account.username, "sai-mat-khau").status_code for _ in range(5)]
    response = sign_in(client, account.username, PASSWORD)
    assert (answers, response.status_code) == ([200, 200, 200, 200, 429], 429)
    assert "_auth_user_id" not in client.session
    text = response.content.decode()
    assert "Đã nhập sai mật khẩu 5 lần nên tài khoản này tạm bị khóa đăng nhập" in text
    assert "thử lại sau 30 phút" in text and 'data-testid="lockout-message"' in text


def test_failures_and_the_lockout_are_in_the_audit_trail_of_the_accounts_unit(account, unit_a):
    client = Client()
    for _ in range(5):
        sign_in(client, account.username, "sai-mat-khau", address="10.0.0.7")
    # Axes decides the lockout while it counts the fifth failure, so its entry comes just before that one.
    fail, lock = AuditAction.SIGN_IN_FAILED, AuditAction.LOCKED_OUT
    entries = list(AuditEntry.objects.filter(model_label="auth.User", action__in=[fail, lock]).order_by("id"))
    assert [e.action for e in entries] == [fail, fail, fail, fail, lock, fail]
    assert {(e.object_id, e.object_repr, e.unit_id, e.actor_id) for e in entries} == {
        (str(account.pk), account.username, unit_a.pk, account.pk)}
    assert entries[4].changes == {"ip_address": [None, "10.0.0.7"], "failures": [None, 5]}
    assert entries[5].changes == {"ip_address": [None, "10.0.0.7"]}
    sign_in(client, "khong-co-ai", "x", address="10.0.0.8")
    unknown = AuditEntry.objects.filter(model_label="auth.User").order_by("-id").first()
    assert (unknown.object_repr, unknown.object_id, unknown.unit_id, unknown.actor_id) == (
        "khong-co-ai", "", None, None)


def test_the_lockout_holds_one_username_at_one_address(account):
    for _ in range(5):
        sign_in(Client(), account.username, "sai-mat-khau", address="10.0.0.1")
    assert sign_in(Client(), account.username, PASSWORD, address="10.0.0.2").status_code == 302


def test_staff_unlock_with_the_command(account):
    for _ in range(5):
        sign_in(Client(), account.username, "sai-mat-khau")
    call_command("axes_reset_username", account.username, stdout=io.StringIO())
    client = Client()
    assert sign_in(client, account.username, PASSWORD).status_code == 302
    assert client.session["_auth_user_id"] == str(account.pk)


def _unlocks():
    return list(AuditEntry.objects.filter(action=AuditAction.UNLOCKED).order_by("id"))


def test_an_unlock_in_the_admin_is_audited_with_who_lifted_it(account, unit_a, admin_client_signed_in):
    from axes.models import AccessAttempt

    for _ in range(5):
        sign_in(Client(), account.username, "sai-mat-khau", address="10.0.0.9")
    attempt = AccessAttempt.objects.get(username=account.username)
    url = reverse("admin:axes_accessattempt_delete", args=[attempt.pk])
    assert admin_client_signed_in.post(url, {"post": "yes"}).status_code == 302
    assert not AccessAttempt.objects.exists()
    [entry] = _unlocks()
    assert (entry.object_id, entry.object_repr, entry.unit_id, entry.actor.username, entry.actor_name) == (
        str(account.pk), account.username, unit_a.pk, "quantri", "quantri")
    assert entry.changes == {"ip_address": [None, "10.0.0.9"], "failures": [None, 5]}
    assert entry.get_action_display() == "Mở khóa đăng nhập"
    assert sign_in(Client(), account.username, PASSWORD, address="10.0.0.9").status_code == 302


def test_an_unlock_by_command_is_audited_as_the_system(account):
    for _ in range(5):
        sign_in(Client(), account.username, "sai-mat-khau")
    call_command("axes_reset_username", account.username, stdout=io.StringIO())
    [entry] = _unlocks()
    assert (entry.actor_id, entry.actor_name, entry.object_repr) == (None, "hệ thống", account.username)


def test_neither_a_success_nor_an_expired_lockout_counts_as_an_unlock(account, settings):
    from axes.models import AccessAttempt

    for _ in range(4):
        sign_in(Client(), account.username, "sai-mat-khau")
    assert sign_in(Client(), account.username, PASSWORD).status_code == 302  # clears 4 failures: no lock lifted
    for _ in range(5):
        sign_in(Client(), account.username, "sai-mat-khau")
    AccessAttempt.objects.update(attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME)
    AccessAttempt.objects.all().delete()  # what axes does with an expired lockout
    assert _unlocks() == []


def test_a_success_clears_the_failures(account):
    client = Client()
    for _ in range(4):
        sign_in(client, account.username, "sai-mat-khau")
    assert sign_in(client, account.username, PASSWORD).status_code == 302
    for _ in range(4):
        assert sign_in(Client(), account.username, "sai-mat-khau").status_code == 200


# Password rules


def test_the_demo_password_passes_and_weak_ones_do_not(account):
    password_validation.validate_password(DEMO_PASSWORD, account)
    for weak in ("12345678", "password", "truong_a1", "abc"):
        with pytest.raises(ValidationError):
            password_validation.validate_password(weak, account)


@pytest.fixture
def admin_client_signed_in(db):
    admin = get_user_model().objects.create_superuser("quantri", password=PASSWORD)
    client = Client()
    client.force_login(admin)
    return client


def test_admin_refuses_a_weak_password_when_setting_one(admin_client_signed_in, account):
    url = reverse("admin:auth_user_password_change", args=[account.pk])
    response = admin_client_signed_in.post(url, {"password1": "12345678", "password2": "12345678"})
    account.refresh_from_db()
    assert response.status_code == 200 and account.check_password(PASSWORD)
    assert "Mật khẩu này quá phổ biến" in response.content.decode()


def test_admin_refuses_a_weak_password_for_a_new_account(admin_client_signed_in):
    response = admin_client_signed_in.post(reverse("admin:auth_user_add"), {
        "username": "moi", "usable_password": "true", "password1": "12345678", "password2": "12345678"})
    assert response.status_code == 200 and not get_user_model().objects.filter(username="moi").exists()


def test_createsuperuser_refuses_a_weak_password(db, monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "12345678")
    with pytest.raises(CommandError, match="quá phổ biến"):
        call_command("createsuperuser", interactive=False, username="yeu", email="yeu@example.org")
    assert not get_user_model().objects.filter(username="yeu").exists()


# Idle sessions


def test_a_session_ends_after_eight_idle_hours_and_each_request_moves_the_end_on(account, monkeypatch, settings):
    assert (settings.SESSION_COOKIE_AGE, settings.SESSION_REFRESH_SECONDS) == (8 * 3600, 60)
    client, start = Client(), timezone.now()
    assert sign_in(client, account.username, PASSWORD).status_code == 302
    dashboard = reverse("reports:dashboard")

    def at(hours: float):
        moment = start + datetime.timedelta(hours=hours)
        monkeypatch.setattr(timezone, "now", lambda: moment)
        return client.get(dashboard)

    assert at(7.9).status_code == 200  # active again: the end moves to 15.9 h
    assert at(15.8).status_code == 200
    response = at(23.9)  # 8.1 h after the last request
    assert response.status_code == 302 and response["Location"].startswith(reverse("emulation:login"))
