"""A national-scale dataset for the attainment benchmark: 34 provinces, 700 sub-units, 10.000
officers, 12 monthly reporting dates (≈128.000 confirmed results). Built once; reused after."""

import datetime
import random
from decimal import Decimal

from django.db import connection, transaction

from campaigns.attainment import evaluate
from campaigns.brackets import find_bracket
from campaigns.models import Campaign, CampaignKind, Participation, Plan, Result, Target, TargetBracket
from emulation.models import Officer, Unit, UnitKind
from emulation.services import derive_officer_fields, derive_unit_fields

NAME = "Bench – toàn quốc"
PROVINCES, SUB_UNITS, OFFICERS = 34, 700, 10_000
DATES = [datetime.date(2023 + (m > 2), (9 + m) % 12 + 1, 1) - datetime.timedelta(days=1) for m in range(1, 13)]
TY = 10**9
TIERS = [  # seed 001's tables with the edge gaps fixed ("từ … trở lên")
    ("sub_department", "completion_cases", "cases_total", [(0, 800, 77), (800, 1000, 76), (1000, 1500, 75),
                                                           (1500, None, 74)]),
    ("sub_department", "completion_money", "money_total", [(0, 100 * TY, 40), (100 * TY, 150 * TY, 38),
                                                           (150 * TY, 300 * TY, 36), (300 * TY, None, 34)]),
    ("enforcement_officer", "completion_cases", "cases_total", [(0, 100, 77), (100, 200, 75), (200, 300, 73),
                                                                (300, None, 71)]),
    ("enforcement_officer", "completion_money", "money_total", [(0, 10 * TY, 45), (10 * TY, 50 * TY, 43),
                                                                (50 * TY, 100 * TY, 41), (100 * TY, None, 39)]),
]


def _units() -> list[Unit]:
    root = Unit(code="BENCH", name="Cục Quản lý THADS (dữ liệu đo)", kind=UnitKind.NATIONAL)
    derive_unit_fields(root)
    root.save()
    Unit.objects.filter(pk=root.pk).update(path=f"/{root.pk:06d}/")
    provinces = [Unit(code=f"BP{p:02d}", name=f"THADS tỉnh đo {p:02d}", kind=UnitKind.PROVINCIAL, parent=root)
                 for p in range(1, PROVINCES + 1)]
    subs = [Unit(code=f"BS{s:04d}", name=f"Phòng THADS khu vực đo {s:04d}", kind=UnitKind.SUB_DEPARTMENT,
                 parent=provinces[s % PROVINCES]) for s in range(SUB_UNITS)]
    for unit in provinces + subs:
        derive_unit_fields(unit)
    Unit.objects.bulk_create(provinces)
    Unit.objects.bulk_create(subs)
    for unit in provinces:
        unit.path = f"/{root.pk:06d}/{unit.pk:06d}/"
    for unit in subs:
        unit.path = f"{unit.parent.path}{unit.pk:06d}/"
    Unit.objects.bulk_update(provinces + subs, ["path"], batch_size=1000)
    return subs


def _officers(subs) -> list[Officer]:
    officers = []
    for n in range(OFFICERS):
        officer = Officer(code=f"BO{n:05d}", full_name=f"Nguyễn Văn Đo {n}", gender="male", unit=subs[n % SUB_UNITS],
                          is_enforcement_officer=n % 14 < 4, position="Chấp hành viên" if n % 14 < 4 else "Thư ký")
        derive_officer_fields(officer)
        officers.append(officer)
    Officer.objects.bulk_create(officers, batch_size=2000)
    return officers


def _campaign(subs) -> Campaign:
    plan = Plan.objects.create(issuer=subs[0].parent.parent, symbol="KH-BENCH", year=2024, title=NAME)
    campaign = Campaign.objects.create(plan=plan, kind=CampaignKind.ANNUAL, name=NAME, starts_on=DATES[0],
                                       ends_on=DATES[-1])
    Participation.objects.bulk_create([Participation(campaign=campaign, unit=u) for u in subs])
    for position, (subject, metric, basis, rows) in enumerate(TIERS):
        target = Target.objects.create(campaign=campaign, title=f"{subject} {metric}", metric_kind=metric,
                                       subject_kind=subject, basis=basis, position=position)
        TargetBracket.objects.bulk_create([TargetBracket(target=target, lower=lo, upper=hi, value=Decimal(v))
                                           for lo, hi, v in rows])
    Target.objects.create(campaign=campaign, title="Hoàn thành xuất sắc nhiệm vụ", metric_kind="boolean",
                          subject_kind="other_officer", position=9)
    return campaign


