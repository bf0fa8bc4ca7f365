"""Sắp xếp, tổ chức lại đơn vị: the rules (plain functions), the registry of movers, preview and apply.

A reorganisation maps predecessor units to successors. Applying it, on its effective date:
- the predecessors end the day before (``valid_to``) and succession links are created (a transfer only changes
  the unit's parent);
- each mover moves what lives on: officers' assignments and role grants (here), participations, open sub-plan
  requirements and pledges of running campaigns (registered by ``campaigns/reorganisation.py``);
- history (results, snapshots, proposals, decisions, awards, documents) stays with the old unit and rolls up
  to the successor through the succession links (``selectors.lineage``).

Apply is one transaction and happens once: a second apply is refused (``AlreadyApplied``) and changes nothing.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import ReorganisationKind
from .text import nfc

# TT 24/2025/TT-BTP Art. 1(6) (law.md §6). The deputies' rows follow the heads' (the table pairs them for the
# Chi cục; for the provincial department the same pattern is assumed).
DEFAULT_POSITION_MAPPING = [
    ["Tổng cục trưởng", "Cục trưởng Cục Quản lý Thi hành án dân sự"],
    ["Vụ trưởng", "Trưởng ban"],
    ["Cục trưởng", "Trưởng Thi hành án dân sự tỉnh, thành phố"],
    ["Phó Cục trưởng", "Phó Trưởng Thi hành án dân sự tỉnh, thành phố"],
    ["Chi cục trưởng", "Trưởng Phòng Thi hành án dân sự khu vực"],
    ["Phó Chi cục trưởng", "Phó Trưởng Phòng Thi hành án dân sự khu vực"],
]

ARROWS = ("→", "=>", "->")


def _key(position: str) -> str:
    return " ".join(nfc(position).split()).casefold()


def map_position(position: str, mapping: list[list[str]]) -> str:
    """The position's new name when the mapping lists it (whole name, any case or spacing), else unchanged."""
    wanted = _key(position)
    for old, new in mapping:
        if _key(old) == wanted:
            return new
    return position


def parse_position_mapping(text: str) -> list[list[str]]:
    """One "chức vụ cũ → chức vụ mới" per line (→, => or ->); blank lines ignored."""
    pairs = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        arrow = next((a for a in ARROWS if a in line), None)
        old, new = (part.strip() for part in line.split(arrow, 1)) if arrow else (line.strip(), "")
        if not old or not new:
            raise ValueError(gettext("Dòng %(n)s: cần dạng “chức vụ cũ → chức vụ mới”.") % {"n": number})
        pairs.append([nfc(old), nfc(new)])
    return pairs


def format_position_mapping(mapping: list[list[str]]) -> str:
    return "\n".join(f"{old} → {new}" for old, new in mapping)


def reorganiser_refusal(*, superuser: bool, staff_paths: list[str], affected_paths: list[str]) -> str | None:
    """Who may record and apply: the administrator, or staff of the higher body, i.e. a staff grant over a unit
    above every affected unit (predecessors, successors, new parents). Returns the reason for a refusal."""
    if superuser:
        return None
    if not staff_paths:
        return gettext("Chỉ thường trực thi đua – khen thưởng của cơ quan cấp trên hoặc quản trị hệ thống "
                       "được sắp xếp đơn vị.")
    for path in staff_paths:
        if all(p.startswith(path) and p != path for p in affected_paths):
            return None
    return gettext("Các đơn vị được sắp xếp không cùng thuộc một đơn vị cấp trên trong phạm vi phân quyền của bạn.")


@dataclass(frozen=True)
class ItemSpec:
    """An item as plain values: predecessor id, successor id (or None), new parent id (or None), receives."""

    predecessor: int
    successor: int | None
    new_parent: int | None = None
    receives: bool = True


