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


# --- What the list pages and the dashboard show (bench/pages.py) ---------------------------------------------

PAGES_PLAN = "KH-BENCH-2027"
BENCH_PASSWORD = "bench-pages-2026"
IMPORTS = 3  # results imports written to the audit trail, one entry per row (as campaigns.importers does)


def _page_plans(root, provinces) -> Campaign:
    """A national plan with a campaign running today (every sub-unit takes part) and, per province, a plan with
    two campaigns: 35 plans and 69 campaigns for the plan and campaign lists."""
    from campaigns.services.plans import derive_campaign_fields, derive_plan_fields

    plans = [Plan(issuer=root, symbol=PAGES_PLAN, year=2026, title="Kế hoạch thi đua toàn quốc năm 2027 (đo)",
                  issued_on=datetime.date(2026, 10, 1))]
    plans += [Plan(issuer=p, symbol=f"KH-{p.code}", year=2026, issued_on=datetime.date(2026, 10, 5),
                   title=f"Kế hoạch thi đua năm 2027 của {p.name}") for p in provinces]
    for plan in plans:
        derive_plan_fields(plan)
    Plan.objects.bulk_create(plans)
    campaigns = [Campaign(plan=plans[0], kind=CampaignKind.ANNUAL, name="Phong trào thi đua năm 2027 (đo)",
                          starts_on=datetime.date(2026, 10, 1), ends_on=datetime.date(2027, 9, 30),
                          pledges_due_on=datetime.date(2026, 12, 20), dossier_due_on=datetime.date(2027, 10, 15))]
    for plan in plans[1:]:
        for n, (start, end) in enumerate(((datetime.date(2026, 10, 1), datetime.date(2027, 9, 30)),
                                          (datetime.date(2025, 10, 1), datetime.date(2026, 9, 30)))):
            campaigns.append(Campaign(plan=plan, kind=CampaignKind.ANNUAL, name=f"Phong trào thi đua {n + 1} – "
                                      f"{plan.issuer.name}", starts_on=start, ends_on=end))
    for campaign in campaigns:
        derive_campaign_fields(campaign)
    Campaign.objects.bulk_create(campaigns)
    subs = Unit.objects.filter(kind=UnitKind.SUB_DEPARTMENT, code__startswith="BS")
    Participation.objects.bulk_create([Participation(campaign=campaigns[0], unit=u) for u in subs])
    return campaigns[0]


def _page_audit(campaign, provinces) -> int:
    """Three imports of the results (10.700 rows each) in the audit trail, oldest first. The first covers every
    unit; the two later ones, corrections, cover every province but the first: its staff's "recent changes"
    are 21.400 rows back, the case where a walk over the time index filters the most."""
    from emulation.models import AuditEntry

    first = provinces[0].pk
    officers = list(Officer.objects.filter(code__startswith="BO").values_list("pk", "unit_id", "unit__parent_id"))
    units = list(Unit.objects.filter(code__startswith="BS").values_list("pk", "pk", "parent_id"))
    start, count = datetime.datetime(2026, 10, 10, 8, tzinfo=datetime.UTC), 0
    for n in range(IMPORTS):
        at = start + datetime.timedelta(days=10 * n)
        rows = [(f"u{pk}", unit, parent) for pk, unit, parent in units]
        rows += [(f"o{pk}", unit, parent) for pk, unit, parent in officers]
        entries = [AuditEntry(at=at + datetime.timedelta(milliseconds=i), actor_name="Thường trực đo",
                              action="create", model_label="campaigns.Result", object_id=key, unit_id=unit,
                              object_repr=f"Kết quả {key} – {campaign.name}"[:255],
                              changes={"cases_total": [None, i % 400]})
                   for i, (key, unit, parent) in enumerate(rows) if n == 0 or parent != first]
        AuditEntry.objects.bulk_create(entries, batch_size=5000)
        count += len(entries)
    return count


def build_page_data() -> Campaign:
    """Plans, a running campaign and the audit trail of three imports, on top of ``build_dataset``; once."""
    build_dataset()
    campaign = Campaign.objects.filter(plan__symbol=PAGES_PLAN).first()
    if campaign is None:
        with transaction.atomic():
            root = Unit.objects.get(code="BENCH")
            provinces = list(Unit.objects.filter(code__startswith="BP").order_by("code"))
            campaign = _page_plans(root, provinces)
            _page_audit(campaign, provinces)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return campaign


def bench_users() -> dict:
    """Four users with role grants over the bench tree, made once: national staff (the whole tree), provincial
    staff and the provincial director (province BP01 and its sub-units; the director's dashboard draws charts), a
    unit head (one of BP01's sub-units). Password ``BENCH_PASSWORD``."""
    from django.contrib.auth import get_user_model

    from emulation.models import Role, RoleGrant

    province = Unit.objects.get(code="BP01")
    cast = {"national_staff": (Role.STAFF, Unit.objects.get(code="BENCH")),
            "provincial_staff": (Role.STAFF, province),
            "provincial_director": (Role.DIRECTOR, province),
            "unit_head": (Role.UNIT_HEAD, Unit.objects.filter(parent=province).order_by("code").first())}
    users = {}
    for name, (role, unit) in cast.items():
        user, created = get_user_model().objects.get_or_create(username=f"bench_{name}",
                                                               defaults={"first_name": name})
        if created:
            user.set_password(BENCH_PASSWORD)
            user.save(update_fields=["password"])
        RoleGrant.objects.get_or_create(user=user, role=role, unit=unit)
        users[name] = user
    return users
