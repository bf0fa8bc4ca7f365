"""Eligibility judged again after submission, on the facts of a later day: the day the vote closes
and the day the director decides. The verdict frozen on a nomination at submission stays as it was
(the facts of that day); a case opened since (an inspection, a discipline review, a complaint) or a
discipline decided since stops the award on the day it is known (NĐ 152/2025 Điều 4: no award, no
upward proposal, while a case is pending)."""

import datetime

from .. import candidates
from ..criteria import Assessment, Outcome, Verdict


def stop_reason(assessment: Assessment) -> str:
    """The not-met findings in words, with what they cite: "Đang có vụ việc chưa kết luận: … (Nguyễn
    Văn An: Đang điều tra, thanh tra, kiểm tra từ 03/07/2024)"."""
    parts = [f"{f.text} ({'; '.join(f.cites)})" if f.cites else f.text
             for f in assessment.findings if f.outcome == Outcome.NOT_MET and not f.advisory]
    return " ".join(parts)


def stopped_nominations(nominations, *, on: datetime.date) -> dict[int, str]:
    """Nomination id → why it may not be awarded (or proposed upward) on ``on``; the nominations
    still eligible (or needing the council's judgement) are absent. Set-based: the facts are gathered
    once per campaign award (``candidates.gather``). Expects ``officer__unit``, ``unit`` and
    ``campaign_award__campaign`` loaded."""
    groups: dict[int, list] = {}
    for n in nominations:
        groups.setdefault(n.campaign_award_id, []).append(n)
    stopped = {}
    for group in groups.values():
        units = list({n.unit_id: n.unit for n in group}.values())  # a head's unit too (head-of-unit rule)
        officers = [n.officer for n in group if n.officer_id]
        verdicts = {a.key: a.assessment for a in candidates.assess_all(group[0].campaign_award, units, officers, on)}
        for n in group:
            assessment = verdicts[("officer", n.officer_id) if n.officer_id else ("unit", n.unit_id)]
            if assessment.verdict == Verdict.NOT_ELIGIBLE:
                stopped[n.pk] = stop_reason(assessment)
    return stopped
