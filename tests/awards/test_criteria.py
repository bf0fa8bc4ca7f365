"""Each eligibility rule on its own, on plain facts (no database)."""

import datetime

import pytest

from awards.criteria import (
    AttainmentFact,
    AwardFact,
    Candidate,
    Context,
    DisciplineFact,
    HoldFact,
    InitiativeFact,
    Outcome,
    Spec,
    Verdict,
    assess,
    check_attainment,
    check_discipline_served,
    check_head_collective,
    check_initiative,
    check_member_awards,
    check_members_rating,
    check_no_discipline,
    check_no_member_discipline,
    check_pending_cases,
    check_prior_award,
    check_qualitative,
    check_rating,
    known_on,
    longest_run,
    ranking_key,
)

pytestmark = pytest.mark.unit
D = datetime.date
# Seed 001: results period 01/10/2023–30/06/2024, judged on the dossier deadline.
CTX = Context(on=D(2024, 6, 28), period_start=D(2023, 10, 1), period_end=D(2024, 6, 30), snapshot="ảnh chụp 28/06/2024")
WINDOW = {"from": "2023-10-01", "to": "2024-06-30", "min_form": "reprimand"}


def officer(**kwargs) -> Candidate:
    return Candidate(is_collective=False, name="Nguyễn Văn An", unit_name="Chi cục Vị Thanh", **kwargs)


def collective(**kwargs) -> Candidate:
    return Candidate(is_collective=True, name="Chi cục Vị Thanh", unit_name="Chi cục Vị Thanh", **kwargs)


def reprimand(decided_on, ends_on=None, person="Nguyễn Văn An", form="reprimand"):
    return DisciplineFact(person=person, form=form, decided_on=decided_on, ends_on=ends_on, reference="12/QĐ-CTHADS")


def met(target="3.2"):
    return AttainmentFact(target=target, state="met", actual="80,00%", target_value="77.00")


def test_pending_case_blocks_and_is_cited():
    finding = check_pending_cases(officer(holds=[HoldFact("Nguyễn Văn An", "Đang xác minh khiếu nại", D(2024, 5, 2))]),
                                  CTX)
    assert finding.outcome == Outcome.NOT_MET
    assert "02/05/2024" in finding.cites[0]


def test_closed_case_does_not_block():
    hold = HoldFact("Nguyễn Văn An", "Đang điều tra", D(2024, 1, 2), closed_on=D(2024, 3, 1))
    assert check_pending_cases(officer(holds=[hold]), CTX).outcome == Outcome.MET


@pytest.mark.parametrize(("ends_on", "outcome"), [
    (None, Outcome.NOT_MET),  # not served yet
    (D(2024, 9, 1), Outcome.NOT_MET),  # ends after the period
    (D(2024, 2, 1), Outcome.JUDGEMENT),  # served inside the period: achievements from 01/02/2024 only
    (D(2023, 9, 30), Outcome.MET),  # served before the period began
])
def test_achievements_count_only_after_the_discipline_is_served(ends_on, outcome):
    finding = check_discipline_served(officer(disciplines=[reprimand(D(2023, 2, 1), ends_on)]), CTX)
    assert finding.outcome == outcome
    if outcome == Outcome.JUDGEMENT:
        assert "01/02/2024" in finding.text


def test_attainment_met_not_met_and_missing():
    assert check_attainment(officer(attainment=[met("3.2 về việc"), met("3.2 về tiền")]), {}, CTX, "").outcome \
        == Outcome.MET
    short = AttainmentFact(target="3.2 về việc", state="not_met", actual="70,00%", target_value="77.00")
    finding = check_attainment(officer(attainment=[met(), short]), {}, CTX, "")
    assert finding.outcome == Outcome.NOT_MET
    assert any("70,00%" in cite and "chưa đạt" in cite for cite in finding.cites)
    assert "ảnh chụp 28/06/2024" in finding.cites
    assert check_attainment(officer(attainment=[]), {}, CTX, "").outcome == Outcome.JUDGEMENT
    assert check_attainment(officer(attainment=None), {}, CTX, "").outcome == Outcome.JUDGEMENT
    gap = AttainmentFact(target="3.1", state="not_computable", actual=None, target_value=None,
                         reason="1.500 việc không thuộc khung nào")
    assert check_attainment(collective(attainment=[gap]), {}, CTX, "").outcome == Outcome.JUDGEMENT


