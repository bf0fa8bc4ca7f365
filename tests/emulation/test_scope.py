"""Scope as a filter on the unit tree path (``access.scope_q``, ``access.in_scope``) and the pure prefix rules
under it (``lineage.subtree_prefixes``, ``inherited_prefixes``, ``linked_outside``)."""

import pytest
from django.contrib.auth.models import AnonymousUser

from campaigns.models import Plan
from emulation import access, lineage
from emulation.models import Officer, Role, Unit
from tests.factories import (
    OfficerFactory,
    PlanFactory,
    RoleGrantFactory,
    UnitFactory,
    UnitSuccessionFactory,
    UserFactory,
)

# --- the pure rules ------------------------------------------------------------------------------------------


@pytest.mark.unit
@pytest.mark.parametrize(("paths", "prefixes"), [
    ([], ()),
    (["/1/"], ("/1/",)),
    (["/1/2/", "/1/"], ("/1/",)),                        # a grant under another adds nothing
    (["/1/2/", "/1/3/"], ("/1/2/", "/1/3/")),            # siblings stay apart
    (["/000001/", "/000010/"], ("/000001/", "/000010/")),  # fixed-width ids: no prefix leak between 1 and 10
    (["/1/2/", "/1/2/"], ("/1/2/",)),
    (["", "/1/"], ("/1/",)),                             # an empty path never means "everything"
    (["/1/2/", "/1/20/", "/1/"], ("/1/",)),
])
def test_subtree_prefixes(paths, prefixes):
    assert lineage.subtree_prefixes(paths) == prefixes


@pytest.mark.unit
@pytest.mark.parametrize(("prefixes", "path", "covered"), [
    (("/1/",), "/1/", True),
    (("/1/",), "/1/2/3/", True),
    (("/1/2/",), "/1/", False),                          # not upwards
    (("/1/2/",), "/1/20/", False),
    (("/1/2/", "/3/"), "/3/4/", True),
    ((), "/1/", False),
    (("/1/",), "", False),
])
def test_covers(prefixes, path, covered):
    assert lineage.covers(prefixes, path) is covered


# links: (predecessor id, predecessor path, successor id, successor path)
OLD_PROVINCE, OLD_SUB, NEW_CITY, NEW_AREA, LATER, OTHER = 1, 2, 3, 4, 5, 6
LINKS = [(OLD_PROVINCE, "/1/", NEW_CITY, "/3/"), (OLD_SUB, "/1/2/", NEW_AREA, "/3/4/"), (NEW_CITY, "/3/", LATER, "/5/")]


@pytest.mark.unit
@pytest.mark.parametrize(("grants", "prefixes"), [
    (["/3/"], ("/1/", "/3/")),                   # the city reads the old province (and so its sub-unit)
    (["/3/4/"], ("/1/2/", "/3/4/")),             # the area reads only the sub-unit it took over
    (["/5/"], ("/1/", "/3/", "/5/")),            # transitively: later → city → old province
    (["/6/"], ("/6/",)),                         # a neighbour inherits nothing
    (["/1/"], ("/1/",)),                         # a predecessor does not read its successors
    ([], ()),
])
def test_inherited_prefixes(grants, prefixes):
    assert lineage.inherited_prefixes(grants, LINKS) == prefixes


@pytest.mark.unit
@pytest.mark.parametrize(("prefixes", "outside"), [
    (("/1/",), {NEW_CITY, NEW_AREA, LATER}),     # the old province's successors open read-only
    (("/1/2/",), {NEW_AREA}),
    (("/1/", "/3/"), {LATER}),
    (("/1/", "/3/", "/5/"), set()),
    (("/6/",), set()),
])
def test_linked_outside(prefixes, outside):
    assert lineage.linked_outside(LINKS, prefixes) == outside


# --- on the database -----------------------------------------------------------------------------------------


@pytest.fixture
def tree(db):
    """Two provinces of two sub-units each, one sub-unit with a division under it."""
    provinces = [UnitFactory(code=f"P{n}") for n in (1, 2)]
    subs = {f"S{p}{n}": UnitFactory(code=f"S{p}{n}", parent=provinces[p - 1]) for p in (1, 2) for n in (1, 2)}
    division = UnitFactory(code="D111", parent=subs["S11"])
    return {"P1": provinces[0], "P2": provinces[1], **subs, "D111": division}


def _granted(tree, *grants) -> object:
    user = UserFactory()
    for role, code in grants:
        RoleGrantFactory(user=user, role=role, unit=tree[code])
    return user


def _codes(user, *, editable=False) -> set[str]:
    """Codes in scope by the SQL filter; ``in_scope`` must say the same of every unit."""
    by_sql = set(Unit.objects.filter(access.scope_q(user, None, editable=editable)).values_list("code", flat=True))
    by_path = {u.code for u in Unit.objects.all() if access.in_scope(user, u, editable=editable)}
    assert by_sql == by_path
    return by_sql


