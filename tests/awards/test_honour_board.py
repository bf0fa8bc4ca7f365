"""The public honour board: no login, published examples only, public fields only, photos served only
for published examples."""
# ruff: noqa: F811 - the fixtures imported from typical_fixtures are requested by name

import datetime

import pytest
from django.urls import reverse

from awards.models import PublicationState, RecognitionLevel, Stage, TypicalExample, TypicalExampleNote
from tests.awards.typical_fixtures import PDF, PNG, example_a, example_b, make_example, typical_campaign  # noqa: F401

pytestmark = pytest.mark.integration


def url(name, *args):
    return reverse(f"awards:{name}", args=args)


def publish(example, when=datetime.datetime(2024, 6, 11, 2, 0, tzinfo=datetime.UTC)):
    example.publication, example.published_at = PublicationState.PUBLISHED, when
    example.save()
    return example


def test_anonymous_sees_only_published_examples_newest_first(client, typical_campaign, unit_a, example_a, example_b):
    older = publish(make_example(typical_campaign, unit_a, title="Mô hình tiếp dân kiểu mẫu",
                                 story="Tiếp dân đúng hẹn.", level=RecognitionLevel.GRASSROOTS_ANNUAL),
                    when=datetime.datetime(2023, 11, 9, 2, 0, tzinfo=datetime.UTC))
    publish(example_a)
    response = client.get(url("honour_board"))
    assert response.status_code == 200
    assert [e.pk for e in response.context["page_obj"]] == [example_a.pk, older.pk]
    html = response.content.decode()
    assert "Chấp hành viên gương mẫu Vị Thanh" in html and "Nguyễn Văn An – " in html
    assert "Mô hình tiếp dân của Chi cục Long Mỹ" not in html  # example B is private
    assert "11/06/2024" in html and "09/11/2023" in html
    assert 'data-testid="whoami"' not in html  # the navigation stays hidden for anonymous visitors


def test_honour_board_exposes_no_codes_notes_or_evidence(client, example_a):
    TypicalExampleNote.objects.create(example=example_a, stage=Stage.DETECT, text="Ghi chú nội bộ bí mật",
                                      evidence="typical/evidence/2024/bien-ban.pdf")
    publish(example_a)
    for target in (url("honour_board"), url("honour_board_detail", example_a.pk)):
        html = client.get(target).content.decode()
        assert "A-001" not in html  # officer code
        assert "Ghi chú nội bộ bí mật" not in html and "bien-ban" not in html and "minh-chung" not in html
        assert "/media/" not in html
        assert url("honour_board_photo", example_a.pk) in html


def test_detail_shows_the_full_story(client, example_a):
    example_a.story = "Đoạn một.\n\nĐoạn hai rất dài " + "chữ " * 80 + "kết thúc."
    publish(example_a)
    html = client.get(url("honour_board_detail", example_a.pk)).content.decode()
    assert "kết thúc." in html and "Nguyễn Văn An – Chi cục Thi hành án dân sự thành phố Vị Thanh" in html


@pytest.mark.parametrize("state", [PublicationState.PRIVATE, PublicationState.REQUESTED])
def test_unpublished_detail_and_photo_answer_404(client, example_a, state):
    example_a.publication = state
    example_a.save()
    assert client.get(url("honour_board_detail", example_a.pk)).status_code == 404
    assert client.get(url("honour_board_photo", example_a.pk)).status_code == 404


def test_published_photo_is_served_without_login(client, example_a):
    publish(example_a)
    response = client.get(url("honour_board_photo", example_a.pk))
    assert (response.status_code, response["Content-Type"]) == (200, "image/png")
    assert b"".join(response.streaming_content) == PNG


def test_published_example_without_photo_or_file_answers_404_for_the_photo(client, example_a, example_b):
    publish(example_b)
    assert client.get(url("honour_board_photo", example_b.pk)).status_code == 404
    publish(example_a).photo.delete(save=False)
    assert client.get(url("honour_board_photo", example_a.pk)).status_code == 404


def test_photo_with_foreign_content_is_not_served(client, example_a):
    with example_a.photo.open("wb") as handle:
        handle.write(b"<html><script>alert(1)</script></html>")
    publish(example_a)
    assert client.get(url("honour_board_photo", example_a.pk)).status_code == 404


def test_query_count_is_constant(client, typical_campaign, unit_a, officer_a, django_assert_max_num_queries):
    for count in (3, 20):
        for n in range(count - TypicalExample.objects.count()):
            publish(make_example(typical_campaign, unit_a, officer_a if n % 2 else None, title=f"Điển hình {n}",
                                 story="Câu chuyện."))
        with django_assert_max_num_queries(2):
            response = client.get(url("honour_board"), {"page": 2 if count > 12 else 1})
        assert len(response.context["page_obj"]) == (8 if count > 12 else 3)