def test_discipline_window_and_minimum_form():
    inside = reprimand(D(2024, 3, 1), D(2025, 3, 1))
    before = reprimand(D(2023, 9, 30), D(2024, 9, 30))
    assert check_no_discipline(officer(disciplines=[inside]), WINDOW, CTX, "").outcome == Outcome.NOT_MET
    assert check_no_discipline(officer(disciplines=[before]), WINDOW, CTX, "").outcome == Outcome.MET
    warning_or_more = {**WINDOW, "min_form": "warning"}
    assert check_no_discipline(officer(disciplines=[inside]), warning_or_more, CTX, "").outcome == Outcome.MET


def test_no_member_disciplined():
    member = reprimand(D(2024, 4, 10), D(2025, 4, 10), person="Trần Văn Bảo")
    finding = check_no_member_discipline(collective(member_disciplines=[member]), WINDOW, CTX, "")
    assert finding.outcome == Outcome.NOT_MET
    assert "Trần Văn Bảo" in finding.cites[0]
    assert check_no_member_discipline(collective(), WINDOW, CTX, "").outcome == Outcome.MET


def test_prior_award_counts_matching_records():
    params = {"award_codes": ["DHTT_NGANH_NAM"], "min_count": 1, "from_year": 2021, "to_year": 2025}
    record = AwardFact("DHTT_NGANH_NAM", "Điển hình tiên tiến ngành Tư pháp hằng năm", 2022, "15/QĐ-BTP")
    assert check_prior_award(officer(awards=[record]), params, CTX, "").outcome == Outcome.MET
    old = AwardFact("DHTT_NGANH_NAM", "Điển hình tiên tiến ngành Tư pháp hằng năm", 2019, "9/QĐ-BTP")
    assert check_prior_award(officer(awards=[old]), params, CTX, "").outcome == Outcome.NOT_MET


def test_member_awards_share_and_count():
    excellent = {"award_code": "LDTT", "year": 2024, "min_percent": 70}
    assert check_member_awards(collective(members=10, member_awards={("LDTT", 2024): 7}), excellent, CTX, "").outcome \
        == Outcome.MET
    assert check_member_awards(collective(members=10, member_awards={("LDTT", 2024): 6}), excellent, CTX, "").outcome \
        == Outcome.NOT_MET
    one_cstdcs = {"award_code": "CSTDCS", "year": 2024, "min_count": 1}
    assert check_member_awards(collective(members=10), one_cstdcs, CTX, "").outcome == Outcome.NOT_MET


def test_qualitative_criteria_are_advisory():
    finding = check_qualitative(officer(), {}, CTX, "Nội bộ đoàn kết")
    assert finding.outcome == Outcome.JUDGEMENT and finding.advisory
    assert assess(officer(attainment=[met()]), [Spec("attainment", {}), Spec("qualitative", {}, "Nội bộ đoàn kết")],
                  CTX).verdict == Verdict.ELIGIBLE


def test_head_of_unit_needs_the_collective_criteria_too():
    specs = [Spec("no_discipline", WINDOW, applies_to="individual"),
             Spec("no_member_discipline", WINDOW, applies_to="collective"),
             Spec("head_collective", {}, applies_to="individual")]
    unit = collective(member_disciplines=[reprimand(D(2024, 4, 10), D(2025, 4, 10), person="Trần Văn Bảo")])
    head = officer(is_head=True, collective=unit)
    finding = check_head_collective(head, specs, CTX, "")
    assert finding.outcome == Outcome.NOT_MET
    assert "Trần Văn Bảo" not in finding.text and finding.cites
    assert assess(head, specs, CTX).verdict == Verdict.NOT_ELIGIBLE
    assert assess(officer(is_head=False, collective=unit), specs, CTX).verdict == Verdict.ELIGIBLE


