"""The current THADS statistical year (01/10–30/09, the one containing ``today``) of Thi hành án dân sự thành phố
Cần Thơ and its Phòng THADS khu vực, labelled as demo data: a running campaign with tier targets, sub-plans and
pledges due ahead, results in every state. Every date is relative to ``today`` (passed in), every write goes
through the services and lifecycles with the demo accounts as actors, and rows are upserted on their natural keys:
loading twice on a day changes nothing. Loaded after the reorganisation (``emulation.demo.reorganise``)."""

import datetime

from django.contrib.auth import get_user_model

from emulation.models import Officer, Unit

from . import demo_targets, periods, services
from .demo_data import PLEDGE_PATHS
from .models import BracketBasis, Campaign, MetricKind, Milestone, Plan, Pledge, Result, SubjectKind

DEMO = "[Dữ liệu minh họa]"
ISSUER, AREAS = "CTO", ("CTO-KV1", "CTO-KV2", "CTO-KV3")
HEADS = {"CTO-KV1": "truong_vithanh", "CTO-KV2": "truong_longmy"}  # Phòng khu vực 3: staff act on its behalf
DAY = datetime.timedelta(days=1)
TY = demo_targets.TY

THEME = "Kỷ cương, trách nhiệm, đoàn kết, đổi mới, hoàn thành xuất sắc nhiệm vụ sau sắp xếp tổ chức bộ máy"
CONTENT = ("Phát động phong trào thi đua thực hiện thắng lợi các chỉ tiêu, nhiệm vụ thi hành án dân sự, theo dõi "
           "thi hành án hành chính năm {year} trong Thi hành án dân sự thành phố Cần Thơ và các Phòng Thi hành án "
           "dân sự khu vực. " + DEMO + " Kế hoạch, số liệu và ngày tháng do dữ liệu mẫu lập theo ngày nạp.")
# (code, title, metric, basis, brackets as in demo_targets.upsert_brackets)
TIERS = [
    ("2.1", "Phòng THADS khu vực – tỷ lệ thi hành xong trên có điều kiện về việc, theo tổng số giải quyết",
     MetricKind.COMPLETION_CASES, BracketBasis.CASES_TOTAL,
     [(0, True, 1500, False, 78), (1500, True, 3000, False, 76), (3000, True, None, False, 74)]),
    ("2.1", "Phòng THADS khu vực – tỷ lệ thi hành xong trên có điều kiện về tiền, theo tổng số giải quyết",
     MetricKind.COMPLETION_MONEY, BracketBasis.MONEY_TOTAL,
     [(0, True, 300 * TY, False, 42), (300 * TY, True, 600 * TY, False, 40), (600 * TY, True, None, False, 38)]),
]
# Unit results as of the last month-end: (unit, cases total, cases rate ‰, money in tỷ, money rate ‰, state);
# the area's two enforcement officers: one confirmed, one still a draft.
RESULTS = [("CTO-KV1", 1320, 790, 260, 430, "confirmed"), ("CTO-KV2", 2480, 760, 410, 395, "returned"),
           ("CTO-KV3", 1150, 770, 180, 405, "submitted")]
OFFICER_RESULTS = [("HG-CC-VTH-03", "confirmed"), ("HG-CC-VTH-04", "draft")]
# (unit, officer code or None, title aimed at, state); registered in the first days of the year.
PLEDGES = [("CTO-KV1", None, "Tập thể Lao động xuất sắc", "approved"),
           ("CTO-KV2", None, "Tập thể Lao động tiên tiến", "submitted"),
           ("CTO-KV3", None, "Tập thể Lao động tiên tiến", "returned"),
           ("CTO-KV1", "HG-CC-VTH-03", "Chiến sĩ thi đua cơ sở", "draft")]
PLEDGE_RETURN_REASON = "Đề nghị ghi rõ chỉ tiêu về việc, về tiền của từng Chấp hành viên."
PLEDGE_TEXT = ("Đăng ký hoàn thành vượt mức chỉ tiêu thi hành xong về việc và về tiền được giao; không có công "
               "chức, người lao động bị kỷ luật; ổn định tổ chức sau sắp xếp.")


