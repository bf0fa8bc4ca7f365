"""Idempotent form submission: the same rendered form posted twice (or ten times at once) writes once."""

import datetime
import re

import pytest
from django.conf import settings
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from awards.models import Feedback, FeedbackWindow, Nomination, Proposal, ProposalAttachment, TypicalExample
from awards.services import proposals as proposal_services
from campaigns.models import Campaign, Milestone, Plan
from emulation.models import FormSubmission, RegisteredDocument, Role
from tests.awards.conftest import campaign_award, certificate, province_campaign, submitted_proposal  # noqa: F401
from tests.awards.typical_fixtures import example_a, typical_campaign  # noqa: F401
from tests.factories import FormSubmissionFactory, RoleGrantFactory
from tests.samples import PDF
from tests.services import run_together, service_missing

pytestmark = pytest.mark.integration

TOKEN = re.compile(r'name="submission" value="([0-9a-f]{32})"')
DAY = datetime.timedelta(days=1)


def _token(client, url) -> str:
    return TOKEN.search(client.get(url).content.decode()).group(1)


def _draft(campaign, unit, head):
    campaign.dossier_due_on = datetime.date(2099, 1, 1)
    campaign.save()
    return proposal_services.open_proposal(actor=head, campaign=campaign, unit=unit, title="Đề nghị tặng Giấy khen")


# Each creating form: (who, page showing the form, where it posts, what it posts, the rows it writes).
def _milestone(f):
    campaign = f("province_plan").campaigns.get()
    url = reverse("campaigns:milestone_create", args=[campaign.pk])
    return f("staff"), url, url, {"kind": "final_review", "title": "Tổng kết", "starts_on": "10/07/2024"}, \
        Milestone.objects


def _register(f):
    url = reverse("emulation:register_list")
    return f("staff"), url, url, {"issuer": f("province").pk, "series": "QĐ", "issued_on": "15/07/2024",
                                  "subject": "Quyết định làm ngoài hệ thống"}, RegisteredDocument.objects


def _plan(f):
    data = {"issuer": f("province").pk, "number": "12", "symbol": "KH-CTHADS", "year": "2024",
            "issued_on": "20/03/2024", "place": "Hậu Giang", "title": "Phát động thi đua", "signer_name": "Lê Toàn",
            "signer_title": "CỤC TRƯỞNG"}
    url = reverse("campaigns:plan_create")
    return f("staff"), url, url, data, Plan.objects.filter(title="Phát động thi đua")


def _campaign(f):
    plan = f("province_plan")
    url = reverse("campaigns:campaign_create", args=[plan.pk])
    data = {"kind": "peak", "name": "Đợt thi đua mới", "starts_on": "01/04/2024", "ends_on": "30/06/2024"}
    return f("staff"), url, url, data, Campaign.objects.filter(name="Đợt thi đua mới")


def _feedback(f):
    proposal = f("submitted_proposal")
    today = timezone.localdate()
    FeedbackWindow.objects.create(campaign=proposal.campaign, opens_on=today - DAY, closes_on=today + DAY)
    nomination = proposal.nominations.first()
    return f("head_b"), reverse("awards:published_list", args=[proposal.campaign_id]), \
        reverse("awards:feedback_create", args=[nomination.pk]), {"text": "Tận tụy với công việc."}, Feedback.objects


def _proposal_open(f):
    campaign = f("campaign_award").campaign
    campaign.dossier_due_on = datetime.date(2099, 1, 1)
    campaign.save()
    return f("head_a"), reverse("awards:campaign_awards", args=[campaign.pk]), \
        reverse("awards:proposal_open", args=[campaign.pk]), {"unit": f("unit_a").pk, "title": "Tờ trình"}, \
        Proposal.objects


def _nominate(f):
    draft = _draft(f("campaign_award").campaign, f("unit_a"), f("head_a"))
    return f("head_a"), draft.get_absolute_url(), reverse("awards:nominate", args=[draft.pk]), \
        {"campaign_award": str(f("campaign_award").pk), "subject": f"o{f('officer_a').pk}"}, Nomination.objects


def _attachment(f):
    f("media_root")
    draft = _draft(f("campaign_award").campaign, f("unit_a"), f("head_a"))
    return f("head_a"), draft.get_absolute_url(), reverse("awards:attachment_upload", args=[draft.pk]), \
        {"kind": "minutes"}, ProposalAttachment.objects


def _typical(f):
    f("media_root")
    url = reverse("awards:typical_create")
    data = {"campaign": f("typical_campaign").pk, "unit": f("unit_a").pk, "title": "Gương sáng tiếp dân",
            "level": "", "story": "Câu chuyện"}
    return f("head_a"), url, url, data, TypicalExample.objects


