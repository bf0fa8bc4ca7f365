"""Where milestones may fall relative to the campaign's period (pure rule, and through the page)."""

import datetime

import pytest
from django.urls import reverse

from campaigns.models import Milestone
from campaigns.periods import milestone_date_error

D = datetime.date
START, END = D(2024, 4, 1), D(2024, 6, 30)


@pytest.mark.parametrize(("kind", "starts_on", "ends_on", "allowed"), [
    ("launch", D(2024, 4, 1), None, True),
    ("launch", D(2024, 3, 20), None, False),
    ("phase", D(2024, 4, 1), D(2024, 7, 1), False),
    ("interim_review", D(2024, 7, 15), None, False),
    ("final_review", D(2024, 7, 15), None, True),
    ("ceremony", D(2024, 7, 19), None, True),  # seed 001: khen thưởng 19/07/2024
    ("deadline", D(2024, 7, 1), None, True),  # seed 001: hồ sơ trước 01/07/2024
    ("deadline", D(2024, 3, 1), None, False),
    ("other", D(2024, 7, 19), None, False),
])
def test_milestone_dates(kind, starts_on, ends_on, allowed):
    assert (milestone_date_error(kind, starts_on, ends_on, START, END) is None) == allowed


def test_the_message_names_the_campaign_period():
    assert milestone_date_error("phase", D(2024, 7, 1), None, START, END) == (
        "Mốc “Đợt cao điểm” phải nằm trong thời gian thi đua 01/04/2024 – 30/06/2024.")


@pytest.mark.integration
def test_a_milestone_outside_the_period_is_refused_on_the_page(login, staff, province_plan):
    campaign = province_plan.campaigns.get()
    campaign.starts_on, campaign.ends_on = START, END
    campaign.save()
    response = login(staff).post(reverse("campaigns:milestone_create", args=[campaign.pk]), {
        "kind": "interim_review", "title": "Sơ kết", "starts_on": "15/07/2024"})
    assert "Mốc “Sơ kết” phải nằm trong thời gian thi đua 01/04/2024 – 30/06/2024." in response.content.decode()
    assert not Milestone.objects.exists()