def dates(today: datetime.date) -> dict[str, datetime.date]:
    """Every date of the demo year, from ``today``: deadlines always lie ahead, two of them within 7 days."""
    start, end = periods.statistical_year(today)
    month_end = today.replace(day=1) - DAY
    return {"start": start, "end": end, "year": end.year, "as_of": max(start, month_end),
            "registered": max(start, today - 2 * DAY), "pledges_due": min(end, today + 10 * DAY),
            "subplans_due": today + 5 * DAY, "report_due": today + 3 * DAY, "dossier_due": today + 6 * DAY,
            "interim": min(end, today + 20 * DAY)}


def _users() -> dict:
    names = ["thuongtruc", *HEADS.values()]
    return {u.username: u for u in get_user_model().objects.filter(username__in=names)}


def _actor(users, unit_code):
    return users.get(HEADS.get(unit_code, ""), users["thuongtruc"])


def load_plan(users, day: dict) -> Campaign:
    staff, issuer = users["thuongtruc"], Unit.objects.get(code=ISSUER)
    title = f"{DEMO} Phát động phong trào thi đua năm {day['year']} trong Thi hành án dân sự thành phố Cần Thơ"
    plan = Plan.objects.filter(issuer=issuer, year=day["year"], symbol="KH-THADS", parent=None).first()
    if plan is None:
        plan = services.create_plan(actor=staff, today=day["start"], plan=Plan(
            issuer=issuer, year=day["year"], symbol="KH-THADS", title=title, place="Cần Thơ", theme=THEME,
            content=CONTENT.format(year=day["year"]), signer_title="TRƯỞNG THI HÀNH ÁN DÂN SỰ THÀNH PHỐ"))
    name = f"{DEMO} Phong trào thi đua năm {day['year']}"
    campaign = Campaign.objects.filter(plan=plan, name=name).first() or Campaign(plan=plan, name=name)
    wanted = {"kind": "annual", "theme": THEME, "starts_on": day["start"], "ends_on": day["end"],
              "results_starts_on": day["start"], "results_ends_on": day["end"],
              "pledges_due_on": day["pledges_due"], "dossier_due_on": day["dossier_due"],
              "description": CONTENT.format(year=day["year"])}
    if campaign.pk is None or any(getattr(campaign, k) != v for k, v in wanted.items()):
        for key, value in wanted.items():
            setattr(campaign, key, value)
        save = services.update_campaign if campaign.pk else services.create_campaign
        areas = list(Unit.objects.filter(code__in=AREAS))
        campaign = save(actor=staff, campaign=campaign, participant_units=areas)
    return campaign


def load_milestones(users, campaign: Campaign, day: dict) -> None:
    """The dossier deadline is the campaign's own (``dossier_due_on``), shown with these on the dashboard."""
    rows = [("launch", f"Phát động phong trào thi đua năm {day['year']}", day["start"]),
            ("deadline", "Hạn gửi báo cáo số liệu thi hành án tháng", day["report_due"]),
            ("interim_review", "Sơ kết phong trào thi đua", day["interim"])]
    for kind, title, on in rows:
        milestone = Milestone.objects.filter(campaign=campaign, title=title).first()
        if milestone is None or milestone.starts_on != on:
            milestone = milestone or Milestone(campaign=campaign, title=title, kind=kind)
            milestone.starts_on = on
            services.add_milestone(actor=users["thuongtruc"], milestone=milestone)


