"""The ballot box (hòm phiếu) of a council session: sealed ballots in, totals out.

A ballot paper's choices go into the box sealed under the session's key (``ballot_crypto``), which is
kept outside the database (``ballot_keys``). The count opens every ballot of the session at once,
inside the closing transaction that stores the totals on the agenda items, empties the box, and
destroys the key once that transaction has committed: from then on, no copy of the database, live
or dead rows, backups or WAL, holds a readable choice. See docs/ballot-secrecy.md.
"""

import logging
import uuid
from collections import Counter

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_variables

from .. import ballot_crypto, ballot_keys
from ..models import Ballot, BallotCast, CouncilSession, Recusal, SessionStatus

logger = logging.getLogger(__name__)

KEY_LOST = _("Không tìm thấy khóa niêm phong phiếu bầu của phiên họp này (thư mục khóa BALLOT_KEY_DIR bị mất "
             "hoặc chưa được gắn vào máy chủ). Các phiếu đã bỏ không thể mở được; không ghi nhận thêm phiếu và "
             "không kiểm phiếu được. Đề nghị liên hệ quản trị hệ thống.")
KEY_STORE_UNWRITABLE = _("Không lưu được khóa niêm phong phiếu bầu (thư mục khóa BALLOT_KEY_DIR không ghi được); "
                         "phiếu bầu chưa được ghi nhận. Đề nghị liên hệ quản trị hệ thống.")
BOX_DAMAGED = _("Hòm phiếu điện tử của phiên họp không toàn vẹn (phiếu bầu bị thay đổi, thêm hoặc bớt so với số "
                "thành viên đã bỏ phiếu); không kiểm phiếu. Đề nghị liên hệ quản trị hệ thống.")


def _key_id(session) -> uuid.UUID | None:
    """As stored (the caller's instance may predate the first ballot paper)."""
    return CouncilSession.objects.filter(pk=session.pk).values_list("ballot_key", flat=True).get()


def _session_key(session: CouncilSession) -> bytes:
    """The session's key; made on the first ballot paper (the caller holds the session's row lock).
    A key missing once a ballot is in the box is lost: refused with a message, never replaced."""
    if session.ballot_key is None:
        session.ballot_key = uuid.uuid4()
        session.save(update_fields=["ballot_key"])
    elif ballot_keys.exists(session.ballot_key):
        return ballot_keys.load(session.ballot_key)
    elif Ballot.objects.filter(item__session=session).exists():
        raise ValidationError(KEY_LOST)
    try:
        return ballot_keys.create(session.ballot_key)
    except OSError:
        logger.exception("cannot write a ballot key in BALLOT_KEY_DIR=%s", settings.BALLOT_KEY_DIR)
        raise ValidationError(KEY_STORE_UNWRITABLE) from None


def key_lost(session: CouncilSession) -> bool:
    """Ballots are in the box and the key that opens them is gone."""
    return (Ballot.objects.filter(item__session=session).exists()
            and not ballot_keys.exists(_key_id(session)))


@sensitive_variables()  # every frame below: no choice, no key in an error report
def put_paper(session: CouncilSession, choices: dict[int, str]) -> None:
    """Seal a paper's choices (agenda item id → choice) into the box, in the transaction that writes
    its ``BallotCast``. Each ballot: a random key, the item, the ciphertext; nothing else."""
    key = _session_key(session)
    key_id = str(session.ballot_key)
    Ballot.objects.bulk_create([
        Ballot(item_id=item_id, sealed=ballot_crypto.seal(key, choice, key_id=key_id, item_id=item_id))
        for item_id, choice in choices.items()])


def _expected_per_item(session) -> Counter:
    """Ballots each item must hold: the papers cast, less the recusals of the members who cast."""
    casters = set(BallotCast.objects.filter(session=session).values_list("member_id", flat=True))
    recused = Counter(Recusal.objects.filter(item__session=session, member_id__in=casters)
                      .values_list("item_id", flat=True))
    return Counter({item_id: len(casters) - recused[item_id]
                    for item_id in session.items.values_list("pk", flat=True)})


@sensitive_variables()
def open_box(session: CouncilSession) -> list[tuple[int, str]]:
    """Every ballot of the session as (agenda item id, choice), in no meaningful order. Refused with a
    message when the key is lost, a ballot does not open, or the box does not match the papers cast."""
    rows = list(Ballot.objects.filter(item__session=session).values_list("item_id", "sealed").order_by())
    expected = _expected_per_item(session)
    if Counter(item_id for item_id, _sealed in rows) != +expected:
        raise ValidationError(BOX_DAMAGED)
    if not rows:
        return []
    key_id = _key_id(session)
    try:
        key = ballot_keys.load(key_id)
    except ballot_keys.KeyMissing:
        raise ValidationError(KEY_LOST) from None
    try:
        return [(item_id, ballot_crypto.unseal(key, sealed, key_id=str(key_id), item_id=item_id))
                for item_id, sealed in rows]
    except ballot_crypto.BallotSealError:
        raise ValidationError(BOX_DAMAGED) from None


def count_ballots(session: CouncilSession) -> dict[int, Counter]:
    """Yes, no and abstain counts per agenda item (read without emptying the box)."""
    counts: dict[int, Counter] = {}
    for item_id, choice in open_box(session):
        counts.setdefault(item_id, Counter())[choice] += 1
    return counts


def count_and_empty(session: CouncilSession) -> dict[int, Counter]:
    """The count (kiểm phiếu): the totals, the box emptied in the caller's transaction, and the key
    destroyed after it commits (with any key left over by an interrupted count). A rollback keeps both."""
    counts = count_ballots(session)
    Ballot.objects.filter(item__session=session).delete()
    key_id = _key_id(session)
    transaction.on_commit(lambda: _destroy_keys(key_id))
    return counts


def empty_lost_box(session: CouncilSession) -> None:
    """Drop the ballots no key opens any more; the next paper makes a new key."""
    Ballot.objects.filter(item__session=session).delete()
    session.ballot_key = None
    session.save(update_fields=["ballot_key"])


def _destroy_keys(key_id) -> None:
    """After the count has committed: a failure here must not undo or hide the count, so it is logged
    (the key stays until the next count purges it)."""
    try:
        ballot_keys.destroy(key_id)
        voting = CouncilSession.objects.filter(status=SessionStatus.VOTING, ballot_key__isnull=False)
        ballot_keys.purge(keep=set(voting.values_list("ballot_key", flat=True)))
    except OSError:
        logger.exception("ballot key %s not destroyed after the count; BALLOT_KEY_DIR=%s", key_id,
                         settings.BALLOT_KEY_DIR)
