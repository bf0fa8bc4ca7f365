"""The overall standing of units across a campaign's targets (xếp hạng chung): pure functions over plain values.

The plans ask units to "đạt và vượt" their targets (seed 001, I.2: "phấn đấu đạt và vượt chỉ tiêu được giao";
seed 002: "đạt và vượt các chỉ tiêu về việc và về tiền do cấp trên giao") but none states how units are ranked
against one another. The rule applied here, stated on the standings page (``RULE``):

1. units are compared only with units judged on the same targets (their peer group);
2. more targets met ranks higher;
3. then the higher mean of "result ÷ target level" over the targets with a figure (vượt: how far beyond);
4. then the higher weakest "result ÷ target level" (a balanced result beats one carried by a single target);
5. units still equal share a rank (1, 2, 2, 4). No figure at all ranks below any figure.

The preference for women in NĐ 152/2025 Art. 4(6) applies to award candidates, not to this standing.
"""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

MET = "met"
NOT_COMPUTABLE = "not_computable"

RULE = (
    _("Chỉ so sánh các đơn vị được đánh giá trên cùng các chỉ tiêu (cùng nhóm)."),
    _("Đơn vị đạt nhiều chỉ tiêu hơn xếp trên."),
    _(
        "Nếu bằng nhau: tỷ lệ bình quân giữa kết quả thực hiện và mức chỉ tiêu (tính trên các chỉ tiêu có số liệu) "
        "cao hơn xếp trên."
    ),
    _("Nếu vẫn bằng nhau: chỉ tiêu thấp nhất (kết quả so với mức chỉ tiêu) cao hơn xếp trên."),
    _("Vẫn bằng nhau thì đồng hạng (ví dụ 1, 2, 2, 4); đơn vị chưa có số liệu tính được xếp sau."),
)


@dataclass(frozen=True)
class Mark:
    """One target of one unit: its state and, where the target has a level and the unit a figure, the ratio of
    the figure to the level (1 = exactly at the target); ``snapshots.store_standings`` passes the figures as the
    attainment table shows them (rates to 2 decimals), so anyone can check a rank from the table."""

    target: int
    state: str
    ratio: Decimal | None = None


@dataclass(frozen=True)
class Standing:
    unit: int
    group: tuple[int, ...]  # the targets the unit is judged on (its peer group)
    rank: int
    peers: int
    met: int
    assessed: int
    not_computable: int
    mean_ratio: Decimal | None
    min_ratio: Decimal | None


def ratio(actual: Decimal | None, level: Decimal | None) -> Decimal | None:
    """The figure over the target level; none without a figure or a positive level."""
    if actual is None or level is None or level <= 0:
        return None
    return Decimal(actual) / Decimal(level)


def _key(marks: list[Mark]) -> tuple:
    ratios = [m.ratio for m in marks if m.ratio is not None]
    met = sum(1 for m in marks if m.state == MET)
    if not ratios:
        return (met, 0, Decimal(0), Decimal(0))
    return (met, 1, sum(ratios) / len(ratios), min(ratios))


def standings(marks_by_unit: dict[int, list[Mark]]) -> list[Standing]:
    """Each unit's standing in its peer group, by ``RULE``; groups in order of their targets, units by rank
    (units of equal rank in the order given)."""
    groups = defaultdict(list)
    for unit, marks in marks_by_unit.items():
        groups[tuple(sorted({m.target for m in marks}))].append(unit)
    found = []
    for group in sorted(groups):
        units = sorted(groups[group], key=lambda u: _key(marks_by_unit[u]), reverse=True)
        previous, rank = None, 0
        for position, unit in enumerate(units, start=1):
            marks, key = marks_by_unit[unit], _key(marks_by_unit[unit])
            if key != previous:
                rank, previous = position, key
            ratios = [m.ratio for m in marks if m.ratio is not None]
            found.append(
                Standing(
                    unit=unit,
                    group=group,
                    rank=rank,
                    peers=len(units),
                    met=key[0],
                    assessed=len(marks),
                    not_computable=sum(1 for m in marks if m.state == NOT_COMPUTABLE),
                    mean_ratio=key[2] if ratios else None,
                    min_ratio=key[3] if ratios else None,
                )
            )
    return found