def load_subplans(users, campaign: Campaign, day: dict) -> None:
    """Each Phòng khu vực files its own plan by the deadline ahead; Phòng khu vực 1 already has."""
    plan, areas = campaign.plan, list(Unit.objects.filter(code__in=AREAS).order_by("code"))
    if set(plan.subplan_requirements.values_list("unit_id", "due_on")) != {(a.pk, day["subplans_due"]) for a in areas}:
        services.set_subplan_requirements(actor=users["thuongtruc"], plan=plan, units=areas,
                                          due_on=day["subplans_due"])
    first = areas[0]
    if not Plan.objects.filter(parent=plan, issuer=first).exists():
        services.create_plan(actor=_actor(users, first.code), today=day["start"], plan=Plan(
            issuer=first, parent=plan, year=plan.year, symbol="KH-PTHADSKV1", place="Cần Thơ", theme=plan.theme,
            title=f"{DEMO} Thực hiện phong trào thi đua năm {plan.year} của {first.name}",
            legal_basis=f"Kế hoạch {plan.reference} của {plan.issuer.name};"))


def load_pledges(users, campaign: Campaign, day: dict) -> None:
    for unit_code, officer_code, title, state in PLEDGES:
        unit = Unit.objects.get(code=unit_code)
        officer = Officer.objects.get(code=officer_code) if officer_code else None
        if Pledge.objects.filter(campaign=campaign, unit=unit, officer=officer).exists():
            continue
        unit_actor = _actor(users, unit_code)
        pledge = services.register_pledge(actor=unit_actor, pledge=Pledge(
            campaign=campaign, unit=unit, officer=officer, registered_on=day["registered"], target_title=title,
            content=PLEDGE_TEXT))
        for action in PLEDGE_PATHS[state]:  # the unit submits, staff approve or return
            actor = unit_actor if action == "submit" else users["thuongtruc"]
            pledge = services.transition_pledge(actor=actor, pledge=pledge, action=action,
                                                reason=PLEDGE_RETURN_REASON if action == "return" else "")


def load_targets(campaign: Campaign) -> None:
    for position, (code, title, metric, basis, rows) in enumerate(TIERS):
        target = demo_targets.upsert_target(campaign, position, code, title, metric, SubjectKind.SUB_DEPARTMENT,
                                            basis=basis)
        demo_targets.upsert_brackets(target, rows)
    demo_targets.upsert_target(campaign, len(TIERS), "2.2", "Giải quyết đúng thời hạn 100% đơn khiếu nại, tố cáo",
                               MetricKind.PERCENTAGE, SubjectKind.UNIT, value=100)


def load_results(campaign: Campaign, day: dict) -> None:
    """Through ``save_result`` and ``workflow.RESULT`` (``demo_targets.walk_result``)."""
    rows = [(code, None, demo_targets.figures(c, cr, m * TY, mr), state) for code, c, cr, m, mr, state in RESULTS]
    for index, (officer_code, state) in enumerate(OFFICER_RESULTS):
        rows.append(("CTO-KV1", officer_code, demo_targets.figures(180 + 40 * index, 780 - 30 * index,
                                                                   (30 + 12 * index) * TY, 450 - 20 * index), state))
    staff = get_user_model().objects.get(username="thuongtruc")
    for unit_code, officer_code, values, state in rows:
        unit = Unit.objects.get(code=unit_code)
        officer = Officer.objects.get(code=officer_code) if officer_code else None
        if Result.objects.filter(campaign=campaign, unit=unit, officer=officer, as_of=day["as_of"]).exists():
            continue
        result = services.save_result(actor=staff, values={}, result=Result(
            campaign=campaign, unit=unit, officer=officer, as_of=day["as_of"], **values))
        demo_targets.walk_result(result, state)


def load(*, today: datetime.date) -> Campaign:
    users, day = _users(), dates(today)
    campaign = load_plan(users, day)
    load_milestones(users, campaign, day)
    load_subplans(users, campaign, day)
    load_targets(campaign)
    load_pledges(users, campaign, day)
    load_results(campaign, day)
    return campaign


def current_campaign(today: datetime.date) -> Campaign | None:
    year = periods.statistical_year(today)[1].year
    return Campaign.objects.filter(plan__issuer__code=ISSUER, plan__year=year, name__startswith=DEMO).first()
