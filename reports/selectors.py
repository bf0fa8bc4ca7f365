"""Read queries of the reports app: the record a document belongs to, scoped to what the user may
see, and the documents already rendered for it."""

from django.db.models import Count, QuerySet

from awards.models import Nomination
from awards.selectors import council as council_selectors
from awards.selectors import decisions as decision_selectors
from awards.selectors import proposals as proposal_selectors
from campaigns import selectors as campaign_selectors

from . import access
from .documents import KINDS, kinds_for
from .models import GeneratedDocument, SignedUpload


def _visible(owner: str, user) -> QuerySet:
    if owner == "proposal":
        return proposal_selectors.proposals_visible_to(user)
    if owner == "nomination":
        return Nomination.objects.filter(proposal__in=proposal_selectors.proposals_visible_to(user))
    if owner == "session":
        return council_selectors.sessions_visible_to(user)
    if owner == "campaign":
        return campaign_selectors.campaigns_visible_to(user)
    if owner == "plan":
        return campaign_selectors.plans_visible_to(user)
    raise ValueError(owner)


def owner_record(user, owner: str, object_id: int):
    """The record, or ``DoesNotExist`` when it is outside the user's units."""
    if owner == "decision":
        return decision_selectors.decision_detail(user, object_id)
    return _visible(owner, user).get(pk=object_id)


def document_detail(user, pk: int) -> GeneratedDocument:
    document = GeneratedDocument.objects.select_related("generated_by").get(pk=pk, kind__in=KINDS.keys())
    kind = KINDS[document.kind]
    if not access.can_use_kind(user, kind, owner_record(user, kind.owner, document.object_id)):
        raise GeneratedDocument.DoesNotExist
    return document


def signed_copy(user, pk: int) -> SignedUpload:
    upload = SignedUpload.objects.select_related("document").get(pk=pk)
    document_detail(user, upload.document_id)
    return upload


def latest_documents(owner: str, object_ids: list[int]) -> dict:
    """{(kind, object_id): newest document} for the kinds of ``owner``; one query."""
    codes = [kind.code for kind in kinds_for(owner)]
    latest = {}
    documents = GeneratedDocument.objects.filter(kind__in=codes, object_id__in=object_ids).annotate(
        signed=Count("signed_copies"))
    for document in documents.order_by("generated_at", "id"):
        latest[(document.kind, document.object_id)] = document
    return latest


def document_history(document: GeneratedDocument) -> QuerySet[GeneratedDocument]:
    return GeneratedDocument.objects.filter(kind=document.kind, object_id=document.object_id).select_related(
        "generated_by").order_by("-generated_at", "-id")
