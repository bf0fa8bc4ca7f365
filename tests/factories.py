"""factory_boy factories. Units and officers go through the same save functions as the app."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from awards.models import Initiative, InitiativeAuthor, InitiativeScope
from campaigns import services as campaign_services
from campaigns.models import (
    AttainmentRow,
    AttainmentSnapshot,
    Campaign,
    CampaignKind,
    Participation,
    Plan,
    Pledge,
    Result,
    ResultValue,
    StandingRow,
    Target,
)
from emulation import services as org_services
from emulation.models import (
    AuditEntry,
    Channel,
    DigestItem,
    Discipline,
    DisciplineForm,
    FormSubmission,
    Gender,
    Notification,
    NotificationPreference,
    Officer,
    OutboundEmail,
    Reorganisation,
    ReorganisationItem,
    ReorganisationKind,
    RoleGrant,
    Unit,
    UnitKind,
    UnitSuccession,
)
from emulation.reorganisation import DEFAULT_POSITION_MAPPING


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    code = factory.Sequence(lambda n: f"U{n:04d}")
    name = factory.Sequence(lambda n: f"Chi cục Thi hành án dân sự số {n}")
    kind = UnitKind.SUB_DEPARTMENT
    parent = None

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return org_services.save_unit(model_class(*args, **kwargs))


class OfficerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Officer

    code = factory.Sequence(lambda n: f"CB{n:05d}")
    full_name = factory.Iterator(["Nguyễn Văn An", "Trần Thị Bình", "Lê Hoàng Cường", "Phạm Thị Dung"])
    gender = Gender.MALE
    unit = factory.SubFactory(UnitFactory)
    position = "Chấp hành viên"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return org_services.save_officer(model_class(*args, **kwargs))


class DisciplineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Discipline

    officer = factory.SubFactory(OfficerFactory)
    form = DisciplineForm.REPRIMAND
    decided_on = datetime.date(2024, 1, 15)
    ends_on = datetime.date(2025, 1, 15)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", "matkhau-123")

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class FormSubmissionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FormSubmission

    user = factory.SubFactory(UserFactory)
    key = factory.Sequence(lambda n: f"{n:032x}")
    path = "/phong-trao/1/moc/them/"
    result_url = "/phong-trao/1/"


class RoleGrantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoleGrant

    user = factory.SubFactory(UserFactory)
    unit = factory.SubFactory(UnitFactory)


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan

    issuer = factory.SubFactory(UnitFactory)
    number = factory.Sequence(lambda n: n + 1)
    symbol = "KH-CTHADS"
    year = 2024
    issued_on = datetime.date(2024, 3, 20)
    title = factory.Sequence(lambda n: f"Kế hoạch phát động phong trào thi đua số {n}")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return campaign_services.save_plan(model_class(*args, **kwargs))


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign

    plan = factory.SubFactory(PlanFactory)
    kind = CampaignKind.PEAK
    name = factory.Sequence(lambda n: f"Đợt thi đua cao điểm số {n}")
    starts_on = datetime.date(2024, 4, 1)
    ends_on = datetime.date(2024, 6, 30)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return campaign_services.save_campaign(model_class(*args, **kwargs))


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participation

    campaign = factory.SubFactory(CampaignFactory)
    unit = factory.SubFactory(UnitFactory)


class TargetFactory(factory.django.DjangoModelFactory):
    """A flat completion-by-cases target of 76 % for the sub-departments (Chi cục)."""

    class Meta:
        model = Target

    campaign = factory.SubFactory(CampaignFactory)
    code = factory.Sequence(lambda n: f"3.{n + 1}")
    title = "Chi cục – tỷ lệ thi hành xong trên có điều kiện về việc"
    metric_kind = "completion_cases"
    subject_kind = "sub_department"
    value = 76


class ResultFactory(factory.django.DjangoModelFactory):
    """A unit's own draft result (``officer`` empty), within the campaign's emulation period."""

    class Meta:
        model = Result

    campaign = factory.SubFactory(CampaignFactory)
    unit = factory.SubFactory(UnitFactory)
    as_of = datetime.date(2024, 6, 30)
    cases_total, cases_with_conditions, cases_completed = 900, 800, 600
    money_total, money_with_conditions, money_completed = 0, 0, 0


class ResultValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ResultValue

    result = factory.SubFactory(ResultFactory)
    target = factory.SubFactory(TargetFactory, campaign=factory.SelfAttribute("..result.campaign"), metric_kind="count",
                                subject_kind="unit", value=10)
    number = 5


class AttainmentSnapshotFactory(factory.django.DjangoModelFactory):
    """An empty snapshot (``snapshots.recompute`` stores the real ones with their rows)."""

    class Meta:
        model = AttainmentSnapshot

    campaign = factory.SubFactory(CampaignFactory)
    inputs_digest = factory.Sequence(lambda n: f"{n:064x}")


class StandingRowFactory(factory.django.DjangoModelFactory):
    """A unit first of two in group 1, with both targets met."""

    class Meta:
        model = StandingRow

    snapshot = factory.SubFactory(AttainmentSnapshotFactory)
    position = factory.Sequence(lambda n: n)
    unit = factory.SubFactory(UnitFactory)
    group = 1
    group_label = "3.1 về việc; 3.2 về tiền"
    rank = 1
    peers = 2
    met = 2
    assessed = 2
    mean_ratio = 105
    min_ratio = 102


class PledgeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pledge

    campaign = factory.SubFactory(CampaignFactory)
    unit = factory.SubFactory(UnitFactory)
    officer = None
    registered_on = datetime.date(2024, 4, 5)
    content = "Phấn đấu hoàn thành xuất sắc chỉ tiêu về việc và về tiền."


def file_subplan(*, parent, issuer, **kwargs):
    """A sub-unit's plan under ``parent``, filed the way the pages file it (``services.create_plan``):
    the requirement on ``issuer`` moves to *filed* through ``campaigns.workflow.SUBPLAN``."""
    actor = UserFactory(is_superuser=True)
    return campaign_services.create_plan(actor=actor, plan=PlanFactory.build(parent=parent, issuer=issuer, **kwargs))


class ReorganisationFactory(factory.django.DjangoModelFactory):
    """A merger decided on 25/06/2025, effective 01/07/2025 (the 2025 reorganisation), with the default position
    mapping; add its items with ``ReorganisationItemFactory``."""

    class Meta:
        model = Reorganisation

    kind = ReorganisationKind.MERGE
    decision_number = factory.Sequence(lambda n: f"{n + 1}/QĐ-BTP")
    decision_date = datetime.date(2025, 6, 25)
    issuer = "Bộ trưởng Bộ Tư pháp"
    effective_on = datetime.date(2025, 7, 1)
    position_mapping = factory.LazyFunction(lambda: [list(pair) for pair in DEFAULT_POSITION_MAPPING])


class ReorganisationItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReorganisationItem

    reorganisation = factory.SubFactory(ReorganisationFactory)
    predecessor = factory.SubFactory(UnitFactory)
    successor = factory.SubFactory(UnitFactory)
    receives = True


class UnitSuccessionFactory(factory.django.DjangoModelFactory):
    """A merger effective 01/07/2025."""

    class Meta:
        model = UnitSuccession

    predecessor = factory.SubFactory(UnitFactory)
    successor = factory.SubFactory(UnitFactory)
    kind = "merge"
    effective_on = datetime.date(2025, 7, 1)


class NotificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Notification

    recipient = factory.SubFactory(UserFactory)
    event_key = factory.Sequence(lambda n: f"test-{n}")
    kind = "result.return"
    verb = factory.Sequence(lambda n: f"Thông báo số {n}")
    url = "/"
    actor_name = "Thường trực"


class NotificationPreferenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NotificationPreference

    user = factory.SubFactory(UserFactory)
    kind = "result.return"
    channel = Channel.EMAIL


class OutboundEmailFactory(factory.django.DjangoModelFactory):
    """A pending email of one notification, due now."""

    class Meta:
        model = OutboundEmail

    notification = factory.SubFactory(NotificationFactory)
    recipient = factory.SelfAttribute("notification.recipient")
    to_address = factory.Sequence(lambda n: f"nguoi{n}@thidua.example")
    subject = "[Thi đua – Khen thưởng] Kết quả bị trả lại: Chi cục Vị Thanh"
    body = factory.Sequence(lambda n: f"Thông báo số {n}: số liệu bị trả lại, cần sửa và gửi lại.")
    next_attempt_at = factory.LazyFunction(timezone.now)


class DigestItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DigestItem

    notification = factory.SubFactory(NotificationFactory)
    recipient = factory.SelfAttribute("notification.recipient")


class AttainmentRowFactory(factory.django.DjangoModelFactory):
    """A stored row of the attainment table: by default a unit that met a completion rate of 80 %."""

    class Meta:
        model = AttainmentRow

    snapshot = factory.SubFactory(AttainmentSnapshotFactory)
    position = factory.Sequence(lambda n: n)
    unit = factory.SubFactory(UnitFactory)
    target_code = "1.1"
    metric_kind = "completion_cases"
    target_value = 80
    actual = 80
    actual_display = "80,00%"
    state = "met"


class AuditEntryFactory(factory.django.DjangoModelFactory):
    """An entry as ``emulation.audit.record`` writes it (the tests of the log's display give ``changes``)."""

    class Meta:
        model = AuditEntry

    actor_name = "Nguyễn Văn An"
    action = "update"
    model_label = "emulation.Unit"
    object_id = "1"
    object_repr = "Phòng Thi hành án dân sự khu vực 1"
    changes = factory.LazyFunction(dict)


class InitiativeFactory(factory.django.DjangoModelFactory):
    """A grassroots initiative recognised on 12/12/2023; authors are added with InitiativeAuthorFactory."""

    class Meta:
        model = Initiative

    unit = factory.SubFactory(UnitFactory)
    title = factory.Sequence(lambda n: f"Sáng kiến số hóa hồ sơ thi hành án {n}")
    field = "Tổ chức thi hành án"
    scope = InitiativeScope.GRASSROOTS
    decision_number = factory.Sequence(lambda n: f"{n + 1}/QĐ-THADS")
    decided_on = datetime.date(2023, 12, 12)
    decided_by = "Thi hành án dân sự tỉnh Hậu Giang"


class InitiativeAuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InitiativeAuthor

    initiative = factory.SubFactory(InitiativeFactory)
    officer = factory.SubFactory(OfficerFactory, unit=factory.SelfAttribute("..initiative.unit"))
    share = 100