def item_problems(kind: str, items: list[ItemSpec]) -> list[str]:
    """What is wrong with a set of items for this kind of reorganisation (empty: fine). One decision may hold
    several groups (a province and its Chi cục: each group merges into its own successor)."""
    predecessors = {i.predecessor for i in items}
    successors = {i.successor for i in items if i.successor is not None}
    problems = []
    if not items:
        return [gettext("Chưa chọn đơn vị cũ.")]
    if kind == ReorganisationKind.TRANSFER:
        if successors or any(i.new_parent is None for i in items):
            problems.append(gettext("Chuyển đơn vị: chỉ chọn đơn vị cấp trên mới, không có đơn vị kế thừa."))
        return problems
    if any(i.successor is None for i in items):
        return [gettext("Mỗi đơn vị cũ cần đơn vị kế thừa.")]
    if predecessors & successors:
        problems.append(gettext("Đơn vị kế thừa không được là một trong các đơn vị cũ."))
    if kind == ReorganisationKind.SPLIT and (len(predecessors) != 1 or len(successors) < 2):
        problems.append(gettext("Chia tách: một đơn vị cũ, ít nhất hai đơn vị kế thừa."))
    if kind in (ReorganisationKind.MERGE, ReorganisationKind.RENAME) and len(items) != len(predecessors):
        problems.append(gettext("Hợp nhất, đổi tên: mỗi đơn vị cũ chỉ có một đơn vị kế thừa."))
    if kind == ReorganisationKind.RENAME and len(successors) != len(predecessors):
        problems.append(gettext("Đổi tên: mỗi đơn vị kế thừa thay cho đúng một đơn vị cũ."))
    for predecessor in predecessors:
        if sum(1 for i in items if i.predecessor == predecessor and i.receives) != 1:
            problems.append(gettext("Mỗi đơn vị cũ cần đúng một đơn vị tiếp nhận cán bộ, phân quyền, công việc."))
            break
    return problems


def receiving_successors(items: list[ItemSpec]) -> dict[int, int]:
    """predecessor id → the successor that takes over its people, grants and running work."""
    return {i.predecessor: i.successor for i in items if i.receives and i.successor is not None}


# --- movers -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Move:
    """What a mover is given: the operation, its effective date and who receives what."""

    reorganisation: object
    effective_on: datetime.date
    receiving: dict[int, int]  # predecessor id → successor id
    names: dict[int, str]  # unit id → name, for the preview rows

    @property
    def last_day(self) -> datetime.date:
        """The predecessors' last day: the day before the effective date."""
        return self.effective_on - datetime.timedelta(days=1)


@dataclass(frozen=True)
class Row:
    what: str
    source: str
    target: str
    note: str = ""


@dataclass
class Section:
    """One kind of object in the preview: the rows that move, and those that stay (with the reason)."""

    key: str
    title: str
    rows: list[Row] = field(default_factory=list)
    kept: list[Row] = field(default_factory=list)


@dataclass(frozen=True)
class Mover:
    name: str
    preview: Callable[[Move], Section]
    apply: Callable[[Move, object], int]  # (move, actor) → number of objects moved
    title: str = ""


MOVERS: dict[str, Mover] = {}
HISTORY: dict[str, Callable[[list[int]], list[tuple[str, int]]]] = {}


def register_mover(name: str, preview_fn, apply_fn, *, title: str = "") -> None:
    """An app's objects that follow a reorganisation. ``preview_fn(move) -> Section`` and
    ``apply_fn(move, actor) -> int`` run a fixed number of queries; apply runs inside the operation's
    transaction and writes an audit entry per object it moves."""
    MOVERS[name] = Mover(name, preview_fn, apply_fn, title or name)


def summary_rows(summary: dict[str, int]) -> list[tuple[str, int]]:
    """An applied reorganisation's counts with each mover's title (units first)."""
    titles = {"units": _("Đơn vị"), **{m.name: m.title for m in MOVERS.values()}}
    return [(str(titles.get(key, key)), count) for key, count in summary.items()]


def register_history(name: str, count_fn) -> None:
    """An app's history that stays with the old units: ``count_fn(predecessor_ids) -> [(label, count)]``."""
    HISTORY[name] = count_fn


class AlreadyApplied(ValidationError):
    """A second apply: refused, nothing changes."""
