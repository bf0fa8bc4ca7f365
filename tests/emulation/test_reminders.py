"""The reminder job (``emulation.reminders``): the offsets, the text, one reminder per (deadline, recipient,
offset) however often it runs, the Celery task and its beat schedule, and ``manage.py send_reminders``."""

import datetime
import io

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.utils import timezone, translation

from emulation import reminders, tasks
from emulation.models import Notification

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.mark.parametrize(("days_left", "text"), [
    (7, "Còn 7 ngày đến hạn gửi kế hoạch (05/12/2026). Việc cần làm: gửi kế hoạch."),
    (3, "Còn 3 ngày đến hạn gửi kế hoạch (05/12/2026). Việc cần làm: gửi kế hoạch."),
    (1, "Còn 1 ngày đến hạn gửi kế hoạch (05/12/2026). Việc cần làm: gửi kế hoạch."),
    (0, "Hôm nay là ngày cuối của hạn gửi kế hoạch (05/12/2026). Việc cần làm: gửi kế hoạch."),
    (-1, "Đã quá hạn gửi kế hoạch (05/12/2026) 1 ngày. Việc cần làm: gửi kế hoạch."),
    (1000, "Còn 1.000 ngày đến hạn gửi kế hoạch (05/12/2026). Việc cần làm: gửi kế hoạch."),
])
def test_the_text_says_how_many_days_are_left_or_how_late(days_left, text):
    with translation.override("vi"):
            assert reminders.reminder_text(what="hạn gửi kế hoạch", due_on=D(2026, 12, 5), days_left=days_left,
                                       todo="Việc cần làm: gửi kế hoạch.") == text


def test_due_dates_are_the_offsets_from_today_the_overdue_one_in_the_past():
    assert reminders.due_dates(D(2026, 12, 1), (7, 3, 1, -1)) == {
        D(2026, 12, 8): 7, D(2026, 12, 4): 3, D(2026, 12, 2): 1, D(2026, 11, 30): -1}


def test_the_offsets_come_from_settings(settings):
    assert reminders.offsets() == (7, 3, 1, -1)
    settings.REMINDER_OFFSETS = (5, 0)
    assert reminders.offsets() == (5, 0)


@pytest.fixture
def one_deadline(head_a, head_b):
    """A source with one deadline on 05/12/2026 that both unit heads owe."""
    asked = []

    def source(days):
        asked.append(dict(days))
        yield from [reminders.Deadline(key="test-1@20261205", kind="remind.test", due_on=D(2026, 12, 5),
                                       what="hạn thử", todo="Việc cần làm: làm thử.", url="/thu/",
                                       recipients=frozenset({head_a.pk, head_b.pk}))
                    for due in days if due == D(2026, 12, 5)]

    reminders.register_source("remind.test", "Nhắc thử", source)
    yield asked
    reminders._sources.pop("remind.test")


def _test_reminders():
    return sorted(Notification.objects.filter(kind="remind.test").values_list("recipient__username", "event_key",
                                                                               "verb", "actor_name"))


def test_each_offset_reminds_once_and_other_days_nothing(one_deadline, head_a, head_b):
    for day in (D(2026, 11, 27), D(2026, 11, 28), D(2026, 12, 2), D(2026, 12, 3), D(2026, 12, 4), D(2026, 12, 6),
                D(2026, 12, 7)):
        reminders.send_reminders(today=day)
    keys = sorted({key for _who, key, _text, _actor in _test_reminders()})
    assert keys == ["remind:test-1@20261205:-1", "remind:test-1@20261205:1", "remind:test-1@20261205:3",
                    "remind:test-1@20261205:7"]
    assert Notification.objects.filter(kind="remind.test").count() == 8  # 4 offsets × 2 heads
    assert one_deadline[0] == {D(2026, 12, 4): 7, D(2026, 11, 30): 3, D(2026, 11, 28): 1, D(2026, 11, 26): -1}


def test_running_twice_or_retrying_the_task_sends_nothing_twice(one_deadline, head_a, head_b):
    assert tasks.send_reminders.apply(kwargs={"day": "2026-12-02"}).get() == 2
    first = _test_reminders()
    assert first == [
        ("truong_a", "remind:test-1@20261205:3", "Còn 3 ngày đến hạn thử (05/12/2026). Việc cần làm: làm thử.",
         "Hệ thống"),
        ("truong_b", "remind:test-1@20261205:3", "Còn 3 ngày đến hạn thử (05/12/2026). Việc cần làm: làm thử.",
         "Hệ thống")]
    tasks.send_reminders.apply(kwargs={"day": "2026-12-02"})  # a retried or re-delivered task
    reminders.send_reminders(today=D(2026, 12, 2))  # the same job by hand
    assert _test_reminders() == first


def test_the_command_runs_the_job_for_a_given_day(one_deadline, head_a):
    out = io.StringIO()
    call_command("send_reminders", "--date", "04/12/2026", stdout=out)
    assert out.getvalue().strip() == "04/12/2026: 2 thông báo nhắc hạn."
    assert {key for _w, key, _t, _a in _test_reminders()} == {"remind:test-1@20261205:1"}


@pytest.mark.parametrize("bad", ["2026-12-04", "31/02/2026", "hôm nay", "12/31/2026"])
def test_the_command_refuses_a_bad_date_clearly(bad):
    with pytest.raises(CommandError, match="Nhập theo dạng dd/mm/yyyy"):
        call_command("send_reminders", "--date", bad, stdout=io.StringIO())
    assert Notification.objects.count() == 0


def test_the_command_runs_for_today_by_default(one_deadline):
    out = io.StringIO()
    call_command("send_reminders", stdout=out)
    today = timezone.localdate()  # Vietnam's day: from 17:00 UTC it is already tomorrow
    owed = 2 if (D(2026, 12, 5) - today).days in (7, 3, 1, -1) else 0  # both heads, on a reminding day
    assert out.getvalue().strip() == f"{today:%d/%m/%Y}: {owed} thông báo nhắc hạn."
    assert one_deadline == [reminders.due_dates(today, (7, 3, 1, -1))]


def test_the_beat_schedule_runs_the_task_daily_in_vietnam_time():
    entry = settings.CELERY_BEAT_SCHEDULE["send-reminders"]
    assert entry["task"] == tasks.send_reminders.name == "emulation.send_reminders"
    assert (entry["schedule"].hour, entry["schedule"].minute, entry["schedule"].day_of_week) == ({7}, {0},
                                                                                                 set(range(7)))
    assert settings.CELERY_TIMEZONE == "Asia/Ho_Chi_Minh"


def test_the_compose_beat_service_runs_the_schedule_with_a_health_check():
    """``.ci/run`` validates the whole file with docker-compose; here, what the beat service runs."""
    text = (settings.BASE_DIR / "docker-compose.yml").read_text(encoding="utf-8")
    beat = text[text.index("\n  beat:\n"):text.index("\n  db:\n")]
    assert "command: celery -A emulation beat --loglevel=info --schedule /tmp/celerybeat-schedule --pidfile " \
           "/tmp/celerybeat.pid" in beat
    assert "healthcheck:" in beat and "os.kill(int(open('/tmp/celerybeat.pid').read()), 0)" in beat