def test_verdict_combines_findings():
    specs = [Spec("attainment", {}), Spec("no_discipline", WINDOW)]
    assert assess(officer(attainment=[met()]), specs, CTX).verdict == Verdict.ELIGIBLE
    assert assess(officer(attainment=[]), specs, CTX).verdict == Verdict.NEEDS_JUDGEMENT
    disciplined = officer(attainment=[met()], disciplines=[reprimand(D(2024, 3, 1), D(2025, 3, 1))])
    assessment = assess(disciplined, specs, CTX)
    assert assessment.verdict == Verdict.NOT_ELIGIBLE
    assert assessment.as_dict()["findings"][0]["criterion"].startswith("Không đang bị")


def test_women_first_among_equals():
    specs = [Spec("attainment", {})]
    man, woman = officer(attainment=[met()]), officer(attainment=[met()], female=True)
    ordered = sorted([(man, "a"), (woman, "b")], key=lambda p: ranking_key(p[0], assess(p[0], specs, CTX), p[1]))
    assert ordered[0][0] is woman
    better = officer(attainment=[met(), met("3.3")])
    ordered = sorted([(woman, "b"), (better, "c")], key=lambda p: ranking_key(p[0], assess(p[0], specs, CTX), p[1]))
    assert ordered[0][0] is better


def test_rating_for_lao_dong_tien_tien_and_the_excellent_route():
    good = {"year": 2023, "min_level": "good"}
    assert check_rating(officer(ratings={2023: "good"}), good, CTX, "").outcome == Outcome.MET
    finding = check_rating(officer(ratings={2023: "completed"}), good, CTX, "")
    assert finding.outcome == Outcome.NOT_MET and "Hoàn thành nhiệm vụ" in finding.cites[0]
    assert check_rating(officer(ratings={2022: "excellent"}), good, CTX, "").outcome == Outcome.JUDGEMENT
    assert check_rating(officer(ratings={2023: "good"}), {"year": 2023, "min_level": "excellent"}, CTX,
                        "").outcome == Outcome.NOT_MET


def test_excellent_collective_needs_every_member_completing_tasks():
    params = {"year": 2023, "min_level": "completed", "min_percent": 100}
    everyone = collective(members=3, member_ratings={2023: ["good", "completed", "excellent"]})
    assert check_members_rating(everyone, params, CTX, "").outcome == Outcome.MET
    one_short = collective(members=3, member_ratings={2023: ["good", "not_completed", "excellent"]})
    finding = check_members_rating(one_short, params, CTX, "")
    assert finding.outcome == Outcome.NOT_MET and finding.cites == ("2/3 thành viên đạt mức hoàn thành nhiệm vụ "
                                                                    "trở lên năm 2023",)
    unrated = collective(members=3, member_ratings={2023: ["good"]})
    assert check_members_rating(unrated, params, CTX, "").outcome == Outcome.JUDGEMENT


def test_tap_the_lao_dong_xuat_sac_end_to_end():
    """100 % completing tasks, ≥ 70 % Lao động tiên tiến, ≥ 1 Chiến sĩ thi đua cơ sở (law.md §7.4)."""
    specs = [Spec("members_rating", {"year": 2023}), Spec("member_awards", {"award_code": "LDTT", "year": 2023,
                                                                            "min_percent": 70}),
             Spec("member_awards", {"award_code": "CSTDCS", "year": 2023, "min_count": 1})]
    unit = collective(members=10, member_ratings={2023: ["good"] * 10},
                      member_awards={("LDTT", 2023): 7, ("CSTDCS", 2023): 1})
    assert assess(unit, specs, CTX).verdict == Verdict.ELIGIBLE
    unit.member_awards = {("LDTT", 2023): 7}
    assert assess(unit, specs, CTX).verdict == Verdict.NOT_ELIGIBLE


def cstdcs(year, reference="", decided_on=None):
    return AwardFact("CSTDCS", "Chiến sĩ thi đua cơ sở", year, reference or f"{year}/QĐ-CTHADS", decided_on)


THREE_CONSECUTIVE = {"award_codes": ["CSTDCS"], "min_count": 3, "consecutive": True, "from_year": 2022,
                     "to_year": 2024}


