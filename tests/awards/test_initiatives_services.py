"""Write paths of the register of initiatives: permission first, the authors all or nothing, one
audit entry per change."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from awards.models import Initiative, InitiativeAuthor
from awards.services.initiatives import Share, create_initiative, delete_initiative, update_initiative
from emulation.models import AuditEntry
from tests.factories import InitiativeAuthorFactory, InitiativeFactory

pytestmark = pytest.mark.integration


def _new(unit, **values):
    return InitiativeFactory.build(unit=unit, **values)


def test_a_head_may_not_record_for_another_unit(head_a, unit_b, officer_b):
    with pytest.raises(PermissionDenied):
        create_initiative(actor=head_a, initiative=_new(unit_b), shares=[Share(officer_b, 100)])
    assert (Initiative.objects.count(), AuditEntry.objects.count()) == (0, 0)


def test_a_head_may_not_move_their_initiative_to_another_unit(head_a, officer_a, unit_b):
    initiative = InitiativeAuthorFactory(officer=officer_a, initiative__unit=officer_a.unit).initiative
    initiative.unit = unit_b
    with pytest.raises(PermissionDenied):
        update_initiative(actor=head_a, initiative=initiative, shares=[Share(officer_a, 100)])
    assert Initiative.objects.get().unit_id == officer_a.unit_id


def test_shares_not_adding_up_leave_the_authors_as_they_were(staff, officer_a, officer_b):
    initiative = InitiativeAuthorFactory(officer=officer_a, initiative__unit=officer_a.unit).initiative
    with pytest.raises(ValidationError) as refused:
        update_initiative(actor=staff, initiative=initiative, shares=[Share(officer_a, 50), Share(officer_b, 40)])
    assert refused.value.messages == ["Tổng tỷ lệ đóng góp của các tác giả phải bằng 100% (hiện là 90%)."]
    assert list(InitiativeAuthor.objects.values_list("officer_id", "share")) == [(officer_a.pk, 100)]
    assert AuditEntry.objects.count() == 0


def test_staff_record_change_and_delete_each_with_one_entry(staff, officer_a, officer_b, province):
    initiative = create_initiative(actor=staff, initiative=_new(province, title="Sáng kiến liên Chi cục"),
                                   shares=[Share(officer_a, 50), Share(officer_b, 50)])
    initiative.scope = "ministry"
    update_initiative(actor=staff, initiative=initiative, shares=[Share(officer_a, 50), Share(officer_b, 50)])
    delete_initiative(actor=staff, initiative=initiative)
    entries = list(AuditEntry.objects.filter(model_label="awards.Initiative").order_by("id").values_list(
        "action", "unit_id"))
    assert entries == [("create", province.pk), ("update", province.pk), ("delete", province.pk)]
    assert AuditEntry.objects.filter(action="update").get().changes == {"scope": ["grassroots", "ministry"]}
    assert (Initiative.objects.count(), InitiativeAuthor.objects.count()) == (0, 0)
