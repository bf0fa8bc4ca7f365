"""Who is recused automatically from an agenda item (plain values, no database)."""

import pytest

from awards.conflicts import NomineeFacts, automatic_ground, member_facts

pytestmark = pytest.mark.unit

UNIT, OTHER, PARENT = 10, 20, 1


@pytest.mark.parametrize(("member", "nominee", "ground"), [
    (member_facts(officer_id=7, officer_unit_id=UNIT), NomineeFacts(unit_id=UNIT, officer_id=7), "nominee"),
    (member_facts(officer_id=7, officer_unit_id=UNIT), NomineeFacts(unit_id=UNIT, officer_id=8), None),
    (member_facts(), NomineeFacts(unit_id=UNIT, officer_id=7), None),  # no officer linked
    (member_facts(head_grant_unit_ids=[UNIT]), NomineeFacts(unit_id=UNIT), "head"),
    (member_facts(head_grant_unit_ids=[PARENT]), NomineeFacts(unit_id=UNIT), None),  # heads the parent only
    (member_facts(head_grant_unit_ids=[UNIT]), NomineeFacts(unit_id=UNIT, officer_id=7), None),  # an individual
    (member_facts(officer_id=7, officer_unit_id=UNIT, officer_is_leader=True), NomineeFacts(unit_id=UNIT), "head"),
    (member_facts(officer_id=7, officer_unit_id=UNIT, officer_is_leader=False), NomineeFacts(unit_id=UNIT), None),
    (member_facts(officer_id=7, officer_unit_id=OTHER, officer_is_leader=True), NomineeFacts(unit_id=UNIT), None),
])
def test_automatic_ground(member, nominee, ground):
    assert automatic_ground(member, nominee) == ground