@pytest.mark.parametrize(("years", "run"), [
    ([], []),
    ([2023], [2023]),
    ([2022, 2023, 2024], [2022, 2023, 2024]),
    ([2024, 2022, 2023], [2022, 2023, 2024]),
    ([2022, 2023, 2023], [2022, 2023]),  # the same year twice is one year
    ([2021, 2023, 2023, 2024], [2023, 2024]),
    ([2019, 2020, 2022, 2023], [2022, 2023]),  # two runs as long: the latest
])
def test_longest_run_of_distinct_consecutive_years(years, run):
    assert longest_run(years) == run


@pytest.mark.parametrize(("years", "outcome", "text"), [
    ([2022, 2023, 2024], Outcome.MET, "Có 3 năm liên tục được khen thưởng, công nhận (2022–2024)."),
    ([2022, 2023, 2023], Outcome.NOT_MET, "Cần 3 năm liên tục, hiện có 2 năm liên tục (2022–2023)."),
    ([2023, 2023, 2024], Outcome.NOT_MET, "Cần 3 năm liên tục, hiện có 2 năm liên tục (2023–2024)."),
    ([2022, 2024], Outcome.NOT_MET, "Cần 3 năm liên tục, hiện có 1 năm liên tục."),
    ([2021, 2022, 2023], Outcome.NOT_MET, "Cần 3 năm liên tục, hiện có 2 năm liên tục (2022–2023)."),  # 2021 outside
])
def test_consecutive_years_count_distinct_years(years, outcome, text):
    finding = check_prior_award(officer(awards=[cstdcs(y, f"{i}/QĐ") for i, y in enumerate(years)]),
                                THREE_CONSECUTIVE, CTX, "")
    assert (finding.outcome, finding.text) == (outcome, text)


@pytest.mark.parametrize(("years", "outcome"), [
    ([2023, 2023], Outcome.NOT_MET),  # a record entered twice is still one time
    ([2022, 2023], Outcome.MET),
])
def test_min_count_counts_years_not_records(years, outcome):
    params = {"award_codes": ["CSTDCS"], "min_count": 2}
    assert check_prior_award(officer(awards=[cstdcs(y) for y in years]), params, CTX, "").outcome == outcome


REPRIMAND_ON_5_JULY = reprimand(D(2024, 7, 5), D(2025, 7, 5))
HOLD_FROM_3_JULY = HoldFact("Nguyễn Văn An", "Đang điều tra, thanh tra, kiểm tra", D(2024, 7, 3))


@pytest.mark.parametrize(("day", "disciplines", "holds"), [
    (D(2024, 6, 28), [], []),  # the submission day: neither is a fact yet
    (D(2024, 7, 4), [], [HOLD_FROM_3_JULY]),
    (D(2024, 7, 10), [REPRIMAND_ON_5_JULY], [HOLD_FROM_3_JULY]),  # the decision day: both are
])
def test_facts_are_those_known_on_the_day(day, disciplines, holds):
    subject = officer(disciplines=[REPRIMAND_ON_5_JULY], holds=[HOLD_FROM_3_JULY])
    known = known_on(subject, day)
    assert (known.disciplines, known.holds) == (disciplines, holds)


@pytest.mark.parametrize(("day", "awards"), [
    (D(2024, 1, 9), [cstdcs(2022, "1/QĐ")]),
    (D(2024, 1, 10), [cstdcs(2022, "1/QĐ"), cstdcs(2023, "2/QĐ", D(2024, 1, 10))]),
])
def test_awards_count_from_their_decision_day(day, awards):
    subject = officer(awards=[cstdcs(2022, "1/QĐ"), cstdcs(2023, "2/QĐ", D(2024, 1, 10))])
    assert known_on(subject, day).awards == awards


def test_members_and_the_heads_collective_are_seen_on_the_day_too():
    member = reprimand(D(2024, 7, 5), person="Trần Văn Bảo")
    unit = collective(member_disciplines=[member])
    head = officer(is_head=True, collective=unit)
    assert known_on(head, D(2024, 6, 28)).collective.member_disciplines == []
    assert known_on(head, D(2024, 7, 5)).collective.member_disciplines == [member]


