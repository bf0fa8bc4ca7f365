"""The make-up of the individuals proposed in a campaign (cơ cấu cá nhân được đề nghị): leaders and managers
against direct workers, and hardship postings. Seed 000 asks for "tỷ lệ hợp lý giữa lãnh đạo với công chức
và người lao động" and priority for remote and hardship posts; the law sets no figure, so the campaign
states its own ceiling on the leaders' share (``Campaign.leader_share_max``), and the page warns above it.
Plain values in, plain values out."""

from dataclasses import dataclass


def share(count: int, total: int) -> int:
    """Whole percent, rounded half up (3 of 8 → 38)."""
    return (count * 200 + total) // (total * 2) if total else 0


@dataclass(frozen=True)
class Balance:
    """Individuals proposed: ``leaders`` of ``total``, ``hardship`` of them at hardship posts."""

    total: int
    leaders: int
    hardship: int
    leader_share_max: int | None = None

    @property
    def others(self) -> int:
        return self.total - self.leaders

    @property
    def leaders_percent(self) -> int:
        return share(self.leaders, self.total)

    @property
    def others_percent(self) -> int:
        return share(self.others, self.total)

    @property
    def hardship_percent(self) -> int:
        return share(self.hardship, self.total)

    @property
    def leaders_over(self) -> bool:
        """Above the campaign's ceiling (compared exactly, not on the rounded percent)."""
        cap = self.leader_share_max
        return cap is not None and self.total > 0 and self.leaders * 100 > cap * self.total

    @property
    def leaders_allowed(self) -> int | None:
        """The most leaders this many individuals allow under the ceiling."""
        cap = self.leader_share_max
        return None if cap is None else self.total * cap // 100


def of(rows, leader_share_max: int | None = None) -> Balance:
    """``rows``: (is_leader, at a hardship post) per individual."""
    rows = list(rows)
    return Balance(total=len(rows), leaders=sum(1 for leader, _ in rows if leader),
                   hardship=sum(1 for _, hardship in rows if hardship), leader_share_max=leader_share_max)
