"""Recording, previewing and applying a reorganisation (Chi cục A + B → Phòng THADS khu vực 1, 01/07/2025)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from awards.models import AwardRecord
from campaigns.models import Participation, Pledge, Result, SubPlanRequirement
from emulation import reorganisation_services as services
from emulation.models import (
    Assignment,
    AuditEntry,
    Officer,
    ReorganisationKind,
    RoleGrant,
    Unit,
    UnitKind,
    UnitSuccession,
)
from emulation.reorganisation import MOVERS, AlreadyApplied, Mover, Section
from tests.factories import ReorganisationFactory, UnitFactory

D = datetime.date
pytestmark = pytest.mark.integration


def _sections(preview):
    return {s.key: s for s in preview.sections}


def _sorted(rows):
    return sorted(rows, key=str)


def _state():
    """Everything an apply may change, as plain values."""
    return {
        "units": _sorted(Unit.objects.values_list("code", "parent_id", "valid_to")),
        "assignments": _sorted(Assignment.objects.values_list("officer__code", "unit__code", "position", "starts_on",
                                                             "ends_on")),
        "officers": _sorted(Officer.objects.values_list("code", "unit__code", "position")),
        "grants": _sorted(RoleGrant.objects.values_list("user__username", "role", "unit__code")),
        "successions": _sorted(UnitSuccession.objects.values_list("predecessor__code", "successor__code")),
        "participations": _sorted(Participation.objects.values_list("campaign_id", "unit__code")),
        "pledges": _sorted(Pledge.objects.values_list("campaign_id", "unit__code", "officer_id")),
        "requirements": _sorted(SubPlanRequirement.objects.values_list("plan_id", "unit__code")),
        "audit": AuditEntry.objects.count(),
    }


def test_preview_lists_what_moves_and_what_stays(merger, world, head_a):
    before = _state()
    preview = services.preview_reorganisation(merger)
    sections = _sections(preview)
    assert [s.key for s in preview.sections] == ["units", "assignments", "grants", "participations",
                                                 "requirements", "pledges"]
    assert [(r.what, r.target) for r in sections["assignments"].rows] == [
        ("Võ Minh Khoa (Chi cục trưởng → Trưởng Phòng Thi hành án dân sự khu vực)",
         "Phòng Thi hành án dân sự khu vực 1"),
        ("Đỗ Thu Hà (Thư ký thi hành án)", "Phòng Thi hành án dân sự khu vực 1")]
    assert [r.source for r in sections["grants"].rows] == ["Chi cục Thi hành án dân sự thành phố Vị Thanh"]
    running = world["running"].name
    assert [(r.what, r.source) for r in sections["participations"].rows] == [
        (running, "Chi cục Thi hành án dân sự thành phố Vị Thanh")]
    assert [(r.what, r.source) for r in sections["participations"].kept] == [
        (running, "Chi cục Thi hành án dân sự huyện Long Mỹ")]  # the successor takes part once
    assert [r.source for r in sections["requirements"].rows] == ["Chi cục Thi hành án dân sự thành phố Vị Thanh"]
    assert [r.what for r in sections["pledges"].rows] == [f"Tập thể – {running}", f"Đỗ Thu Hà – {running}"]
    history = dict(preview.history)
    assert (history["Kết quả thi đua"], history["Khen thưởng đã nhận (tập thể)"]) == (1, 1)
    assert history["Đề nghị khen thưởng"] == 0
    assert _state() == before  # a preview changes nothing


def test_apply_moves_people_grants_and_running_work(merger, world, unit_a, unit_b, area, head_a, staff):
    summary = services.apply_reorganisation(actor=staff, reorganisation=merger)
    chief = Officer.objects.get(code="A-CCT")
    assert (chief.unit, chief.position) == (area, "Trưởng Phòng Thi hành án dân sự khu vực")
    assert list(chief.assignments.order_by("starts_on").values_list("unit__code", "position", "starts_on",
                                                                      "ends_on")) == [
        ("HG-VT", "Chi cục trưởng", D(2020, 1, 1), D(2025, 6, 30)),
        ("HG-KV1", "Trưởng Phòng Thi hành án dân sự khu vực", D(2025, 7, 1), None)]
    assert list(RoleGrant.objects.filter(user=head_a).values_list("unit__code", flat=True)) == ["HG-KV1"]
    unit_a.refresh_from_db()
    unit_b.refresh_from_db()
    assert (unit_a.valid_to, unit_b.valid_to) == (D(2025, 6, 30), D(2025, 6, 30))
    assert sorted(UnitSuccession.objects.values_list("predecessor__code", "successor__code", "kind",
                                                     "effective_on")) == [
        ("HG-LM", "HG-KV1", "merge", D(2025, 7, 1)), ("HG-VT", "HG-KV1", "merge", D(2025, 7, 1))]
    running = world["running"]
    assert sorted(running.participations.values_list("unit__code", flat=True)) == ["HG-KV1", "HG-LM"]
    assert sorted(running.pledges.values_list("unit__code", flat=True)) == ["HG-KV1", "HG-KV1"]
    assert sorted(SubPlanRequirement.objects.values_list("unit__code", flat=True)) == ["HG-KV1", "HG-LM"]
    # history stays with the old unit
    assert list(Result.objects.values_list("unit__code", flat=True)) == ["HG-VT"]
    assert list(AwardRecord.objects.values_list("unit__code", flat=True)) == ["HG-VT"]
    assert sorted(world["past"].participations.values_list("unit__code", flat=True)) == ["HG-LM", "HG-VT"]
    assert summary == {"units": 2, "assignments": 2, "grants": 1, "participations": 1, "requirements": 1,
                       "pledges": 2}
    merger.refresh_from_db()
    assert (merger.is_applied, merger.applied_by, merger.applied_by_name, merger.summary) == (
        True, staff, "thuongtruc", summary)


def test_apply_writes_the_audit_trail(merger, world, staff):
    start = AuditEntry.objects.count()
    services.apply_reorganisation(actor=staff, reorganisation=merger)
    entries = AuditEntry.objects.order_by("id")[start:]
    by_kind = {}
    for entry in entries:
        by_kind[(entry.model_label, entry.action)] = by_kind.get((entry.model_label, entry.action), 0) + 1
    assert by_kind == {
        ("emulation.Unit", "update"): 2, ("emulation.UnitSuccession", "create"): 2,
        ("emulation.Assignment", "update"): 2, ("emulation.Assignment", "create"): 2,
        ("emulation.Officer", "update"): 2, ("emulation.RoleGrant", "update"): 1,
        ("campaigns.Participation", "update"): 1, ("campaigns.SubPlanRequirement", "update"): 1,
        ("campaigns.Pledge", "update"): 2, ("emulation.Reorganisation", "update"): 1}
    assert {e.actor_name for e in entries} == {"thuongtruc"}
    officer_entry = next(e for e in entries if e.model_label == "emulation.Officer" and "Khoa" in e.object_repr)
    assert officer_entry.changes["position"] == ["Chi cục trưởng", "Trưởng Phòng Thi hành án dân sự khu vực"]


def test_applying_twice_is_refused_and_changes_nothing(merger, world, staff):
    services.apply_reorganisation(actor=staff, reorganisation=merger)
    after_first = _state()
    with pytest.raises(AlreadyApplied, match="đã được áp dụng"):
        services.apply_reorganisation(actor=staff, reorganisation=merger)
    assert _state() == after_first


def test_it_is_not_applied_before_its_effective_date(merger, world, staff):
    before = _state()
    with pytest.raises(ValidationError, match="có hiệu lực từ ngày 01/07/2025: chỉ áp dụng được từ ngày đó"):
        services.apply_reorganisation(actor=staff, reorganisation=merger, today=D(2025, 6, 30))
    assert _state() == before
    services.apply_reorganisation(actor=staff, reorganisation=merger, today=D(2025, 7, 1))
    merger.refresh_from_db()
    assert merger.is_applied


def test_a_failing_mover_leaves_everything_as_it_was(merger, world, staff, monkeypatch):
    def explode(move, actor):
        raise RuntimeError("mất kết nối")

    monkeypatch.setitem(MOVERS, "explode", Mover("explode", lambda move: Section("explode", "x"), explode))
    before = _state()
    with pytest.raises(RuntimeError, match="mất kết nối"):
        services.apply_reorganisation(actor=staff, reorganisation=merger)
    assert _state() == before
    merger.refresh_from_db()
    assert (merger.is_applied, merger.summary) == (False, {})


def test_the_system_applies_without_a_user(merger, world):
    services.apply_reorganisation(actor=None, reorganisation=merger)
    entry = AuditEntry.objects.filter(model_label="emulation.Reorganisation").latest("id")
    assert (entry.actor, entry.actor_name) == (None, "hệ thống")


def test_unit_heads_and_other_provinces_may_not_reorganise(merger, head_a, other_staff, unit_a, area):
    for actor in (head_a, other_staff):
        with pytest.raises(PermissionDenied):
            services.apply_reorganisation(actor=actor, reorganisation=merger)
        with pytest.raises(PermissionDenied):
            services.record_reorganisation(actor=actor, reorganisation=ReorganisationFactory.build(),
                                           predecessors=[unit_a], successors=[area])
    merger.refresh_from_db()
    assert not merger.is_applied


def test_recording_creates_the_new_successor_and_refuses_bad_items(staff, province, unit_a, unit_b):
    new = Unit(code="HG-KV2", name="Phòng Thi hành án dân sự khu vực 2", kind=UnitKind.SUB_DEPARTMENT,
               parent=province)
    recorded = services.record_reorganisation(actor=staff, reorganisation=ReorganisationFactory.build(),
                                              predecessors=[unit_a, unit_b], new_unit=new)
    created = Unit.objects.get(code="HG-KV2")
    assert (created.valid_from, created.parent) == (D(2025, 7, 1), province)
    assert list(recorded.items.values_list("predecessor__code", "successor__code", "receives")) == [
        ("HG-VT", "HG-KV2", True), ("HG-LM", "HG-KV2", True)]
    with pytest.raises(ValidationError, match="thay cho đúng một đơn vị cũ"):
        services.record_reorganisation(actor=staff, reorganisation=ReorganisationFactory.build(
            kind=ReorganisationKind.RENAME), predecessors=[unit_a, unit_b], successors=[created])
    assert Unit.objects.filter(code="HG-KV2").count() == 1


def test_a_split_moves_people_to_the_receiving_successor_only(staff, province, unit_a, world):
    east, west = (UnitFactory(code=c, name=n, parent=province, valid_from=D(2025, 7, 1))
                  for c, n in [("HG-KV3", "Phòng THADS khu vực 3"), ("HG-KV4", "Phòng THADS khu vực 4")])
    split = services.record_reorganisation(actor=staff, reorganisation=ReorganisationFactory.build(
        kind=ReorganisationKind.SPLIT), predecessors=[unit_a], successors=[east, west])
    services.apply_reorganisation(actor=staff, reorganisation=split)
    assert Officer.objects.get(code="A-CCT").unit == east
    assert sorted(UnitSuccession.objects.values_list("successor__code", "kind")) == [
        ("HG-KV3", "split"), ("HG-KV4", "split")]


def test_a_transfer_moves_the_unit_under_its_new_parent(staff, province, unit_a, unit_b, world):
    division = UnitFactory(code="HG-NV", name="Phòng Nghiệp vụ", parent=province, kind=UnitKind.DIVISION)
    transfer = services.record_reorganisation(actor=staff, reorganisation=ReorganisationFactory.build(
        kind=ReorganisationKind.TRANSFER), predecessors=[unit_b], new_parent=division)
    services.apply_reorganisation(actor=staff, reorganisation=transfer)
    unit_b.refresh_from_db()
    assert (unit_b.parent, unit_b.path.startswith(division.path), unit_b.valid_to) == (division, True, None)
    assert not UnitSuccession.objects.exists()
    assert Officer.objects.get(code="B-TK").unit == unit_b


def test_one_decision_can_hold_several_groups(province, unit_a, unit_b, area, world, staff):
    """The province becomes a THADS tỉnh and its Chi cục a Phòng khu vực, in one decision applied by the system."""
    renamed = UnitFactory(code="HG2025", name="Thi hành án dân sự tỉnh Hậu Giang", kind=UnitKind.PROVINCIAL,
                          valid_from=D(2025, 7, 1))
    decision = services.record_reorganisation(actor=None, reorganisation=ReorganisationFactory.build(),
                                              groups=[([province], renamed), ([unit_a, unit_b], area)])
    services.apply_reorganisation(actor=None, reorganisation=decision)
    assert sorted(UnitSuccession.objects.values_list("predecessor__code", "successor__code")) == [
        ("HG", "HG2025"), ("HG-LM", "HG-KV1"), ("HG-VT", "HG-KV1")]
    assert RoleGrant.objects.get(user__username="thuongtruc").unit == renamed
