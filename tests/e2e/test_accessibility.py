# ruff: noqa: F811 - the awards fixtures are imported by name
"""Accessibility: axe-core (from the npm registry, ``package.json``) over the main pages of each role on the demo,
at 1366 and 390 px — no serious or critical violation; every form field has a label (axe's ``label`` rule
among them); and a unit head submits a proposal with the keyboard alone."""

from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from awards.models import CouncilSession, Decision, Proposal, ProposalStatus
from campaigns import demo_current
from campaigns.models import Campaign
from emulation.demo import DEMO_PASSWORD
from tests.awards.conftest import campaign_award, certificate, province_campaign  # noqa: F401
from tests.demo_fixture import demo_module
from tests.services import service_missing

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True), demo_module("accessibility")]
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
SERIOUS = ("serious", "critical")


@pytest.fixture
def axe_source():
    if not AXE.exists():
        service_missing("axe-core is not installed: run `npm ci` (make test does when npm is there)")
    return AXE.read_text()


@pytest.fixture
def demo(live_demo):
    """The demo as loaded today (loaded once for the module: tests/demo_fixture.py)."""
    return demo_current.current_campaign(timezone.localdate())


def _pages(role: str, campaign) -> list[str]:
    proposal = Proposal.objects.filter(campaign=campaign).order_by("pk").first()
    session = CouncilSession.objects.order_by("-pk").first()
    decision = Decision.objects.order_by("-pk").first()
    common = [reverse("reports:dashboard"), reverse("emulation:notification_list"), reverse("emulation:account_edit")]
    pages = {
        "thuongtruc": [reverse("campaigns:plan_list"), reverse("campaigns:campaign_list"),
                       reverse("campaigns:campaign_detail", args=[campaign.pk]),
                       reverse("campaigns:campaign_results", args=[campaign.pk]),
                       reverse("campaigns:campaign_attainment", args=[campaign.pk]),
                       reverse("campaigns:campaign_standings", args=[campaign.pk]),
                       reverse("reports:campaign_dashboard", args=[campaign.pk]),
                       reverse("campaigns:campaign_pledges", args=[campaign.pk]),
                       reverse("awards:campaign_awards", args=[campaign.pk]),
                       reverse("awards:proposal_detail", args=[proposal.pk]),
                       reverse("awards:session_detail", args=[session.pk]),
                       reverse("emulation:unit_list"), reverse("emulation:officer_list"),
                       reverse("emulation:audit_list"), reverse("emulation:register_list"),
                       reverse("awards:typical_list"), reverse("awards:initiative_list"),
                       reverse("awards:initiative_create")],
        "truong_longmy": [reverse("campaigns:campaign_results", args=[campaign.pk]),
                          reverse("awards:campaign_awards", args=[campaign.pk]), reverse("campaigns:pledge_list")],
        "hoidong": [reverse("awards:session_detail", args=[session.pk])],
        "cuctruong": [reverse("campaigns:campaign_standings", args=[_seed_campaign().pk]),  # checked at 390 px too
                      *([reverse("awards:decision_detail", args=[decision.pk])] if decision else [])],
    }
    return common + pages[role]


def _seed_campaign():
    """Seed 001's peak campaign: six Chi cục ranked, one of them on a bracket's gap."""
    return Campaign.objects.get(plan__issuer__code="HG", plan__year=2024, kind="peak")


def _violations(page, axe_source, path) -> list[str]:
    page.goto(page.base_url + path)
    page.add_script_tag(content=axe_source)
    found = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
                          ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' '))}))")
    return [f"{path} {v['id']} ({v['impact']}): {', '.join(v['nodes'][:3])}" for v in found if v["impact"] in SERIOUS]


