"""The demo typical examples of seed 003: fictional Thái Nguyên examples at each stage, two published
with a generated photo; loading twice changes nothing."""

import pytest
from django.core.files.storage import default_storage
from django.test import Client
from django.urls import reverse

from awards import demo_typical
from awards.models import PublicationState, TypicalExample, TypicalExampleNote
from campaigns import demo as campaigns_demo
from emulation import demo as emulation_demo

pytestmark = pytest.mark.integration


def _state():
    return (sorted(map(repr, TypicalExample.objects.values_list())),
            sorted(map(repr, TypicalExampleNote.objects.values_list())),
            sorted(default_storage.listdir("typical/demo")[1]))


@pytest.fixture
def demo(db, media_root):
    loaded = emulation_demo.load()
    campaigns_demo.load(loaded["units"])
    demo_typical.load()


def test_demo_loads_examples_at_every_stage_and_twice_changes_nothing(demo):
    first = _state()
    demo_typical.load()
    assert _state() == first
    examples = list(TypicalExample.objects.select_related("unit", "campaign__plan__issuer"))
    assert {e.campaign.plan.issuer.code for e in examples} == {"TN"}
    assert all(e.unit.code.startswith("TN-") for e in examples)
    assert {e.stage for e in examples} == {"detect", "nurture", "summarise", "replicate"}
    assert sorted(e.publication for e in examples) == ["private", "private", "published", "published", "requested"]
    assert first[2] == ["mot-cua.png", "nghiep-vu.png", "vung-cao.png"]


def test_demo_examples_respect_the_stage_rules_and_show_on_the_honour_board(demo):
    for example in TypicalExample.objects.all():
        stages_with_notes = set(example.notes.values_list("stage", flat=True))
        assert example.stage in stages_with_notes  # a note at the current stage
    response = Client().get(reverse("awards:honour_board"))
    assert [e.title for e in response.context["page_obj"]] == [
        "Chấp hành viên tận tụy nơi huyện vùng cao", "Mô hình “Một cửa tiếp nhận đơn yêu cầu thi hành án”"]
    published = TypicalExample.objects.filter(publication=PublicationState.PUBLISHED).first()
    photo = Client().get(reverse("awards:honour_board_photo", args=[published.pk]))
    assert (photo.status_code, photo["Content-Type"]) == (200, "image/png")
    assert b"".join(photo.streaming_content).startswith(b"\x89PNG")
