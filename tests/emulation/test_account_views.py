"""Tài khoản của tôi: the user's own address and channels, saved all or nothing and audited; bad input
refused with a message and nothing saved; nobody reaches another user's; the email's open link."""

import pytest
from django.urls import reverse

from emulation import notifications
from emulation.forms_account import field_name
from emulation.models import AuditEntry, Channel, Notification, NotificationPreference
from tests.factories import NotificationFactory, NotificationPreferenceFactory

pytestmark = [pytest.mark.django_db, pytest.mark.integration]

URL = reverse("emulation:account_edit")


def _form(email="truong.a@thads.gov.vn", **channels) -> dict:
    data = {"email": email}
    data |= {field_name(kind): notifications.default_channel(kind) for kind in notifications.KINDS}
    data |= {field_name(kind.replace("__", ".")): channel for kind, channel in channels.items()}
    return data


def _channels(user) -> dict:
    return dict(NotificationPreference.objects.filter(user=user).values_list("kind", "channel"))


def test_anonymous_visitor_is_sent_to_the_login_page(client):
    response = client.get(URL)
    assert (response.status_code, response["Location"]) == (302, f"{reverse('emulation:login')}?next={URL}")


def test_the_page_shows_the_address_and_each_kind_with_its_channel(login, head_a):
    head_a.email = "truong.a@thidua.example"
    head_a.save()
    NotificationPreferenceFactory(user=head_a, kind="result.return", channel=Channel.DIGEST)
    html = login(head_a).get(URL).content.decode()
    assert ('value="truong.a@thidua.example"' in html, "Tài khoản của tôi" in html,
            html.count('data-testid="kind-row"')) == (True, True, len(notifications.KINDS))
    chosen = html[html.index(f'name="{field_name("result.return")}"'):]
    chosen = chosen[:chosen.index("</select>")]
    assert '<option value="digest" selected>' in chosen
    confirmed = html[html.index(f'name="{field_name("result.confirm")}"'):]
    assert '<option value="digest" selected>' in confirmed[:confirmed.index("</select>")]  # the kind's default
    assert 'data-testid="nav-account"' in html


def test_saving_changes_the_address_and_the_channels_in_one_audited_entry(login, head_a):
    response = login(head_a).post(URL, _form(email=" Truong.A@THADS.GOV.VN ", result__return=Channel.IN_APP),
                                  follow=True)
    head_a.refresh_from_db()
    assert (response.redirect_chain, head_a.email) == ([(URL, 302)], "Truong.A@thads.gov.vn")
    assert "Đã lưu thông tin tài khoản và cách nhận thông báo." in response.content.decode()
    assert _channels(head_a)["result.return"] == Channel.IN_APP
    assert len(_channels(head_a)) == len(notifications.KINDS)
    entry = AuditEntry.objects.get()
    assert (entry.actor_id, entry.model_label, entry.object_id) == (head_a.pk, "auth.User", str(head_a.pk))
    assert (entry.changes["email"], entry.changes["channel:result.return"]) == (
        ["", "Truong.A@thads.gov.vn"], [Channel.EMAIL, Channel.IN_APP])


def test_saving_again_unchanged_writes_no_second_audit_entry(login, head_a):
    client = login(head_a)
    client.post(URL, _form())
    client.post(URL, _form())
    assert AuditEntry.objects.count() == 1


@pytest.mark.parametrize(("email", "message"), [
    ("truong.a@", "Địa chỉ thư điện tử không hợp lệ (ví dụ đúng: ten.nguoi@thads.gov.vn)."),
    ("khong co a còng", "Địa chỉ thư điện tử không hợp lệ (ví dụ đúng: ten.nguoi@thads.gov.vn)."),
    ("a" * 250 + "@thidua.example", "Địa chỉ thư điện tử dài quá 254 ký tự."),
])
def test_an_invalid_address_is_refused_with_a_clear_message_and_nothing_saved(login, head_a, email, message):
    head_a.email = "cu@thidua.example"
    head_a.save()
    response = login(head_a).post(URL, _form(email=email, result__return=Channel.DIGEST))
    head_a.refresh_from_db()
    assert (response.status_code, message in response.content.decode()) == (200, True)
    assert (head_a.email, _channels(head_a), AuditEntry.objects.count()) == ("cu@thidua.example", {}, 0)