def _signed_in(browser, live_server, username, width):
    # axe is injected into the page: the browser is told to let that one script past the policy
    context = browser.new_context(locale="vi-VN", viewport={"width": width, "height": 900}, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(15000)
    page.base_url = live_server.url
    if username:
        page.goto(live_server.url + "/to-chuc/dang-nhap/")
        page.fill("#id_username", username)
        page.fill("#id_password", DEMO_PASSWORD)
        with page.expect_navigation():
            page.click("[data-testid=login-submit]")
    return context, page


@pytest.mark.parametrize("role", ["thuongtruc", "truong_longmy", "hoidong", "cuctruong"])
def test_the_main_pages_of_each_role_have_no_serious_violation(browser, live_server, demo, axe_source, role):
    pages = _pages(role, demo)
    problems = []
    for width in (1366, 390):
        context, page = _signed_in(browser, live_server, role, width)
        for path in pages if width == 1366 else pages[:4]:
            problems += _violations(page, axe_source, path)
        context.close()
    assert problems == [], "\n".join(problems)
    assert len(pages) >= 4 if role in ("thuongtruc", "truong_longmy") else len(pages) >= 3


@pytest.mark.parametrize("role", ["thuongtruc", "truong_longmy"])
def test_the_results_grid_has_no_serious_violation_also_with_refused_cells(browser, live_server, demo, axe_source,
                                                                           role):
    path = reverse("campaigns:results_grid", args=[demo.pk])
    problems = []
    for width in (1366, 390):
        context, page = _signed_in(browser, live_server, role, width)
        problems += _violations(page, axe_source, path)
        assert page.locator("[data-testid=grid-row]").count() >= 1
        page.fill("[data-grid] input:not([readonly]) >> nth=0", "1.2.3")
        with page.expect_navigation():
            page.click("[data-testid=grid-save]")
        assert page.locator("[data-testid=cell-error]").count() >= 1
        page.add_script_tag(content=axe_source)
        found = page.evaluate("async () => (await axe.run(document)).violations.filter(v => "
                              "['serious', 'critical'].includes(v.impact)).map(v => v.id)")
        problems += [f"{path} (refused) {v}" for v in found]
        context.close()
    assert problems == [], "\n".join(problems)


def test_the_public_pages_have_no_serious_violation(browser, live_server, demo, axe_source):
    problems = []
    for width in (1366, 390):
        context, page = _signed_in(browser, live_server, None, width)
        for path in ["/to-chuc/dang-nhap/", reverse("awards:honour_board")]:
            problems += _violations(page, axe_source, path)
        context.close()
    assert problems == [], "\n".join(problems)


def test_the_check_finds_what_it_looks_for(browser, live_server, demo, axe_source):
    """A field without a label and grey-on-grey text are reported: the check can fail."""
    context, page = _signed_in(browser, live_server, None, 1366)
    page.goto(live_server.url + "/to-chuc/dang-nhap/")
    page.evaluate("""() => { const i = document.createElement('input'); document.querySelector('main').append(i);
        const p = document.createElement('p'); p.textContent = 'mờ'; p.style.color = '#ccc';
        document.querySelector('main').append(p); }""")
    page.add_script_tag(content=axe_source)
    ids = page.evaluate("async () => (await axe.run(document)).violations.map(v => v.id)")
    assert "label" in ids and "color-contrast" in ids
    context.close()


def _tab_to(page, selector, limit=150) -> None:
    """Press Tab until the element matching ``selector`` has the focus (fail after ``limit`` presses)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => Boolean(document.activeElement && document.activeElement.matches(s))", selector):
            return
    raise AssertionError(f"{selector} cannot be reached with the Tab key")


def test_a_unit_head_nominates_and_submits_with_the_keyboard_alone(browser, live_server, campaign_award, unit_a,
                                                                    officer_a, head_a, media_root):
    from awards.services import proposals as proposal_services
    from tests.awards.test_proposal_services import complete

    campaign = campaign_award.campaign
    campaign.dossier_due_on = timezone.localdate() + timezone.timedelta(days=30)
    campaign.save()
    draft = proposal_services.open_proposal(actor=head_a, campaign=campaign, unit=unit_a,
                                            title="Đề nghị tặng Giấy khen")
    context = browser.new_context(locale="vi-VN", viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.on("dialog", lambda dialog: dialog.accept())  # "Gửi đề nghị?" is answered with Enter too
    page.goto(live_server.url + "/to-chuc/dang-nhap/")
    _tab_to(page, "#id_username")
    page.keyboard.type(head_a.username)
    page.keyboard.press("Tab")
    page.keyboard.type("matkhau-123")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.goto(live_server.url + reverse("awards:proposal_detail", args=[draft.pk]))
    _tab_to(page, "#id_subject")
    while page.evaluate("document.activeElement.value") != f"o{officer_a.pk}":
        page.keyboard.press("ArrowDown")
    _tab_to(page, "[data-testid=nominate-submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    nomination = draft.nominations.get()
    complete(draft, head_a, nomination)  # the meeting, the minutes and the report: forms of their own
    page.reload()
    _tab_to(page, "[data-testid=proposal-submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    draft.refresh_from_db()
    assert draft.status == ProposalStatus.SUBMITTED, page.inner_text("main")[:600]
    context.close()


def test_the_failed_import_page_and_the_plain_audit_log_have_no_serious_violation(browser, live_server, axe_source,
                                                                                   staff, unit_a, unit_b):
    """Pages of issue #14 that the demo does not show: a failed import with its errors, the log with values."""
    from emulation import jobs
    from tests.factories import AuditEntryFactory

    job = jobs.start_job(kind="import_organisation", user=staff, result=jobs.origin(
        start_url=reverse("emulation:import_start"), back_url=reverse("emulation:unit_list")))
    jobs.fail(job.pk, message="Không nhập dữ liệu nào: 1 lỗi cần sửa trong tệp.", errors=[
        {"sheet": "Đơn vị", "row": 2, "column": "Tên đơn vị", "message": "Bắt buộc nhập."}])
    AuditEntryFactory(model_label="emulation.Officer", unit=unit_a, changes={"unit": [unit_a.pk, unit_b.pk]})
    problems = []
    for width in (1366, 390):
        context = browser.new_context(locale="vi-VN", viewport={"width": width, "height": 900}, bypass_csp=True)
        page = context.new_page()
        page.base_url = live_server.url
        page.goto(live_server.url + "/to-chuc/dang-nhap/")
        page.fill("#id_username", staff.username)
        page.fill("#id_password", "matkhau-123")
        with page.expect_navigation():
            page.click("[data-testid=login-submit]")
        for path in (reverse("emulation:job_detail", args=[job.pk]), reverse("emulation:audit_list")):
            problems += _violations(page, axe_source, path)
        assert page.locator("[data-testid=audit-row]").count() == 1
        context.close()
    assert problems == [], "\n".join(problems)
