"""Shared set-up for the council tests: council members, sessions through the services, ballots."""

import datetime

from awards.models import CouncilSession, MemberRole
from awards.services import ballot_box, ballots
from awards.services import council as services
from emulation.models import Role
from tests.factories import RoleGrantFactory


def council_users(unit, count, prefix="tv"):
    """``count`` users with the council-member role over ``unit``."""
    return [RoleGrantFactory(user__username=f"{prefix}{i}", user__last_name="Thành viên", user__first_name=f"số {i}",
                             role=Role.COUNCIL_MEMBER, unit=unit).user for i in range(1, count + 1)]


def seats(users):
    """The first user chairs; the others are members."""
    return [services.Seat(user=u, full_name=f"Ủy viên {i}", role=MemberRole.CHAIR if i == 1 else MemberRole.MEMBER)
            for i, u in enumerate(users, start=1)]


def new_session(actor, campaign, users, **fields):
    values = {"title": "Phiên họp xét khen thưởng đợt thi đua cao điểm", "held_on": datetime.date(2024, 7, 10),
              "location": "Phòng họp Cục", **fields}
    return services.create_session(actor=actor, session=CouncilSession(campaign=campaign, **values),
                                   seats=seats(users))


def voting_session(actor, campaign, users, **fields):
    session = new_session(actor, campaign, users, **fields)
    return services.open_voting(actor=actor, session=session)


def vote(user, session, *choices):
    """Cast ``user``'s ballot paper: one choice per agenda item, in agenda order."""
    items = list(session.items.order_by("position", "id"))
    choice_by_item = {item.pk: choice for item, choice in zip(items, choices, strict=True)}
    return ballots.cast_ballot(actor=user, session=session, choices=choice_by_item)


def box(*sessions):
    """(agenda item id, choice) of every ballot in the ballot boxes of ``sessions`` (every session
    when none is given), sorted: opened with the session keys, as the count opens them."""
    sessions = sessions or CouncilSession.objects.filter(items__ballots__isnull=False).distinct()
    return sorted(pair for session in sessions for pair in ballot_box.open_box(session))


def box_choices(*sessions):
    return sorted(choice for _item, choice in box(*sessions))