def _typical_note(f):
    example = f("example_a")
    return f("head_a"), reverse("awards:typical_detail", args=[example.pk]), \
        reverse("awards:typical_note_add", args=[example.pk]), {"text": "Ghi nhận sơ kết"}, example.notes


FORMS = {"milestone": _milestone, "register": _register, "plan": _plan, "campaign": _campaign,
         "feedback": _feedback, "proposal_open": _proposal_open, "nominate": _nominate, "attachment": _attachment,
         "typical": _typical, "typical_note": _typical_note}


def _post(client, url, data, token, name):
    payload = {**data, "submission": token}
    if name == "attachment":
        payload["file"] = SimpleUploadedFile("bb.pdf", PDF, "application/pdf")
    return client.post(url, payload)


@pytest.mark.django_db
@pytest.mark.parametrize("name", FORMS)
def test_the_same_form_posted_twice_writes_once(request, login, name):
    user, page, url, data, rows = FORMS[name](request.getfixturevalue)
    client = login(user)
    token = _token(client, page)
    before = rows.count()
    first = _post(client, url, data, token, name)
    second = _post(client, url, data, token, name)
    assert (first.status_code, rows.count() - before) == (302, 1)
    assert (second.status_code, second["Location"]) == (302, first["Location"])
    assert [str(m) for m in get_messages(second.wsgi_request)][-1] == (
        "Đã ghi nhận: biểu mẫu này đã được gửi, không ghi thêm lần nữa.")
    assert FormSubmission.objects.get().result_url == first["Location"]


@pytest.mark.django_db
def test_a_token_already_consumed_leads_to_the_first_result_and_writes_nothing(login, staff, province_plan):
    campaign = province_plan.campaigns.get()
    consumed = FormSubmissionFactory(user=staff, result_url=campaign.get_absolute_url())
    response = login(staff).post(reverse("campaigns:milestone_create", args=[campaign.pk]), {
        "kind": "final_review", "title": "Tổng kết", "starts_on": "10/07/2024", "submission": consumed.key})
    assert (response.status_code, response["Location"], Milestone.objects.count()) == (
        302, campaign.get_absolute_url(), 0)


@pytest.mark.django_db
def test_a_form_refused_for_its_input_keeps_its_token_for_the_corrected_post(login, staff, province_plan):
    campaign = province_plan.campaigns.get()
    url = reverse("campaigns:milestone_create", args=[campaign.pk])
    client = login(staff)
    token = _token(client, url)
    bad = client.post(url, {"kind": "final_review", "title": "Tổng kết", "starts_on": "10/07/2024",
                            "ends_on": "01/07/2024", "submission": token})
    assert (bad.status_code, FormSubmission.objects.count(), Milestone.objects.count()) == (200, 0, 0)
    good = client.post(url, {"kind": "final_review", "title": "Tổng kết", "starts_on": "10/07/2024",
                             "submission": token})
    assert (good.status_code, Milestone.objects.count()) == (302, 1)


@pytest.mark.django_db
def test_a_token_belongs_to_its_user(login, staff, province, province_plan):
    colleague = RoleGrantFactory(user__username="thuongtruc2", role=Role.STAFF, unit=province).user
    campaign = province_plan.campaigns.get()
    url = reverse("campaigns:milestone_create", args=[campaign.pk])
    data = {"kind": "final_review", "title": "Tổng kết", "starts_on": "10/07/2024"}
    token = _token(login(staff), url)
    login(staff).post(url, {**data, "submission": token})
    login(colleague).post(url, {**data, "submission": token})  # the same string from someone else: not a repeat
    assert (Milestone.objects.count(), FormSubmission.objects.count()) == (2, 2)


@pytest.mark.django_db
def test_a_post_without_a_token_is_a_repeat_when_the_same_content_comes_back_within_the_window(
        login, staff, province, province_plan):
    colleague = RoleGrantFactory(user__username="thuongtruc2", role=Role.STAFF, unit=province).user
    campaign = province_plan.campaigns.get()
    url = reverse("campaigns:milestone_create", args=[campaign.pk])
    data = {"kind": "final_review", "title": "Tổng kết", "starts_on": "10/07/2024"}
    first = login(staff).post(url, data)
    again = login(staff).post(url, {**data, "submission": "not-a-token"})  # a malformed token counts as none
    assert (first.status_code, again.status_code, again["Location"], Milestone.objects.count()) == (
        302, 302, first["Location"], 1)
    assert [str(m) for m in get_messages(again.wsgi_request)][-1].startswith("Đã ghi nhận")
    login(staff).post(url, {**data, "title": "Tổng kết năm"})  # other content: written
    login(colleague).post(url, data)  # the same content from someone else: written
    assert Milestone.objects.count() == 3
    FormSubmission.objects.update(created_at=timezone.now() - datetime.timedelta(seconds=31))
    assert login(staff).post(url, data).status_code == 302  # after the window: a new submission
    assert Milestone.objects.count() == 4
    bad = login(staff).post(url, {**data, "ends_on": "01/07/2024"})
    assert (bad.status_code, Milestone.objects.count()) == (200, 4)
    # one row per (user, content); the refused post claimed nothing
    assert FormSubmission.objects.filter(key__startswith="=").count() == 3