@pytest.mark.integration
@pytest.mark.parametrize(("grants", "readable", "changeable"), [
    ([(Role.STAFF, "P1")], {"P1", "S11", "S12", "D111"}, {"P1", "S11", "S12", "D111"}),
    ([(Role.UNIT_HEAD, "S11")], {"S11", "D111"}, {"S11", "D111"}),
    ([(Role.UNIT_HEAD, "S11"), (Role.UNIT_HEAD, "S22")], {"S11", "D111", "S22"}, {"S11", "D111", "S22"}),
    ([(Role.VIEWER, "P1"), (Role.UNIT_HEAD, "S12")], {"P1", "S11", "S12", "D111"}, {"S12"}),
    ([(Role.STAFF, "P1"), (Role.UNIT_HEAD, "S11")], {"P1", "S11", "S12", "D111"}, {"P1", "S11", "S12", "D111"}),
    ([(Role.COUNCIL_MEMBER, "P2")], {"P2", "S21", "S22"}, set()),
    ([], set(), set()),
])
def test_scope_by_grants(tree, grants, readable, changeable):
    user = _granted(tree, *grants)
    assert (_codes(user), _codes(user, editable=True)) == (readable, changeable)


@pytest.mark.integration
def test_a_successor_reads_its_predecessor_chain_and_changes_only_its_own(tree):
    city, later = UnitFactory(code="CITY"), UnitFactory(code="LATER")
    UnitSuccessionFactory(predecessor=tree["P1"], successor=city)
    UnitSuccessionFactory(predecessor=city, successor=later)
    tree.update(CITY=city, LATER=later)
    user = _granted(tree, (Role.STAFF, "LATER"))
    assert _codes(user) == {"LATER", "CITY", "P1", "S11", "S12", "D111"}
    assert _codes(user, editable=True) == {"LATER"}
    # the predecessor's staff open the successors' pages (read-only), not their data
    old_staff = _granted(tree, (Role.STAFF, "P1"))
    assert _codes(old_staff) == {"P1", "S11", "S12", "D111"}
    assert access.lineage_unit_ids(old_staff) == {city.pk, later.pk}
    opened = set(Unit.objects.filter(access.openable_units_q(old_staff)).values_list("code", flat=True))
    assert opened == {"P1", "S11", "S12", "D111", "CITY", "LATER"}
    assert (city in access.Openable(old_staff), tree["P2"] in access.Openable(old_staff)) == (True, False)


@pytest.mark.integration
def test_superuser_sees_every_unit_and_every_row_with_a_unit(tree):
    root = UserFactory(is_superuser=True)
    assert _codes(root) == _codes(root, editable=True) == set(Unit.objects.values_list("code", flat=True))
    assert access.scope_q(root, None) == access.scope_q(root, None, editable=True)
    assert access.lineage_unit_ids(root) == frozenset()


@pytest.mark.integration
def test_anonymous_sees_nothing(tree):
    anonymous = AnonymousUser()
    assert (_codes(anonymous), access.in_scope(anonymous, tree["P1"]), access.in_scope(UserFactory(), None)) == (
        set(), False, False)


@pytest.mark.integration
def test_scope_filters_through_a_foreign_key_chain(tree):
    plans = {code: PlanFactory(issuer=tree[code]) for code in ("P1", "S12", "P2")}
    officers = {code: OfficerFactory(unit=tree[code]) for code in ("S11", "D111", "S21")}
    head = _granted(tree, (Role.UNIT_HEAD, "S11"))
    staff = _granted(tree, (Role.STAFF, "P1"))
    assert set(Officer.objects.filter(access.scope_q(head, "unit"))) == {officers["S11"], officers["D111"]}
    assert set(Plan.objects.filter(access.scope_q(staff, "issuer"))) == {plans["P1"], plans["S12"]}
    assert set(Plan.objects.filter(access.scope_q(head, "issuer"))) == set()


@pytest.mark.integration
def test_scope_costs_no_query_once_the_grants_are_loaded(tree, django_assert_num_queries):
    user = _granted(tree, (Role.STAFF, "S11"), (Role.STAFF, "S22"))
    with django_assert_num_queries(2):  # the grants, the succession links
        access.scope_prefixes(user)
    with django_assert_num_queries(0):
        access.scope_q(user, "unit")
        access.scope_q(user, "unit", editable=True)
        access.in_scope(user, tree["D111"])
    with django_assert_num_queries(1):  # the filter itself: no query for an id list before it
        assert Unit.objects.filter(access.scope_q(user, None)).count() == 3
