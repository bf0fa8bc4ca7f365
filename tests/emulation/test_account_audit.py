"""What Django's admin and auth views change without our services is audited too: superuser and staff
status, passwords (set by an admin, changed by their owner), groups and permissions, job deletion, and the
children an officer's deletion cascades to."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from emulation import audit
from emulation.models import Assignment, AuditEntry, Job
from tests.factories import DisciplineFactory, OfficerFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_user(db):
    return UserFactory(username="quantri", is_superuser=True, is_staff=True)


def _entries(**filters):
    return [(e.action, e.actor_id, e.changes) for e in AuditEntry.objects.filter(**filters).order_by("id")]


def test_making_or_loading_accounts_and_signing_in_write_nothing(client, staff):
    staff.refresh_from_db()
    client.force_login(staff)
    assert AuditEntry.objects.filter(model_label="auth.User").count() == 0


def test_superuser_granted_and_revoked_are_audited_with_the_actor(admin_user, head_a):
    with audit.acting_as(admin_user):
        head_a.is_superuser = head_a.is_staff = True
        head_a.save()
        head_a.is_superuser = False
        head_a.save()
    assert _entries(model_label="auth.User", object_id=str(head_a.pk)) == [
        ("update", admin_user.pk, {"is_superuser": [False, True], "is_staff": [False, True]}),
        ("update", admin_user.pk, {"is_superuser": [True, False]}),
    ]
    assert AuditEntry.objects.filter(object_id=str(head_a.pk)).first().unit_id == head_a.role_grants.get().unit_id


def test_an_account_born_superuser_is_a_grant(admin_user):
    assert _entries(model_label="auth.User", object_id=str(admin_user.pk)) == [
        ("create", None, {"is_superuser": [None, True]})]


def test_a_password_set_in_the_admin_is_audited_without_the_hash(client, admin_user, head_a):
    client.force_login(admin_user)
    response = client.post(reverse("admin:auth_user_password_change", args=[head_a.pk]), {
        "password1": "Mua-thu-Ha-Noi-2026", "password2": "Mua-thu-Ha-Noi-2026", "usable_password": "true"})
    assert response.status_code == 302
    assert _entries(model_label="auth.User", object_id=str(head_a.pk)) == [
        ("update", admin_user.pk, {"password": [None, "đã đổi"]})]


def test_changing_ones_own_password_is_audited(client, admin_user):
    client.force_login(admin_user)
    new = "Song-Hau-mua-nuoc-noi"
    response = client.post(reverse("admin:password_change"), {
        "old_password": "matkhau-123", "new_password1": new, "new_password2": new})
    assert response.status_code == 302
    assert _entries(model_label="auth.User", action="update") == [
        ("update", admin_user.pk, {"password": [None, "đã đổi"]})]


def test_groups_and_permissions_are_audited(admin_user, head_a):
    with audit.acting_as(admin_user):
        group = Group.objects.create(name="Biên tập")
        permission = Permission.objects.get(codename="change_unit")
        group.permissions.add(permission)
        head_a.groups.add(group)
        head_a.groups.remove(group)
        group.delete()
    assert [(e.action, e.model_label, e.changes) for e in AuditEntry.objects.exclude(
        model_label="auth.User", object_id=str(admin_user.pk)).order_by("id")] == [
        ("create", "auth.Group", {"name": [None, "Biên tập"]}),
        ("update", "auth.Group", {"permissions": [None, [str(permission)]]}),
        ("update", "auth.User", {"groups": [None, ["Biên tập"]]}),
        ("update", "auth.User", {"groups": [["Biên tập"], None]}),
        ("delete", "auth.Group", {"name": ["Biên tập", None]}),
    ]


def test_deleting_a_job_in_the_admin_is_audited(client, admin_user, staff):
    job = Job.objects.create(kind="import:organisation", created_by=staff, message="Đang chờ")
    client.force_login(admin_user)
    response = client.post(reverse("admin:emulation_job_delete", args=[job.pk]), {"post": "yes"})
    assert (response.status_code, Job.objects.count()) == (302, 0)
    [entry] = AuditEntry.objects.filter(model_label="emulation.Job")
    assert (entry.action, entry.actor, entry.object_id, entry.changes["kind"]) == (
        "delete", admin_user, str(job.pk), ["import:organisation", None])


def test_an_officers_deletion_audits_the_children_it_cascades_to(admin_user, unit_a):
    officer = OfficerFactory(unit=unit_a)
    assignment = Assignment.objects.create(officer=officer, unit=unit_a, starts_on="2020-01-01")
    discipline = DisciplineFactory(officer=officer)
    with audit.acting_as(admin_user):
        officer.delete()
    assert sorted((e.model_label, e.object_id, e.action, e.actor_id, e.unit_id) for e in AuditEntry.objects.filter(
        model_label__in=["emulation.Assignment", "emulation.Discipline"])) == [
        ("emulation.Assignment", str(assignment.pk), "delete", admin_user.pk, unit_a.pk),
        ("emulation.Discipline", str(discipline.pk), "delete", admin_user.pk, unit_a.pk)]


def test_a_child_deleted_by_name_is_left_to_the_service_that_deletes_it(admin_user, unit_a):
    discipline = DisciplineFactory(officer=OfficerFactory(unit=unit_a))
    discipline.delete()
    assert not AuditEntry.objects.filter(model_label="emulation.Discipline").exists()