def _figures(rng, cases_scale, money_scale) -> dict:
    cases_total = rng.randint(1, cases_scale)
    cases_cond = rng.randint(0, cases_total)
    money_total = rng.randint(1, money_scale)
    money_cond = rng.randint(0, money_total)
    return {"cases_total": cases_total, "cases_with_conditions": cases_cond,
            "cases_completed": rng.randint(0, cases_cond), "money_total": money_total,
            "money_with_conditions": money_cond, "money_completed": rng.randint(0, money_cond)}


def _results(campaign, subs, officers) -> int:
    rng, batch, count = random.Random(2026), [], 0
    for as_of in DATES:
        for unit in subs:
            batch.append(Result(campaign=campaign, unit=unit, as_of=as_of, status="confirmed",
                                **_figures(rng, 2000, 400 * TY)))
        for officer in officers:
            batch.append(Result(campaign=campaign, unit_id=officer.unit_id, officer=officer, as_of=as_of,
                                status="confirmed", **_figures(rng, 400, 150 * TY)))
        Result.objects.bulk_create(batch, batch_size=5000)
        count, batch = count + len(batch), []
    return count


def build_dataset() -> tuple[Campaign, dict]:
    campaign = Campaign.objects.filter(name=NAME).first()
    if campaign is None:
        with transaction.atomic():
            subs = _units()
            officers = _officers(subs)
            campaign = _campaign(subs)
            _results(campaign, subs, officers)
    counts = {"units": campaign.participations.count(), "dates": len(DATES),
              "officers": Officer.objects.filter(unit__participations__campaign=campaign).count(),
              "results": campaign.results.count()}
    return campaign, counts


def naive_attainment(campaign: Campaign, limit: int) -> int:
    """What a first version would do: per subject, fetch its latest result and the targets one by one."""
    subjects = [(p.unit, None) for p in campaign.participations.select_related("unit")[:limit // 2]]
    subjects += [(o.unit, o) for o in Officer.objects.filter(unit__participations__campaign=campaign)
                 .select_related("unit")[:limit - len(subjects)]]
    for unit, officer in subjects:
        result = Result.objects.filter(campaign=campaign, unit=unit, officer=officer, status="confirmed") \
            .order_by("-as_of").first()
        for target in Target.objects.filter(campaign=campaign):
            if target.basis == "none":
                continue
            brackets = [b.as_rule() for b in TargetBracket.objects.filter(target=target)]
            key = "cases" if target.metric_kind == "completion_cases" else "money"
            placement = find_bracket(brackets, getattr(result, f"{key}_total"))
            if placement.bracket:
                evaluate(getattr(result, f"{key}_completed"), getattr(result, f"{key}_with_conditions"),
                         placement.bracket.target)
    return len(subjects)


def raw_sql_floor(campaign: Campaign) -> int:
    """The floor: one query that reads each subject's latest figures and divides; nothing else."""
    with connection.cursor() as cursor:
        cursor.execute("""
            SELECT DISTINCT ON (unit_id, officer_id) unit_id, officer_id, cases_total, money_total,
                   cases_completed * 100.0 / NULLIF(cases_with_conditions, 0),
                   money_completed * 100.0 / NULLIF(money_with_conditions, 0)
            FROM campaigns_result WHERE campaign_id = %s AND status = 'confirmed'
            ORDER BY unit_id, officer_id, as_of DESC""", [campaign.pk])
        return len(cursor.fetchall())


def bench_users() -> dict:
    """The bench's users, created once: national staff over the whole tree, staff of one province, the head of
    one of that province's sub-units. Idempotent (get-or-create on username and grant)."""
    from django.contrib.auth import get_user_model

    from emulation.models import Role, RoleGrant

    root = Unit.objects.get(code="BENCH")
    province = Unit.objects.get(code="BP01")
    sub_unit = Unit.objects.filter(parent=province).order_by("code").first()
    wanted = {"national_staff": (Role.STAFF, root), "provincial_staff": (Role.STAFF, province),
              "unit_head": (Role.UNIT_HEAD, sub_unit)}
    users = {}
    for name, (role, unit) in wanted.items():
        user, _ = get_user_model().objects.get_or_create(username=f"bench_{name}")
        RoleGrant.objects.get_or_create(user=user, role=role, unit=unit)
        users[name] = user
    return users
