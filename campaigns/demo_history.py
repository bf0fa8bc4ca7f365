"""The two statistical years before the current one (``demo_current``), labelled as demo data, so that the
director's dashboard compares completion year on year across the 01/07/2025 reorganisation: an annual campaign
of each year with confirmed unit figures at its end. A year that began before the reorganisation belongs to Cục
THADS tỉnh Hậu Giang and its Chi cục and closes on 30/06/2025, when they were dissolved (their figures count for
the Phòng THADS khu vực that took them over); later years belong to Thi hành án dân sự thành phố Cần Thơ and its
Phòng khu vực. Years before 2025 are not made up. Written through the services and the result lifecycle as the
administrator, upserted on natural keys: loading twice changes nothing."""

import datetime

from emulation.demo_data import REORGANISED
from emulation.models import Unit

from . import demo_targets, periods, services
from .demo_current import AREAS, DEMO, ISSUER, TIERS
from .models import Campaign, Plan, Result, SubjectKind

TY = demo_targets.TY
FIRST_YEAR = 2025
# (unit code, cases total, cases rate ‰, money in tỷ, money rate ‰) by statistical year offset (-2, -1)
FIGURES = {
    ISSUER: [("CTO-KV1", 1290, 760, 250, 410), ("CTO-KV2", 2400, 735, 400, 380), ("CTO-KV3", 1100, 745, 170, 395)],
    "HG": [("HG-CC-VTH", 630, 770, 80, 410), ("HG-CC-NB", 800, 730, 115, 360), ("HG-CC-LMX", 1450, 790, 150, 340),
           ("HG-CC-LMH", 1180, 750, 290, 350), ("HG-CC-VTY", 960, 760, 90, 400), ("HG-CC-CT", 540, 690, 38, 440),
           ("HG-CC-CTA", 1690, 740, 300, 320), ("HG-CC-PH", 740, 780, 68, 380)],
}
ADJUST = {-2: -15, -1: 0}  # ‰ on the case rate: the older year a little lower


def _year(statistical_year: int) -> dict:
    start, end = datetime.date(statistical_year - 1, 10, 1), datetime.date(statistical_year, 9, 30)
    if start < REORGANISED:
        return {"issuer": "HG", "start": start, "end": REORGANISED - datetime.timedelta(days=1),
                "place": "Hậu Giang", "signer": "CỤC TRƯỞNG", "units": [code for code, *_ in FIGURES["HG"]]}
    return {"issuer": ISSUER, "start": start, "end": end, "place": "Cần Thơ",
            "signer": "TRƯỞNG THI HÀNH ÁN DÂN SỰ THÀNH PHỐ", "units": list(AREAS)}


def _campaign(actor, statistical_year: int, year: dict) -> Campaign:
    issuer = Unit.objects.get(code=year["issuer"])
    plan = Plan.objects.filter(issuer=issuer, year=statistical_year, symbol="KH-THADS", parent=None).first()
    if plan is None:
        plan = services.create_plan(actor=actor, today=year["start"], plan=Plan(
            issuer=issuer, year=statistical_year, symbol="KH-THADS", place=year["place"], signer_title=year["signer"],
            title=f"{DEMO} Phát động phong trào thi đua năm {statistical_year} của {issuer.name}"))
    name = f"{DEMO} Phong trào thi đua năm {statistical_year} của {issuer.short_name or issuer.name}"
    campaign = Campaign.objects.filter(plan=plan, name=name).first()
    if campaign is None:
        campaign = services.create_campaign(actor=actor, campaign=Campaign(
            plan=plan, name=name, kind="annual", starts_on=year["start"], ends_on=year["end"],
            results_starts_on=year["start"], results_ends_on=year["end"]),
            participant_units=list(Unit.objects.filter(code__in=year["units"])))
    return campaign


def _targets(campaign: Campaign) -> None:
    for position, (code, title, metric, basis, rows) in enumerate(TIERS):
        target = demo_targets.upsert_target(campaign, position, code, title.replace("Phòng THADS khu vực", "Đơn vị"),
                                            metric, SubjectKind.SUB_DEPARTMENT, basis=basis)
        demo_targets.upsert_brackets(target, rows)


def _results(actor, campaign: Campaign, year: dict, offset: int) -> None:
    for code, cases, cases_rate, money, money_rate in FIGURES[year["issuer"]]:
        unit = Unit.objects.get(code=code)
        if Result.objects.filter(campaign=campaign, unit=unit, officer=None, as_of=year["end"]).exists():
            continue
        values = demo_targets.figures(cases, cases_rate + ADJUST[offset], money * TY, money_rate)
        result = services.save_result(actor=actor, values={}, result=Result(
            campaign=campaign, unit=unit, as_of=year["end"], **values))
        demo_targets.walk_result(result, "confirmed")


def load(*, today: datetime.date) -> list[Campaign]:
    from .demo import demo_actor

    actor, current = demo_actor(), periods.statistical_year(today)[1].year
    loaded = []
    for offset in (-2, -1):
        statistical_year = current + offset
        if statistical_year < FIRST_YEAR:
            continue
        year = _year(statistical_year)
        campaign = _campaign(actor, statistical_year, year)
        _targets(campaign)
        _results(actor, campaign, year, offset)
        loaded.append(campaign)
    return loaded
