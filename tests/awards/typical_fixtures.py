"""Fixtures for the typical-example tests (imported by the test modules that use them): the province's
typical-examples campaign, an example of officer A (unit A) and one of collective B."""

import pytest
from django.core.files.base import ContentFile

from awards.demo_typical import photo_png
from awards.models import TypicalExample
from campaigns.models import CampaignKind
from tests.factories import CampaignFactory, ParticipationFactory
from tests.samples import JPEG, PDF  # noqa: F401 - re-exported to the typical tests

PNG = photo_png((10, 60, 120), size=(40, 30))


@pytest.fixture
def typical_campaign(province_plan, unit_a, unit_b):
    campaign = CampaignFactory(plan=province_plan, kind=CampaignKind.TYPICAL_EXAMPLES,
                               name="Xây dựng, bồi dưỡng, nhân rộng điển hình tiên tiến")
    for unit in (unit_a, unit_b):
        ParticipationFactory(campaign=campaign, unit=unit)
    return campaign


def make_example(campaign, unit, officer=None, **values) -> TypicalExample:
    photo = values.pop("photo", None)
    example = TypicalExample(campaign=campaign, unit=unit, officer=officer,
                             **{"title": "Điển hình tiên tiến", **values})
    if photo:
        example.photo.save("anh.png", ContentFile(photo), save=False)
    example.save()
    return example


@pytest.fixture
def example_a(typical_campaign, unit_a, officer_a, media_root):
    """Officer A's example, ready to be published (photo and story)."""
    return make_example(typical_campaign, unit_a, officer_a, title="Chấp hành viên gương mẫu Vị Thanh",
                        story="Vận động đương sự tự nguyện thi hành án.", photo=PNG)


@pytest.fixture
def example_b(typical_campaign, unit_b):
    return make_example(typical_campaign, unit_b, title="Mô hình tiếp dân của Chi cục Long Mỹ")