@pytest.mark.django_db
def test_the_content_key_covers_fields_and_files_but_not_the_csrf_token(rf, staff):
    from emulation.submissions import content_key

    def key(data, **files):
        request = rf.post("/x/", {**data, **files})
        return content_key(request)

    base = key({"a": "1", "b": "2", "csrfmiddlewaretoken": "x"})
    assert base == key({"b": "2", "a": "1", "csrfmiddlewaretoken": "y"}) and base.startswith("=") and len(base) == 32
    assert base != key({"a": "1", "b": "3"}) and base != key({"a": "1"})
    with_file = key({"a": "1", "b": "2"}, file=SimpleUploadedFile("bb.pdf", PDF, "application/pdf"))
    assert with_file != base
    assert with_file != key({"a": "1", "b": "2"}, file=SimpleUploadedFile("bb.pdf", PDF + b"%", "application/pdf"))


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("name", ["milestone", "register", "feedback"])
def test_ten_parallel_identical_posts_write_one_row(request, name):
    """PostgreSQL, ten real transactions at once: the unique (user, token) lets one through."""
    if connection.vendor != "postgresql":
        service_missing("parallel submissions need PostgreSQL (set DATABASE_URL)")
    user, page, url, data, rows = FORMS[name](request.getfixturevalue)
    client = Client()
    client.force_login(user)
    token = _token(client, page)
    before = rows.count()
    cookies = client.cookies

    def post():
        twin = Client()
        twin.cookies = cookies
        return twin.post(url, {**data, "submission": token}).status_code

    statuses, errors = run_together(post, 10)
    assert (errors, statuses, rows.count() - before) == ([], [302] * 10, 1)


@pytest.mark.django_db(transaction=True)
def test_ten_parallel_identical_posts_without_a_token_write_one_row(request):
    """PostgreSQL: a script or a page from before tokens, ten times at once: keyed by content, one goes through."""
    if connection.vendor != "postgresql":
        service_missing("parallel submissions need PostgreSQL (set DATABASE_URL)")
    user, _page, url, data, rows = FORMS["register"](request.getfixturevalue)
    client = Client()
    client.force_login(user)
    before, cookies = rows.count(), client.cookies

    def post():
        twin = Client()
        twin.cookies = cookies
        return twin.post(url, data).status_code

    statuses, errors = run_together(post, 10)
    assert (errors, statuses, rows.count() - before) == ([], [302] * 10, 1)


@pytest.mark.django_db
def test_tokens_older_than_two_days_are_forgotten_by_the_daily_task(staff):
    from emulation import submissions, tasks

    old, _fresh = FormSubmissionFactory(user=staff, key="a"), FormSubmissionFactory(user=staff, key="b")
    FormSubmission.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=3))
    assert tasks.forget_old_submissions() == 1
    assert list(FormSubmission.objects.values_list("key", flat=True)) == ["b"]
    assert submissions.forget_old(now=timezone.now() + datetime.timedelta(days=3)) == 1
    assert "forget-old-submissions" in settings.CELERY_BEAT_SCHEDULE


@pytest.mark.django_db
def test_the_error_shown_on_a_refused_form_does_not_come_back_after_the_corrected_post(login, head_a, unit_a,
                                                                                      officer_a):
    from tests.awards.test_initiatives_views import form_data

    client = login(head_a)
    url = reverse("awards:initiative_create")
    bad = client.post(url, form_data(unit_a, [(officer_a, 90)]))
    assert bad.content.decode().count("Chưa lưu: vui lòng sửa các lỗi được đánh dấu bên dưới.") == 1
    saved = client.post(url, form_data(unit_a, [(officer_a, 100)]), follow=True)
    html = saved.content.decode()
    assert ("Đã lưu sáng kiến" in html, "Chưa lưu: vui lòng sửa" in html) == (True, False)