def test_an_unknown_channel_is_refused_and_nothing_saved(login, head_a):
    response = login(head_a).post(URL, _form(result__return="fax"))
    assert (response.status_code, "Cách nhận không hợp lệ" in response.content.decode()) == (200, True)
    head_a.refresh_from_db()
    assert (head_a.email, _channels(head_a), AuditEntry.objects.count()) == ("", {}, 0)


def test_a_missing_channel_field_is_an_error_not_a_500(login, head_a):
    data = _form()
    del data[field_name("result.return")]
    response = login(head_a).post(URL, data)
    assert (response.status_code, "Trường này là bắt buộc" in response.content.decode(), _channels(head_a)) == (
        200, True, {})


def test_another_users_preferences_cannot_be_reached(login, head_a, head_b):
    head_b.email = "truong.b@thidua.example"
    head_b.save()
    NotificationPreferenceFactory(user=head_b, kind="result.return", channel=Channel.DIGEST)
    response = login(head_a).post(URL, _form(email="a@thidua.example", result__return=Channel.IN_APP)
                                  | {"user": head_b.pk, "pk": head_b.pk, "username": "truong_b"})
    head_a.refresh_from_db()
    head_b.refresh_from_db()
    assert (response.status_code, head_a.email, head_b.email) == (302, "a@thidua.example", "truong.b@thidua.example")
    assert (_channels(head_b), _channels(head_a)["result.return"]) == ({"result.return": Channel.DIGEST},
                                                                         Channel.IN_APP)
    page = login(head_a).get(URL).content.decode()
    assert ("truong.b@thidua.example" in page, "truong_b" in page) == (False, False)


def test_the_emails_open_link_marks_read_and_goes_to_the_object(login, head_a):
    notification = NotificationFactory(recipient=head_a, url="/ke-hoach/ket-qua/7/")
    response = login(head_a).get(reverse("emulation:notification_open", args=[notification.pk]))
    notification.refresh_from_db()
    assert (response.status_code, response["Location"], notification.is_read) == (302, "/ke-hoach/ket-qua/7/", True)


def test_the_open_link_signs_in_first_and_never_opens_another_users_notification(client, login, head_a, head_b):
    notification = NotificationFactory(recipient=head_b, url="/x/")
    url = reverse("emulation:notification_open", args=[notification.pk])
    response = client.get(url)
    assert (response.status_code, response["Location"]) == (302, f"{reverse('emulation:login')}?next={url}")
    assert login(head_a).get(url).status_code == 404
    assert Notification.objects.get(pk=notification.pk).read_at is None


def test_an_outside_url_on_a_notification_leads_to_the_inbox(login, head_a):
    notification = NotificationFactory(recipient=head_a, url="//thidua.example.com/")
    response = login(head_a).get(reverse("emulation:notification_open", args=[notification.pk]))
    assert response["Location"] == reverse("emulation:notification_list")


def test_the_kinds_are_listed_in_vietnamese_alphabetical_order():
    from emulation import preferences

    labels = [label for _kind, label in preferences.kinds()]
    assert labels.index("Đề nghị bị trả lại") < labels.index("Giao ước bị trả lại")  # d, đ, then g
    assert labels.index("Kết quả bị trả lại") < labels.index("Kết thúc bỏ phiếu")


def test_the_page_renders_in_english_and_in_a_constant_number_of_queries(login, head_a,
                                                                           django_assert_max_num_queries):
    client = login(head_a)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    with django_assert_max_num_queries(12):
        response = client.get(URL)
    html = response.content.decode()
    assert (response.status_code, '<html lang="en">' in html, html.count('data-testid="kind-row"')) == (
        200, True, len(notifications.KINDS))
