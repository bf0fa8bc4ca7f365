"""The reorganisation's rules as plain functions: position mapping (TT 24/2025 table), who may reorganise,
what a set of items must look like, who receives, and the lineage walk."""

import pytest

from emulation.lineage import heirs, predecessors_of, successors_of
from emulation.reorganisation import (
    DEFAULT_POSITION_MAPPING,
    ItemSpec,
    item_problems,
    map_position,
    parse_position_mapping,
    receiving_successors,
    reorganiser_refusal,
)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(("position", "expected"), [
    ("Chi cục trưởng", "Trưởng Phòng Thi hành án dân sự khu vực"),
    ("Phó Chi cục trưởng", "Phó Trưởng Phòng Thi hành án dân sự khu vực"),
    ("  phó   chi cục TRƯỞNG ", "Phó Trưởng Phòng Thi hành án dân sự khu vực"),
    ("Cục trưởng", "Trưởng Thi hành án dân sự tỉnh, thành phố"),
    ("Tổng cục trưởng", "Cục trưởng Cục Quản lý Thi hành án dân sự"),
    ("Chấp hành viên", "Chấp hành viên"),
    ("Chi cục trưởng kiêm Chấp hành viên", "Chi cục trưởng kiêm Chấp hành viên"),  # whole names only
    ("", ""),
])
def test_default_position_mapping(position, expected):
    assert map_position(position, DEFAULT_POSITION_MAPPING) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Chi cục trưởng → Trưởng Phòng\n\nKế toán -> Kế toán viên", [["Chi cục trưởng", "Trưởng Phòng"],
                                                                   ["Kế toán", "Kế toán viên"]]),
    ("A => B", [["A", "B"]]),
    ("", []),
])
def test_parse_position_mapping(text, expected):
    assert parse_position_mapping(text) == expected


@pytest.mark.parametrize("text", ["Chi cục trưởng", "→ Trưởng Phòng", "A →  "])
def test_parse_position_mapping_refuses_half_lines(text):
    with pytest.raises(ValueError, match="Dòng 1"):
        parse_position_mapping(text)


PROVINCE, AREA_A, AREA_B, OTHER = "/000001/", "/000001/000002/", "/000001/000003/", "/000009/"


@pytest.mark.parametrize(("superuser", "staff", "affected", "allowed"), [
    (True, [], [PROVINCE, OTHER], True),                 # the administrator
    (False, [PROVINCE], [AREA_A, AREA_B], True),         # staff of the higher body
    (False, [PROVINCE], [PROVINCE, AREA_A], False),      # not above the province itself
    (False, [PROVINCE], [AREA_A, OTHER], False),         # another province's unit
    (False, [OTHER, PROVINCE], [AREA_A, AREA_B], True),  # any one grant above all of them
    (False, [], [AREA_A], False),                        # no staff grant (a unit head)
])
def test_who_may_reorganise(superuser, staff, affected, allowed):
    reason = reorganiser_refusal(superuser=superuser, staff_paths=staff, affected_paths=affected)
    assert (reason is None) == allowed
    assert reason is None or reason.endswith(".")


@pytest.mark.parametrize(("kind", "items", "problem"), [
    ("merge", [ItemSpec(1, 9), ItemSpec(2, 9)], None),
    ("merge", [ItemSpec(1, 9), ItemSpec(2, 9), ItemSpec(3, 8)], None),  # two groups in one decision
    ("merge", [ItemSpec(1, 9), ItemSpec(1, 8, receives=False)],
     "Hợp nhất, đổi tên: mỗi đơn vị cũ chỉ có một đơn vị kế thừa."),
    ("merge", [], "Chưa chọn đơn vị cũ."),
    ("rename", [ItemSpec(1, 9)], None),
    ("rename", [ItemSpec(1, 9), ItemSpec(2, 8)], None),
    ("rename", [ItemSpec(1, 9), ItemSpec(2, 9)], "Đổi tên: mỗi đơn vị kế thừa thay cho đúng một đơn vị cũ."),
    ("split", [ItemSpec(1, 8), ItemSpec(1, 9, receives=False)], None),
    ("split", [ItemSpec(1, 8)], "Chia tách: một đơn vị cũ, ít nhất hai đơn vị kế thừa."),
    ("split", [ItemSpec(1, 8), ItemSpec(1, 9)],
     "Mỗi đơn vị cũ cần đúng một đơn vị tiếp nhận cán bộ, phân quyền, công việc."),
    ("merge", [ItemSpec(1, 1)], "Đơn vị kế thừa không được là một trong các đơn vị cũ."),
    ("merge", [ItemSpec(1, None)], "Mỗi đơn vị cũ cần đơn vị kế thừa."),
    ("transfer", [ItemSpec(1, None, new_parent=7)], None),
    ("transfer", [ItemSpec(1, 9, new_parent=7)],
     "Chuyển đơn vị: chỉ chọn đơn vị cấp trên mới, không có đơn vị kế thừa."),
])
def test_item_problems(kind, items, problem):
    assert item_problems(kind, items) == ([problem] if problem else [])


def test_receiving_successors_one_per_predecessor():
    items = [ItemSpec(1, 8), ItemSpec(1, 9, receives=False), ItemSpec(2, 8), ItemSpec(3, None, new_parent=7)]
    assert receiving_successors(items) == {1: 8, 2: 8}


# Chi cục 1, 2 → Phòng khu vực 10 → (renamed) 20; Cục 3 → 20 as well; 4 unrelated.
EDGES = [(1, 10), (2, 10), (10, 20), (3, 20)]


@pytest.mark.parametrize(("start", "before", "after"), [
    ([20], {1, 2, 3, 10}, set()),
    ([10], {1, 2}, {20}),
    ([1], set(), {10, 20}),
    ([4], set(), set()),
    ([1, 10], {2}, {20}),
])
def test_lineage_walks_both_ways(start, before, after):
    assert predecessors_of(EDGES, start) == before
    assert successors_of(EDGES, start) == after


def test_heirs_per_unit():
    assert heirs(EDGES, [20, 4]) == {20: {1, 2, 3, 10}, 4: set()}