@pytest.mark.parametrize(("day", "verdict"), [
    (D(2024, 6, 28), Verdict.ELIGIBLE),  # submission: the later reprimand does not count
    (D(2024, 7, 10), Verdict.NOT_ELIGIBLE),  # decision: it does
])
def test_a_later_reprimand_counts_at_decision_not_at_submission(day, verdict):
    ctx = Context(on=day, period_start=D(2023, 10, 1), period_end=D(2024, 6, 30))
    spec = Spec("no_discipline", {"from": "2023-10-01", "to": "2024-07-31", "min_form": "reprimand"})
    assessment = assess(officer(disciplines=[reprimand(D(2024, 7, 5), D(2025, 7, 5))]), [spec], ctx)
    assert assessment.verdict == verdict


RECOGNISED = D(2023, 12, 12)


def initiative(scope="grassroots", decided_on=RECOGNISED, title="Số hóa hồ sơ thi hành án", share=60):
    return InitiativeFact(title=title, scope=scope, decision_number="45/QĐ-THADS", decided_on=decided_on,
                          decided_by="Thi hành án dân sự tỉnh Hậu Giang", share=share)


CSTDCS = {"year": 2023, "min_level": "excellent", "min_scope": "grassroots"}  # a rule asking both (the draft)
CSTDCS_LAW = {"year": 2023, "or_level": "excellent", "min_scope": "grassroots"}  # Luật 2022 Điều 23: either
CSTD_BO = {"from_year": 2021, "to_year": 2023, "min_scope": "ministry"}


@pytest.mark.parametrize(("rating", "initiatives", "params", "outcome", "words"), [
    ("excellent", [initiative()], CSTDCS, Outcome.MET, "Có 1 sáng kiến, đề tài được công nhận phạm vi cơ sở trở lên."),
    ("excellent", [initiative("national")], CSTDCS, Outcome.MET, "Có 1 sáng kiến, đề tài được công nhận phạm vi cơ sở "
                                                                 "trở lên."),
    ("excellent", [], CSTDCS, Outcome.NOT_MET,
     "Chưa có sáng kiến được công nhận phạm vi cơ sở trở lên trong năm 2023."),
    ("excellent", [initiative(decided_on=D(2022, 12, 30))], CSTDCS, Outcome.NOT_MET,
     "Chưa có sáng kiến được công nhận phạm vi cơ sở trở lên trong năm 2023."),
    ("good", [initiative()], CSTDCS, Outcome.NOT_MET, "Chỉ đạt mức hoàn thành tốt nhiệm vụ, chưa đạt mức hoàn thành "
                                                      "xuất sắc nhiệm vụ."),
    ("completed", [initiative()], CSTDCS, Outcome.NOT_MET, "Chỉ đạt mức hoàn thành nhiệm vụ, chưa đạt mức hoàn thành "
                                                           "xuất sắc nhiệm vụ."),
    (None, [initiative()], CSTDCS, Outcome.JUDGEMENT, "Chưa có kết quả đánh giá, xếp loại năm 2023."),
    (None, [initiative("ministry", D(2022, 5, 4))], CSTD_BO, Outcome.MET,
     "Có 1 sáng kiến, đề tài được công nhận phạm vi bộ, ngành, tỉnh trở lên."),
    (None, [initiative()], CSTD_BO, Outcome.NOT_MET,
     "Chưa có sáng kiến được công nhận phạm vi bộ, ngành, tỉnh trở lên trong năm 2021–2023."),
    (None, [initiative("ministry", D(2020, 5, 4))], CSTD_BO, Outcome.NOT_MET,
     "Chưa có sáng kiến được công nhận phạm vi bộ, ngành, tỉnh trở lên trong năm 2021–2023."),
])
def test_initiative_criterion_of_a_rule_asking_both(rating, initiatives, params, outcome, words):
    ratings = {2023: rating} if rating else {}
    finding = check_initiative(officer(ratings=ratings, initiatives=initiatives), params, CTX, "")
    assert (finding.outcome, finding.text) == (outcome, words)


