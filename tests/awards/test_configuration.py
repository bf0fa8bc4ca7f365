"""Staff set up a campaign's award forms, criteria (kind + parameters) and quotas in the app."""

import pytest
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.urls import reverse

from awards.models import AwardForm, Ballot, BallotCast, CampaignAward, Criterion, Quota
from awards.services.configuration import save_campaign_award
from emulation.models import AuditEntry

pytestmark = pytest.mark.django_db


def management(prefix, total=1, initial=0):
    return {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": str(initial),
            f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"}


def payload(form, **criterion):
    return {"award_form": str(form.pk), "decided_here": "on", "criteria_text": "Nguyên văn kế hoạch", "position": "0",
            **management("criteria"), **management("quotas"),
            **{f"criteria-0-{k}": v for k, v in criterion.items()},
            "quotas-0-subject_kind": "division", "quotas-0-limit": "2", "quotas-0-text": "02 tập thể Phòng"}


def test_staff_add_an_award_with_a_discipline_window_and_a_quota(login, staff, province_campaign, certificate):
    response = login(staff).post(reverse("awards:award_create", args=[province_campaign.pk]), payload(
        certificate, kind="no_discipline", applies_to="individual", text="Không bị kỷ luật", position="0",
        date_from="01/10/2023", date_to="30/06/2024", min_form="reprimand"))
    assert response.status_code == 302
    award = CampaignAward.objects.get(campaign=province_campaign)
    assert award.criteria.get().params == {"min_form": "reprimand", "from": "2023-10-01", "to": "2024-06-30"}
    assert award.quotas.get().limit == 2
    labels = set(AuditEntry.objects.values_list("model_label", flat=True))
    assert {"awards.CampaignAward", "awards.Criterion", "awards.Quota"} <= labels


def test_missing_parameters_rerender_and_save_nothing(login, staff, province_campaign, certificate):
    response = login(staff).post(reverse("awards:award_create", args=[province_campaign.pk]), payload(
        certificate, kind="member_awards", applies_to="collective", text="70% Lao động tiên tiến", position="0"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Nhập năm." in body and "Chọn đúng một danh hiệu." in body
    assert not CampaignAward.objects.exists() and not Criterion.objects.exists() and not Quota.objects.exists()


def test_only_the_issuing_units_staff_configure(login, head_a, council_member, province_campaign, certificate):
    url = reverse("awards:award_create", args=[province_campaign.pk])
    assert login(head_a).get(url).status_code == 403
    assert login(council_member).post(url, payload(certificate, kind="attainment", position="0")).status_code == 403
    assert not CampaignAward.objects.exists()


def test_ballots_are_not_in_the_admin():
    assert Ballot not in admin.site._registry and BallotCast not in admin.site._registry
    assert AwardForm in admin.site._registry


def test_editing_shows_the_stored_parameters(login, staff, province_campaign, certificate):
    award = CampaignAward.objects.create(campaign=province_campaign, award_form=certificate)
    Criterion.objects.create(campaign_award=award, kind="no_discipline", text="Không bị kỷ luật",
                             params={"from": "2023-10-01", "to": "2024-06-30", "min_form": "warning"})
    body = login(staff).get(reverse("awards:award_edit", args=[province_campaign.pk, award.pk])).content.decode()
    assert 'value="01/10/2023"' in body and 'value="30/06/2024"' in body
    assert '<option value="warning" selected>' in body


def test_the_form_of_an_award_already_nominated_for_cannot_be_swapped(login, staff, submitted_proposal,
                                                                       campaign_award):
    other = AwardForm.objects.create(code="LDTT", name="Lao động tiên tiến", kind="title", subject_type="individual",
                                     authority="Cục trưởng", authority_level="provincial", rank=5)
    data = {"award_form": str(other.pk), "criteria_text": "", "cited_basis": "", "position": "0",
            **management("criteria", 0), **management("quotas", 0)}
    login(staff).post(reverse("awards:award_edit", args=[campaign_award.campaign_id, campaign_award.pk]), data)
    campaign_award.refresh_from_db()
    assert (campaign_award.award_form.code, campaign_award.decided_here) == ("GK_CUC", True)
    # the service refuses it too

    campaign_award.award_form = other
    with pytest.raises(ValidationError, match="không đổi hình thức"):
        save_campaign_award(actor=staff, award=campaign_award)