@pytest.mark.parametrize(("rating", "initiatives", "outcome", "words"), [
    ("excellent", [initiative()], Outcome.MET, "Đạt mức hoàn thành xuất sắc nhiệm vụ."),
    ("excellent", [], Outcome.MET, "Đạt mức hoàn thành xuất sắc nhiệm vụ."),
    ("good", [initiative()], Outcome.MET, "Có 1 sáng kiến, đề tài được công nhận phạm vi cơ sở trở lên."),
    ("completed", [initiative("national")], Outcome.MET,
     "Có 1 sáng kiến, đề tài được công nhận phạm vi cơ sở trở lên."),
    ("good", [], Outcome.NOT_MET,
     "Chỉ đạt mức hoàn thành tốt nhiệm vụ và chưa có sáng kiến được công nhận phạm vi cơ sở trở lên trong năm 2023."),
    ("good", [initiative(decided_on=D(2022, 12, 30))], Outcome.NOT_MET,
     "Chỉ đạt mức hoàn thành tốt nhiệm vụ và chưa có sáng kiến được công nhận phạm vi cơ sở trở lên trong năm 2023."),
    (None, [initiative()], Outcome.MET, "Có 1 sáng kiến, đề tài được công nhận phạm vi cơ sở trở lên."),
    (None, [], Outcome.JUDGEMENT, "Chưa có kết quả đánh giá, xếp loại năm 2023; chưa có sáng kiến được công nhận phạm "
                                  "vi cơ sở trở lên trong năm 2023."),
])
def test_initiative_criterion_as_the_law_reads(rating, initiatives, outcome, words):
    """Luật 2022 Điều 23 (law.md §1.2): hoàn thành xuất sắc nhiệm vụ, or an initiative recognised at grassroots
    level."""
    ratings = {2023: rating} if rating else {}
    finding = check_initiative(officer(ratings=ratings, initiatives=initiatives), CSTDCS_LAW, CTX, "")
    assert (finding.outcome, finding.text) == (outcome, words)


def test_the_law_reading_cites_the_initiative_also_when_the_rating_suffices():
    finding = check_initiative(officer(ratings={2023: "excellent"}, initiatives=[initiative()]), CSTDCS_LAW, CTX, "")
    assert finding.cites[0] == "Đánh giá năm 2023: Hoàn thành xuất sắc nhiệm vụ"
    assert finding.cites[1].startswith("Sáng kiến “Số hóa hồ sơ thi hành án” (phạm vi cơ sở, tỷ lệ đóng góp 60%)")


def test_initiative_met_cites_title_and_decision():
    finding = check_initiative(officer(ratings={2023: "excellent"}, initiatives=[initiative()]), CSTDCS, CTX, "")
    assert finding.cites == (
        "Đánh giá năm 2023: Hoàn thành xuất sắc nhiệm vụ",
        "Sáng kiến “Số hóa hồ sơ thi hành án” (phạm vi cơ sở, tỷ lệ đóng góp 60%): QĐ 45/QĐ-THADS ngày 12/12/2023 "
        "của Thi hành án dân sự tỉnh Hậu Giang")


def test_a_narrower_initiative_is_cited_as_not_enough():
    finding = check_initiative(officer(initiatives=[initiative()]), CSTD_BO, CTX, "")
    assert finding.cites == ("Sáng kiến “Số hóa hồ sơ thi hành án” (phạm vi cơ sở, tỷ lệ đóng góp 60%): QĐ "
                             "45/QĐ-THADS ngày 12/12/2023 của Thi hành án dân sự tỉnh Hậu Giang – phạm vi chưa đủ",)


def test_an_initiative_recognised_after_the_day_of_judgement_does_not_count():
    later = officer(ratings={2023: "excellent"}, initiatives=[initiative(decided_on=D(2023, 12, 12))])
    spec = Spec("initiative", CSTDCS)
    assert assess(later, [spec], Context(on=D(2023, 12, 1), period_start=D(2023, 1, 1),
                                         period_end=D(2023, 12, 31))).verdict == Verdict.NOT_ELIGIBLE
    assert assess(later, [spec], Context(on=D(2023, 12, 12), period_start=D(2023, 1, 1),
                                         period_end=D(2023, 12, 31))).verdict == Verdict.ELIGIBLE
